// Package yamlnode is the only package that imports a YAML library. It parses
// one YAML document strictly (one document, a mapping, no duplicate keys, no
// anchors or aliases, no custom tags, quoted dates), converts it to the plain
// JSON-like value a JSON Schema validator takes, and remembers where every key
// and value sits in the file so that findings can name a line and column.
//
// Keeping every yaml import here means the move from gopkg.in/yaml.v3 to its
// maintained fork go.yaml.in/yaml/v3 is a one-line change.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxDepth bounds nesting. Real items nest four levels deep; anything far
// deeper is a mistake or an attack, and is refused before it costs anything.
const MaxDepth = 32

// MaxKeys bounds the keys of one mapping and MaxEntries the entries of one
// list. The widest real mapping has a dozen keys and the longest real list
// (a plan's actions) a few hundred entries. Past these bounds a file is an
// attack or an accident, and the work some checks do grows faster than the
// count (yaml.v3 compares every pair of keys when it decodes a mapping;
// a schema's uniqueItems compares entries). A wider mapping is a problem
// here; a longer list keeps MaxEntries+1 entries in the value, enough for
// the schema's own maxItems (never above MaxEntries) to name the list.
const (
	MaxKeys    = 200
	MaxEntries = 10000
)

// Pos is a 1-based line and column in a file.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Loc is where a mapping key and its value sit. For sequence elements and the
// root, Key equals Value.
type Loc struct {
	Key   Pos
	Value Pos
}

// Problem is a defect in the YAML itself, found before any schema applies.
type Problem struct {
	Pos
	Rule    string
	Message string
}

// Doc is a parsed, strictly checked document.
type Doc struct {
	mu     sync.Mutex
	root   *yaml.Node
	keys   map[*yaml.Node]map[string]int // each mapping's keys to their index, built when first asked
	value  any
	src    []byte
	reopen func() (io.ReadCloser, error) // set by Release: how to read the bytes again
	parsed fingerprint                   // set by Release: the bytes the value came from
	lost   error                         // why a released document's positions cannot be given
	cut    bool                          // a list was longer than MaxEntries
}

// fingerprint identifies a file's bytes without keeping them: a released
// document keeps one so that a re-read is trusted only when it reads what was
// checked. Keeping the bytes themselves would cost a dataset of 100,000 items
// its memory bound; the length and a 64-bit hash cost 16 bytes a file.
type fingerprint struct {
	size int
	sum  uint64
}

// seed is per process: fingerprints are compared within one run only.
var seed = maphash.MakeSeed()

func fingerprintOf(src []byte) fingerprint {
	return fingerprint{size: len(src), sum: maphash.Bytes(seed, src)}
}

// ErrChanged is why a released document cannot place anything: its file on
// disk is no longer the one that was checked, so any line would be a guess.
var ErrChanged = errors.New("the file changed while it was being checked, so no line is given: run the command again")

// Cut reports whether a list in the file was longer than [MaxEntries], so
// that the value holds only its first MaxEntries+1 entries. Such a file is
// for the schema to refuse, never to decode: decoding reads every entry.
func (d *Doc) Cut() bool { return d.cut }

// Value returns the document as nested map[string]any, []any, string, int64,
// float64, bool and nil, ready for JSON Schema. It is nil after [Doc.Release].
func (d *Doc) Value() any { return d.value }

// Source returns the bytes the document was parsed from, without any BOM,
// reading them again if the document was released. It is nil when they
// cannot be read again unchanged (see [Doc.Lost]).
func (d *Doc) Source() []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.restore()
	return d.src
}

// Decode fills v from the document. Call it only after [Parse] reported no
// problems: the strict walk has already rejected what Decode would tolerate.
func (d *Doc) Decode(v any) error { return d.root.Decode(v) }

// Release drops the parsed tree, the value and the source, keeping only a
// way to open the file again and a fingerprint of its bytes. A loaded
// dataset holds one Doc per file, and positions are needed only for the few
// files with findings, so a large dataset need not keep every tree in memory.
func (d *Doc) Release(reopen func() (io.ReadCloser, error)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root != nil {
		d.parsed = fingerprintOf(d.src)
	}
	d.root, d.value, d.src, d.reopen, d.keys = nil, nil, nil, reopen, nil
}

// Lost returns why positions in a released document cannot be given: its
// file could not be read again, or no longer holds the bytes that were
// checked ([ErrChanged]). It is nil when [Doc.Locate] gives exact positions.
// The error's text is written to follow a finding's message.
func (d *Doc) Lost() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.restore()
	return d.lost
}

