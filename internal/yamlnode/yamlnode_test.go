package yamlnode

import (
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
		{"unknown alias", "a: 1\nb: *x\n", "yaml-syntax", Pos{1, 1}}, // yaml.v3 gives no line here
		{"merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n", "yaml-alias", Pos{3, 3}},
		{"custom tag", "a: !secret 1\n", "yaml-tag", Pos{1, 4}},
		{"unquoted date", "d: 2025-03-01\n", "yaml-unquoted-date", Pos{1, 4}},
		{"infinity", "n: .inf\n", "yaml-number", Pos{1, 4}},
		{"complex key", "? [a]\n: 1\n", "yaml-key", Pos{1, 3}},
		{"tab indentation", "a:\n\t- x\n", "yaml-syntax", Pos{2, 2}},
		{"unclosed flow list", "a: 1\nb: [x, y\nc: 2\n", "yaml-syntax", Pos{2, 1}},
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
