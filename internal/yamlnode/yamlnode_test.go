package yamlnode

import (
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		rule string
		pos  Pos
	}{
		{"empty", "", "yaml-empty", Pos{1, 1}},
		{"only a comment", "# nothing\n", "yaml-empty", Pos{1, 1}},
		{"invalid UTF-8", "id: AR-01\ntitle: caf\xe9\n", "yaml-encoding", Pos{2, 11}},
		{"two documents", "a: 1\n---\nb: 2\n", "yaml-multi-doc", Pos{2, 1}},
		{"a list", "- a\n", "not-mapping", Pos{1, 1}},
		{"duplicate key", "a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", Pos{3, 1}},
		{"anchor", "a: &x 1\n", "yaml-alias", Pos{1, 4}},
		{"unknown alias", "a: 1\nb: *x\n", "yaml-syntax", Pos{2, 1}}, // yaml.v3 gives no line here: the shortest failing prefix does
		{"merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n", "yaml-alias", Pos{3, 3}},
		{"custom tag", "a: !secret 1\n", "yaml-tag", Pos{1, 4}},
		{"unquoted date", "d: 2025-03-01\n", "yaml-unquoted-date", Pos{1, 4}},
		{"infinity", "n: .inf\n", "yaml-number", Pos{1, 4}},
		{"complex key", "? [a]\n: 1\n", "yaml-key", Pos{1, 3}},
		{"tab indentation", "a:\n\t- x\n", "yaml-syntax", Pos{2, 2}},
		{"unclosed flow list", "a: 1\nb: [x, y\nc: 2\n", "yaml-syntax", Pos{2, 1}},
		// Indentation errors sit where the bad line is, not where the
		// block around it opened.
		{"list entry under a mapping", "a: 1\n- b\n", "yaml-syntax", Pos{2, 1}},
		{"key dedented one space", "a: 1\nb:\n    c: 1\n   d: 1\n", "yaml-syntax", Pos{4, 4}},
		{"progress key misaligned", "id: X\nprogress:\n  - date: \"2025-01-01\"\n    note: x\n   status: y\n", "yaml-syntax", Pos{5, 4}},
		{"sequence entry dedented", "a:\n  - 1\n - 2\n", "yaml-syntax", Pos{3, 2}},
		// Control characters the reader stops at, placed where they are.
		{"NUL on line 3", "a: 1\nb: 2\nc: x\x00y\n", "yaml-syntax", Pos{3, 5}},
		{"BEL in a quoted value", "a: 1\nb: \"x\a\"\n", "yaml-syntax", Pos{2, 6}},
		{"ESC after a multibyte letter", "t: café\x1b[31m\n", "yaml-syntax", Pos{1, 8}},
		{"C1 control", "a: 1\n\nz: \u0085ok\u009b\n", "yaml-syntax", Pos{3, 7}},
		// Integers mean the same number to every parser or are refused.
		{"YAML 1.1 octal", "declared_items: 070\n", "yaml-number", Pos{1, 17}},
		{"hexadecimal", "n: 0x38\n", "yaml-number", Pos{1, 4}},
		{"YAML 1.2 octal", "n: 0o70\n", "yaml-number", Pos{1, 4}},
		{"binary", "n: 0b111000\n", "yaml-number", Pos{1, 4}},
		{"digit separators", "n: 5_6\n", "yaml-number", Pos{1, 4}},
		{"signed leading zero", "n: -07\n", "yaml-number", Pos{1, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse([]byte(tt.src))
			for _, p := range probs {
				if p.Rule == tt.rule && p.Pos == tt.pos {
					return
				}
			}
			t.Errorf("Parse(%q) = %+v, want a %s problem at %v", tt.src, probs, tt.rule, tt.pos)
		})
	}
}

func TestParseAcceptsBOMAndCRLF(t *testing.T) {
	doc, probs := Parse([]byte("\xef\xbb\xbfid: AR-01\r\ntitle: \"x\"\r\nlist:\r\n  - 1\r\n"))
	if len(probs) > 0 {
		t.Fatalf("problems: %+v", probs)
	}
	v := doc.Value().(map[string]any)
	if v["id"] != "AR-01" || v["title"] != "x" {
		t.Errorf("value = %#v", v)
	}
	if got := doc.Locate("list", "0").Value; got != (Pos{4, 5}) {
		t.Errorf("list[0] at %v, want 4:5", got)
	}
}

func TestLocate(t *testing.T) {
	src := "id: AR-01\nactors:\n  lead: [dhsc]\n  partners:\n    - lga\n    - cqc\n"
	doc, probs := Parse([]byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tests := []struct {
		path []string
		want Loc
	}{
		{[]string{"id"}, Loc{Pos{1, 1}, Pos{1, 5}}},
		{[]string{"actors", "lead", "0"}, Loc{Pos{3, 10}, Pos{3, 10}}},
		{[]string{"actors", "partners", "1"}, Loc{Pos{6, 7}, Pos{6, 7}}},
		{[]string{"actors", "partners", "7"}, Loc{Pos{4, 3}, Pos{5, 5}}}, // falls back to the list
		{[]string{"nope", "deeper"}, Loc{Pos{1, 1}, Pos{1, 1}}},
	}
	for _, tt := range tests {
		if got := doc.Locate(tt.path...); got != tt.want {
			t.Errorf("Locate(%v) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// Hostile input must be refused quickly and without a crash. Speed is
// measured in BenchmarkParseHostile, not asserted here.
func TestParseHostile(t *testing.T) {
	for name, src := range hostile() {
		t.Run(name, func(t *testing.T) {
			_, probs := Parse([]byte(src))
			if len(probs) == 0 {
				t.Fatal("hostile input accepted")
			}
		})
	}
}

func hostile() map[string]string {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = n
	}
	return map[string]string{
		"alias bomb":       bomb,
		"deep flow":        "a: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n",
		"deep block":       deepBlock(200),
		"too deep to scan": "a: " + strings.Repeat("[", 20000) + "\n",
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "v\n")
	return b.String()
}

func BenchmarkParseHostile(b *testing.B) {
	for name, src := range hostile() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				Parse([]byte(src))
			}
		})
	}
}