// restore re-parses a released document, but only from the very bytes it
// was checked from: a file edited meanwhile would place a finding on
// whatever line now sits where the checked value was. Locking is the
// caller's.
func (d *Doc) restore() {
	if d.root != nil || d.reopen == nil || d.lost != nil {
		return
	}
	src, err := d.reread()
	if err != nil {
		d.lost = fmt.Errorf("the file could not be read again to find the line (%v): run the command again", err)
		return
	}
	src = bytes.TrimPrefix(src, bom)
	if fingerprintOf(src) != d.parsed {
		d.lost = ErrChanged
		return
	}
	doc, _ := Parse(src)
	if doc == nil {
		// The same bytes parsed before; only a broken hash gets here.
		d.lost = ErrChanged
		return
	}
	d.root, d.src = doc.root, doc.src
}

// reread reads the file again, no further than one byte past what was
// parsed (and a BOM): a longer file has changed, whatever it now is.
func (d *Doc) reread() ([]byte, error) {
	f, err := d.reopen()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(d.parsed.size+len(bom)+1)))
}

// Locate returns where the value at path sits, falling back to the nearest
// ancestor that exists. Path elements are mapping keys or decimal indexes.
// It returns the zero Loc, line 0, when [Doc.Lost] says why no position can
// be given.
func (d *Doc) Locate(path ...string) Loc {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.restore()
	n := d.root
	if n == nil {
		return Loc{}
	}
	loc := Loc{Key: Pos{n.Line, n.Column}, Value: Pos{n.Line, n.Column}}
	for _, p := range path {
		key, next := d.child(n, p)
		if next == nil {
			break
		}
		loc.Value = Pos{next.Line, next.Column}
		loc.Key = loc.Value
		if key != nil {
			loc.Key = Pos{key.Line, key.Column}
		}
		n = next
	}
	return loc
}

// Len returns how many entries the list (or keys the mapping) at path holds
// in the file: the value stops just past [MaxEntries], the file need not.
// It is 0 when [Doc.Lost] says the file cannot be read again unchanged.
func (d *Doc) Len(path ...string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.restore()
	n := d.root
	for _, p := range path {
		if n == nil {
			return 0
		}
		_, n = d.child(n, p)
	}
	switch {
	case n == nil:
		return 0
	case n.Kind == yaml.MappingNode:
		return len(n.Content) / 2
	}
	return len(n.Content)
}

// child returns the key node (for mappings) and the value node at step p of
// a path below n, or nil when there is none. A file with a finding on every
// key would cost a scan of the mapping per finding, so each mapping's keys
// are indexed once. Locking is the caller's.
func (d *Doc) child(n *yaml.Node, p string) (key, val *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		idx, ok := d.keys[n]
		if !ok {
			idx = make(map[string]int, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				if _, dup := idx[n.Content[i].Value]; !dup {
					idx[n.Content[i].Value] = i
				}
			}
			if d.keys == nil {
				d.keys = map[*yaml.Node]map[string]int{}
			}
			d.keys[n] = idx
		}
		if i, ok := idx[p]; ok {
			return n.Content[i], n.Content[i+1]
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(p)
		if err == nil && i >= 0 && i < len(n.Content) {
			return nil, n.Content[i]
		}
	}
	return nil, nil
}

var bom = []byte("\xef\xbb\xbf")

var lineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

