package yamlnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Edit replaces Src[Start:End] of the parsed document with Text. Edits are
// computed from node positions so that every byte outside them survives:
// re-encoding a node tree would drop blank lines and reflow text
// (go-yaml/yaml#627, #534).
type Edit struct {
	Start, End int
	Text       string
}

// Apply returns src with the edits applied. Edits must not overlap.
func Apply(src []byte, edits ...Edit) ([]byte, error) {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b Edit) int { return a.Start - b.Start })
	var out bytes.Buffer
	pos := 0
	for _, e := range sorted {
		if e.Start < pos || e.End < e.Start || e.End > len(src) {
			return nil, errors.New("overlapping or out-of-range edits")
		}
		out.Write(src[pos:e.Start])
		out.WriteString(e.Text)
		pos = e.End
	}
	out.Write(src[pos:])
	return out.Bytes(), nil
}

// Field is one key of a mapping to be written out. Value is a string (written
// plain when that reads back as the same string, double-quoted otherwise),
// [Quoted], []Field (a nested block mapping), []string (a flow list of plain
// words) or [][]Field (a block list of mappings).
type Field struct {
	Key   string
	Value any
}

// Quoted is a string always written double-quoted, as dates must be.
type Quoted string

// node finds the node at path (mapping keys and decimal indexes).
func (d *Doc) node(path ...string) *yaml.Node {
	n := d.root
	for _, p := range path {
		if n == nil {
			return nil
		}
		_, n = d.child(n, p)
	}
	return n
}

// lineStarts returns the byte offset where each line of src begins.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset converts a 1-based line and column (in characters, as yaml.v3 counts
// them) to a byte offset in src.
func offset(src []byte, starts []int, p Pos) (int, error) {
	if p.Line < 1 || p.Line > len(starts) {
		return 0, fmt.Errorf("line %d is outside the file", p.Line)
	}
	off := starts[p.Line-1]
	for col := 1; col < p.Col; col++ {
		if off >= len(src) || src[off] == '\n' {
			return 0, fmt.Errorf("column %d is outside line %d", p.Col, p.Line)
		}
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off, nil
}

// SetScalar returns the edit that gives the single-line scalar at path the
// text value, keeping the way it was quoted where the new value allows.
func (d *Doc) SetScalar(value string, path ...string) (Edit, error) {
	where := strings.Join(path, ".")
	n := d.node(path...)
	if n == nil {
		return Edit{}, fmt.Errorf("%s is missing", where)
	}
	if n.Kind != yaml.ScalarNode {
		return Edit{}, fmt.Errorf("%s at line %d is not a single value", where, n.Line)
	}
	starts := lineStarts(d.src)
	start, err := offset(d.src, starts, Pos{n.Line, n.Column})
	if err != nil {
		return Edit{}, err
	}
	end, err := scalarEnd(d.src, start, n)
	if err != nil {
		return Edit{}, fmt.Errorf("%s at line %d: %w", where, n.Line, err)
	}
	var text string
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		text = doubleQuote(value)
	case n.Style&yaml.SingleQuotedStyle != 0:
		text = "'" + strings.ReplaceAll(value, "'", "''") + "'"
	default:
		text = Scalar(value)
	}
	return Edit{Start: start, End: end, Text: text}, nil
}

// scalarEnd finds where the scalar token starting at start ends, refusing
// styles that span lines: those cannot be replaced in place safely.
func scalarEnd(src []byte, start int, n *yaml.Node) (int, error) {
	line := src[start:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return start + i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return start + i + 1, nil
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return 0, errors.New("the value is a block of text (| or >); edit it by hand")
	default:
		if n.Tag != "!!null" && bytes.HasPrefix(line, []byte(n.Value)) {
			return start + len(n.Value), nil
		}
	}
	return 0, errors.New("the value spans several lines; edit it by hand")
}