// An alias bomb gives a handful of findings, not one per alias.
func TestParseAliasBombIsBrief(t *testing.T) {
	_, probs := Parse([]byte(hostile()["alias bomb"]))
	if len(probs) != maxAliasProblems+1 {
		t.Fatalf("%d problems, want %d: %+v", len(probs), maxAliasProblems+1, probs)
	}
	last := probs[len(probs)-1]
	if last.Rule != "yaml-alias" || !strings.Contains(last.Message, "more anchors, aliases or merge keys") {
		t.Errorf("last problem: %+v", last)
	}
}

func TestParseKeepsPlainDecimals(t *testing.T) {
	doc, probs := Parse([]byte("a: 56\nb: -3\nc: 0\nd: +4\n"))
	if len(probs) > 0 {
		t.Fatalf("Parse = %+v, want no problems", probs)
	}
	want := map[string]any{"a": int64(56), "b": int64(-3), "c": int64(0), "d": int64(4)}
	if got := doc.Value(); !reflect.DeepEqual(got, want) {
		t.Errorf("Value = %#v, want %#v", got, want)
	}
}

// A wide mapping is refused with one problem; a long list is cut just past
// the bound, for the schema to refuse. What lies past is never walked.
func TestParseBoundsWidthAndLength(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: X\nextra:\n")
	for i := range MaxKeys + 5000 {
		fmt.Fprintf(&b, "  k%d: %d\n", i, i)
	}
	b.WriteString("lead:\n")
	for range MaxEntries + 50000 {
		b.WriteString("  - dhsc\n")
	}
	doc, probs := Parse([]byte(b.String()))
	var rules []string
	for _, p := range probs {
		rules = append(rules, fmt.Sprintf("%s@%d", p.Rule, p.Line))
	}
	want := []string{fmt.Sprintf("yaml-too-large@%d", 3+MaxKeys)}
	if !reflect.DeepEqual(rules, want) {
		t.Fatalf("problems %v, want %v", rules, want)
	}
	v := doc.Value().(map[string]any)
	if n := len(v["extra"].(map[string]any)); n != MaxKeys {
		t.Errorf("kept %d keys, want %d", n, MaxKeys)
	}
	if n := len(v["lead"].([]any)); n != MaxEntries+1 {
		t.Errorf("kept %d entries, want %d", n, MaxEntries+1)
	}
}

// Finding a key's position must not scan its mapping once per finding: a
// file with a finding on every key would cost the square of its keys.
func TestLocateManyKeys(t *testing.T) {
	var b strings.Builder
	for i := range MaxKeys {
		fmt.Fprintf(&b, "k%d: %d\n", i, i)
	}
	doc, probs := Parse([]byte(b.String()))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for i := range MaxKeys {
		if got := doc.Locate(fmt.Sprintf("k%d", i)); got.Key != (Pos{i + 1, 1}) {
			t.Fatalf("k%d at %v, want line %d", i, got.Key, i+1)
		}
	}
}

// A released document is placed again from a re-read, and only when the
// re-read holds the bytes that were checked: an edit in between must not
// move a finding onto whatever line now sits there.
func TestReleasedLocate(t *testing.T) {
	const src = "id: AR-01\nactors:\n  lead: [dhsc]\n"
	exact := Loc{Pos{3, 3}, Pos{3, 9}}
	tests := []struct {
		name string
		disk string // the file when it is read again
		err  error  // or the error opening it gives
		want error  // what Lost says; nil means Locate gives exact
	}{
		{name: "unchanged", disk: src},
		{name: "unchanged but for a BOM", disk: "\xef\xbb\xbf" + src},
		{name: "a line added above", disk: "# new\n" + src, want: ErrChanged},
		{name: "same length, other bytes", disk: strings.Replace(src, "dhsc", "dfes", 1), want: ErrChanged},
		{name: "cut short", disk: src[:10], want: ErrChanged},
		{name: "grown far past", disk: src + strings.Repeat("x: 1\n", 1000), want: ErrChanged},
		{name: "gone", err: fs.ErrNotExist, want: fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, probs := Parse([]byte(src))
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			reads := 0
			doc.Release(func() (io.ReadCloser, error) {
				reads++
				if tt.err != nil {
					return nil, tt.err
				}
				return io.NopCloser(strings.NewReader(tt.disk)), nil
			})
			if doc.Value() != nil {
				t.Error("a released document still holds its value")
			}
			for range 2 { // asking again must not read again
				got, lost := doc.Locate("actors", "lead"), doc.Lost()
				switch {
				case tt.want == nil && (lost != nil || got != exact):
					t.Errorf("Locate = %v, Lost() = %v; want %v and nil", got, lost, exact)
				case tt.want == ErrChanged && lost != ErrChanged:
					t.Errorf("Lost() = %v, want ErrChanged", lost)
				case tt.want == fs.ErrNotExist && (lost == nil || !strings.Contains(lost.Error(), tt.err.Error())):
					t.Errorf("Lost() = %v, want it to give the read error", lost)
				case tt.want != nil && got != (Loc{}):
					t.Errorf("Locate = %v, want no position", got)
				}
			}
			if reads != 1 {
				t.Errorf("the file was read %d times, want once", reads)
			}
		})
	}
}