var decimalRe = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]*)$`)

// Parse parses src as exactly one YAML document whose root is a mapping. It
// returns every problem it can find; the Doc is nil when the document cannot
// be used at all.
func Parse(src []byte) (*Doc, []Problem) {
	src = bytes.TrimPrefix(src, bom)
	if !utf8.Valid(src) {
		return nil, []Problem{{Pos: invalidUTF8Pos(src), Rule: "yaml-encoding", Message: "file is not valid UTF-8"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Pos: Pos{1, 1}, Rule: "yaml-empty", Message: "file holds no YAML document"}}
		}
		return nil, []Problem{syntaxProblem(src, err)}
	}
	var probs []Problem
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		probs = append(probs, Problem{Pos: Pos{extra.Line, extra.Column}, Rule: "yaml-multi-doc", Message: "file holds more than one YAML document"})
	} else if !errors.Is(err, io.EOF) {
		probs = append(probs, syntaxProblem(src, err))
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, append(probs, Problem{Pos: Pos{1, 1}, Rule: "yaml-empty", Message: "file holds no YAML document"})
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, append(probs, Problem{Pos: Pos{top.Line, top.Column}, Rule: "not-mapping", Message: fmt.Sprintf("expected a mapping of keys to values, found %s", describe(top))})
	}
	var w walker
	val := w.walk(top, 0)
	probs = append(probs, w.probs...)
	if w.more != nil {
		extra := w.aliases - maxAliasProblems
		probs = append(probs, Problem{Pos: w.more.Pos, Rule: "yaml-alias", Message: fmt.Sprintf("%d more anchors, aliases or merge keys from here on; write each value out in full", extra)})
	}
	return &Doc{root: top, value: val, src: src, cut: w.cut}, probs
}

func syntaxProblem(src []byte, err error) Problem {
	msg := err.Error()
	line := 1
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if strings.HasPrefix(msg, "did not find expected ',' or ") {
			// yaml.v3 reports an unclosed flow collection at its opening
			// mark, counted from 0 where every other message counts from 1.
			line++
			msg += ": a [ or { opened on this line is not closed"
		} else {
			line = failingLine(src, line, msg)
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
		if msg == "control characters are not allowed" {
			// The reader reports no position at all; the first character
			// YAML forbids is the one it stopped at.
			if pos, ok := controlPos(src); ok {
				return Problem{Pos: pos, Rule: "yaml-syntax", Message: fmt.Sprintf("control character %U is not allowed; remove it", controlRune(src, pos))}
			}
		} else {
			line = failingLine(src, 1, msg)
		}
	}
	// yaml.v3 reports no column for syntax errors; the first non-blank
	// column of the line is the closest honest guess (documented in README).
	return Problem{Pos: Pos{line, firstNonBlank(src, line)}, Rule: "yaml-syntax", Message: msg}
}

// maxRefine bounds the files whose syntax errors are placed by re-parsing:
// each re-parse reads a prefix of the file, and a few dozen of them over a
// file at the size limit would cost more than the error is worth.
const maxRefine = 256 << 10

// failingLine finds the line a syntax error really sits on. yaml.v3 names
// the line where the enclosing block starts (or none), not the line that
// broke it: a key indented one space too far is reported where its mapping
// opened. The shortest run of whole lines, from the start, that fails with
// the same message ends on the line to blame; it is found by halving, and
// never placed before the line the parser named.
func failingLine(src []byte, reported int, msg string) int {
	if len(src) > maxRefine {
		return reported
	}
	var ends []int // ends[i] is the offset just past line i+1
	for i, b := range src {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	fails := func(n int) bool {
		var root yaml.Node
		err := yaml.NewDecoder(bytes.NewReader(src[:ends[n-1]])).Decode(&root)
		if err == nil {
			return false
		}
		m := err.Error()
		if sm := lineRe.FindStringSubmatch(m); sm != nil {
			m = sm[2]
		}
		return strings.TrimPrefix(m, "yaml: ") == msg
	}
	lo, hi := max(reported, 1), len(ends)
	if lo > hi || !fails(hi) {
		return reported
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// forbidden reports a character YAML does not allow in a stream.
func forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}

// controlPos returns where the first forbidden character sits.
func controlPos(src []byte) (Pos, bool) {
	line, col := 1, 1
	for _, r := range string(src) {
		if forbidden(r) {
			return Pos{line, col}, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return Pos{}, false
}

// controlRune returns the character at pos, found by controlPos.
func controlRune(src []byte, pos Pos) rune {
	line, col := 1, 1
	for _, r := range string(src) {
		if line == pos.Line && col == pos.Col {
			return r
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return utf8.RuneError
}

func firstNonBlank(src []byte, line int) int {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	col := 1
	for _, r := range string(l) {
		if r != ' ' && r != '\t' {
			return col
		}
		col++
	}
	return 1
}

func invalidUTF8Pos(src []byte) Pos {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return Pos{line, col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return Pos{line, col}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "an empty value"
		}
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "something else"
}

type walker struct {
	cut     bool // a list was cut short at MaxEntries+1
	probs   []Problem
	aliases int      // anchors, aliases and merge keys met
	more    *Problem // stands for those past maxAliasProblems
}

// maxAliasProblems bounds the findings for anchors and aliases in one file:
// an alias bomb has hundreds, and the first few say all there is to say.
const maxAliasProblems = 3

func (w *walker) add(n *yaml.Node, rule, format string, args ...any) {
	p := Problem{Pos: Pos{n.Line, n.Column}, Rule: rule, Message: fmt.Sprintf(format, args...)}
	if rule == "yaml-alias" {
		w.aliases++
		if w.aliases > maxAliasProblems {
			if w.more == nil {
				w.more = &p
			}
			return
		}
	}
	w.probs = append(w.probs, p)
}

func (w *walker) walk(n *yaml.Node, depth int) any {
	if depth > MaxDepth {
		w.add(n, "yaml-too-deep", "nesting deeper than %d levels", MaxDepth)
		return nil
	}
	if n.Anchor != "" {
		w.add(n, "yaml-alias", "anchors (&%s) are not allowed: write each value out in full", n.Anchor)
	}
	switch n.Kind {
	case yaml.AliasNode:
		w.add(n, "yaml-alias", "aliases (*%s) are not allowed: write each value out in full", n.Value)
		return nil
	case yaml.MappingNode:
		if n.Tag != "!!map" {
			w.add(n, "yaml-tag", "unsupported tag %s", n.Tag)
		}
		content := n.Content
		if len(content) > 2*MaxKeys {
			w.add(content[2*MaxKeys], "yaml-too-large", "a mapping with more than %d keys; no field of this dataset has that many", MaxKeys)
			content = content[:2*MaxKeys]
		}
		obj := make(map[string]any, len(content)/2)
		for i := 0; i+1 < len(content); i += 2 {
			k, v := content[i], content[i+1]
			if k.Kind != yaml.ScalarNode {
				w.add(k, "yaml-key", "keys must be plain words, found %s", describe(k))
				continue
			}
			if k.Tag == "!!merge" {
				w.add(k, "yaml-alias", "merge keys (<<) are not allowed: write each value out in full")
				continue
			}
			// obj holds every key taken so far; the line of the first
			// is looked up only for a duplicate, which is rare.
			if _, dup := obj[k.Value]; dup {
				w.add(k, "yaml-duplicate-key", "key %q already defined at line %d", k.Value, firstKey(content[:i], k.Value))
				continue
			}
			obj[k.Value] = w.walk(v, depth+1)
		}
		return obj
	case yaml.SequenceNode:
		if n.Tag != "!!seq" {
			w.add(n, "yaml-tag", "unsupported tag %s", n.Tag)
		}
		content := n.Content
		if len(content) > MaxEntries+1 {
			content = content[:MaxEntries+1]
			w.cut = true
		}
		arr := make([]any, len(content))
		for i, c := range content {
			arr[i] = w.walk(c, depth+1)
		}
		return arr
	case yaml.ScalarNode:
		return w.scalar(n)
	}
	w.add(n, "yaml-syntax", "unexpected YAML node")
	return nil
}

// firstKey returns the line of the first key named name that the walk took
// among content's keys.
func firstKey(content []*yaml.Node, name string) int {
	for i := 0; i+1 < len(content); i += 2 {
		if k := content[i]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == name {
			return k.Line
		}
	}
	return 0
}

func (w *walker) scalar(n *yaml.Node) any {
	switch n.Tag {
	case "!!str":
		return n.Value
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			w.add(n, "yaml-tag", "%q is not a boolean: use true or false", n.Value)
		}
		return b
	case "!!int":
		// Parsers disagree on 070 (octal 56 in YAML 1.1, 70 in 1.2), 0x38
		// and 1_000: only plain decimal means the same number to all.
		if !decimalRe.MatchString(n.Value) {
			w.add(n, "yaml-number", "%q is not a plain decimal whole number: write it with the digits 0-9 only, without leading zeros", n.Value)
			return n.Value
		}
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			w.add(n, "yaml-number", "%q is not a whole number this tool can hold", n.Value)
			return n.Value
		}
		return i
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			w.add(n, "yaml-number", "%q is not a finite number", n.Value)
			return n.Value
		}
		return f
	case "!!timestamp":
		// YAML 1.1 parsers (js-yaml, yaml.v3 into any) read an unquoted date
		// as a timestamp, others as a string. One rule for every tool: dates
		// are quoted strings.
		w.add(n, "yaml-unquoted-date", "quote the date (%q) so that every YAML parser reads it as text", n.Value)
		return n.Value
	}
	w.add(n, "yaml-tag", "unsupported tag %s", n.Tag)
	return n.Value
}

// ParseOnly parses src with yaml.v3 into a node tree and nothing more: no
// checks, no value, no positions kept. It is the floor the loader's speed is
// measured against (bench/yamlparse).
func ParseOnly(src []byte) error {
	var n yaml.Node
	return yaml.Unmarshal(src, &n)
}