// AppendMapping returns the edit that adds a block mapping with fields as the
// last element of the block sequence at path, indented like the element
// before it, and placed after that element's last line so that comments and
// blank lines around the sequence stay where they are.
func (d *Doc) AppendMapping(fields []Field, path ...string) (Edit, error) {
	where := strings.Join(path, ".")
	seq := d.node(path...)
	switch {
	case seq == nil:
		return Edit{}, fmt.Errorf("%s is missing", where)
	case seq.Kind != yaml.SequenceNode:
		return Edit{}, fmt.Errorf("%s at line %d is not a list", where, seq.Line)
	case seq.Style&yaml.FlowStyle != 0:
		return Edit{}, fmt.Errorf("%s at line %d is written as [ ... ]; write it as a block list (- ...) to append to it", where, seq.Line)
	case len(seq.Content) == 0:
		return Edit{}, fmt.Errorf("%s at line %d is empty", where, seq.Line)
	}
	last := seq.Content[len(seq.Content)-1]
	if last.Kind != yaml.MappingNode || last.Style&yaml.FlowStyle != 0 {
		return Edit{}, fmt.Errorf("%s: the last element (line %d) is not a block mapping", where, last.Line)
	}
	src := d.src
	starts := lineStarts(src)
	keyOff, err := offset(src, starts, Pos{last.Line, last.Column})
	if err != nil {
		return Edit{}, err
	}
	lineStart := starts[last.Line-1]
	dash := bytes.LastIndexByte(src[lineStart:keyOff], '-')
	if dash < 0 || strings.TrimSpace(string(src[lineStart:lineStart+dash])) != "" {
		return Edit{}, fmt.Errorf("%s: cannot find the dash of the element at line %d", where, last.Line)
	}
	dashIndent := dash // bytes before the dash are spaces, so bytes == columns
	gap := keyOff - lineStart - dash - 1
	childIndent := indentStep(seq, d.root)

	// The element ends at the last line indented deeper than its dash;
	// comments and blank lines at or left of the dash belong to what follows.
	endLine := last.Line
	for l := last.Line + 1; l <= len(starts); l++ {
		text := lineText(src, starts, l)
		trimmed := strings.TrimLeft(text, " ")
		indent := len(text) - len(trimmed)
		if strings.TrimSpace(trimmed) == "" {
			continue
		}
		if indent > dashIndent {
			endLine = l
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			continue
		}
		break
	}
	if keepsTrailing(src, starts, lastLeaf(last)) {
		// A block scalar with the keep indicator (|+, >+) owns the blank
		// lines after it: the new element goes after them, or the
		// earlier entry's text would lose its trailing newlines.
		for l := endLine + 1; l <= len(starts) && starts[l-1] < len(src); l++ {
			if strings.TrimSpace(lineText(src, starts, l)) != "" {
				break
			}
			endLine = l
		}
	}
	insert := starts[endLine-1] + len(lineText(src, starts, endLine))

	var b strings.Builder
	first := strings.Repeat(" ", dashIndent) + "-" + strings.Repeat(" ", gap)
	if err := writeBlock(&b, fields, first, dashIndent+1+gap, childIndent); err != nil {
		return Edit{}, err
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	text := nl + strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "\n", nl)
	return Edit{Start: insert, End: insert, Text: text}, nil
}

// lastLeaf returns the node written last inside n.
func lastLeaf(n *yaml.Node) *yaml.Node {
	for (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n
}

// keepsTrailing reports whether n is a block scalar whose header keeps its
// trailing blank lines (|+, >+, |2+).
func keepsTrailing(src []byte, starts []int, n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || n.Line < 1 || n.Line > len(starts) {
		return false
	}
	text := lineText(src, starts, n.Line)
	if n.Column-1 > len(text) {
		return false
	}
	header, _, _ := strings.Cut(text[n.Column-1:], " ")
	header, _, _ = strings.Cut(header, "#")
	return strings.Contains(header, "+")
}

// indentStep is how far the file indents a nested block mapping under its
// key: taken from an element of seq if one has such a mapping (the launch
// entry has none), else from anywhere in the document, else 2.
func indentStep(seq, root *yaml.Node) int {
	for i := len(seq.Content) - 1; i >= 0; i-- {
		el := seq.Content[i]
		for j := 1; j < len(el.Content); j += 2 {
			if v := el.Content[j]; v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
				return v.Content[0].Column - el.Column
			}
		}
	}
	var find func(n *yaml.Node) int
	find = func(n *yaml.Node) int {
		if n.Kind != yaml.MappingNode {
			for _, c := range n.Content {
				if step := find(c); step > 0 {
					return step
				}
			}
			return 0
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Line > k.Line {
				return v.Content[0].Column - k.Column
			}
			if step := find(v); step > 0 {
				return step
			}
		}
		return 0
	}
	if step := find(root); step > 0 {
		return step
	}
	return 2
}

func lineText(src []byte, starts []int, line int) string {
	s := starts[line-1]
	e := len(src)
	if line < len(starts) {
		e = starts[line] - 1
	}
	return strings.TrimSuffix(string(src[s:e]), "\r")
}

// Render writes fields as a block mapping document, two spaces per level.
func Render(fields []Field) (string, error) {
	var b strings.Builder
	if err := writeBlock(&b, fields, "", 0, 2); err != nil {
		return "", err
	}
	return b.String(), nil
}

// writeBlock writes fields one per line at indent spaces; the first line
// starts with first instead (a list dash, for instance).
func writeBlock(b *strings.Builder, fields []Field, first string, indent, step int) error {
	pad := strings.Repeat(" ", indent)
	for i, f := range fields {
		prefix := pad
		if i == 0 && first != "" {
			prefix = first
		}
		if Scalar(f.Key) != f.Key {
			return fmt.Errorf("key %q is not a plain word", f.Key)
		}
		b.WriteString(prefix + f.Key + ":")
		switch v := f.Value.(type) {
		case string:
			b.WriteString(" " + Scalar(v) + "\n")
		case Quoted:
			b.WriteString(" " + doubleQuote(string(v)) + "\n")
		case []string:
			words := make([]string, len(v))
			for j, w := range v {
				words[j] = flowWord(w)
			}
			b.WriteString(" [" + strings.Join(words, ", ") + "]\n")
		case []Field:
			b.WriteString("\n")
			if err := writeBlock(b, v, "", indent+step, step); err != nil {
				return err
			}
		case [][]Field:
			b.WriteString("\n")
			for _, m := range v {
				dash := strings.Repeat(" ", indent+step) + "- "
				if err := writeBlock(b, m, dash, indent+step+2, step); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("key %q: cannot write a %T", f.Key, v)
		}
	}
	return nil
}

// Scalar returns s as a one-line YAML scalar: plain when a YAML parser reads
// that back as the same string, double-quoted otherwise.
func Scalar(s string) string {
	if s != "" && !yaml11Word[strings.ToLower(s)] && !strings.ContainsAny(s, "\n\r\t") && s == strings.TrimSpace(s) {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err == nil &&
			len(n.Content) == 1 && len(n.Content[0].Content) == 2 {
			v := n.Content[0].Content[1]
			if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Style == 0 && v.Value == s {
				return s
			}
		}
	}
	return doubleQuote(s)
}

// DoubleQuoted returns s as a double-quoted YAML scalar, for values such as
// dates that must stay strings whatever they look like.
func DoubleQuoted(s string) string { return doubleQuote(s) }

// yaml11Word holds the words YAML 1.1 parsers read as booleans or null
// though yaml.v3 reads them as text; quoting them keeps every tool agreed.
var yaml11Word = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true, "~": true}

// flowWord is Scalar for an element of a [ ... ] list, where commas and
// brackets end a plain word.
func flowWord(s string) string {
	if strings.ContainsAny(s, ",[]{}") {
		return doubleQuote(s)
	}
	return Scalar(s)
}

// doubleQuote writes s as a double-quoted scalar. JSON string escapes are a
// subset of YAML's double-quoted escapes, so a JSON string is a valid one.
func doubleQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}
