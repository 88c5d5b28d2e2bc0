package textdiff

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedExact(t *testing.T) {
	// Seven unchanged lines between the changes: more than twice the
	// context, so two hunks (GNU diff -u gives the same).
	a := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\nx\n"
	b := "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\nnine\nten\nx\neleven\n"
	want := `--- a/x
+++ b/x
@@ -1,7 +1,7 @@
 one
 two
 three
-four
+FOUR
 five
 six
 seven
@@ -9,3 +9,4 @@
 nine
 ten
 x
+eleven
`
	if got := Unified("a/x", "b/x", []byte(a), []byte(b)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestUnifiedCases(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"equal", "x\n", "x\n", ""},
		{"from empty", "", "a\nb\n", "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"to empty", "a\n", "", "--- a\n+++ b\n@@ -1 +0,0 @@\n-a\n"},
		{"no newline", "a\nb", "a\nc", "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"insert middle", "a\nb\n", "a\nx\nb\n", "--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+x\n b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Unified("a", "b", []byte(tt.a), []byte(tt.b)); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestUnifiedApplies checks, on random texts, that applying the diff to a
// gives b and that every hunk header counts its lines right.
func TestUnifiedApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a\n", "b\n", "c\n", "d\n", "e\n"}
	gen := func() string {
		var s strings.Builder
		for range r.IntN(30) {
			s.WriteString(words[r.IntN(len(words))])
		}
		return s.String()
	}
	for i := range 500 {
		a, b := gen(), gen()
		d := Unified("a", "b", []byte(a), []byte(b))
		got, err := apply(a, d)
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, d)
		}
		if got != b {
			t.Fatalf("case %d: applying the diff gave %q, want %q\n%s", i, got, b, d)
		}
	}
}

var hunkRe = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

func apply(a, d string) (string, error) {
	if d == "" {
		return a, nil
	}
	al := split(a)
	lines := strings.Split(strings.TrimSuffix(d, "\n"), "\n")[2:]
	var out []string
	pos := 0
	for i := 0; i < len(lines); {
		m := hunkRe.FindStringSubmatch(lines[i])
		if m == nil {
			return "", fmt.Errorf("bad hunk header %q", lines[i])
		}
		aStart, _ := strconv.Atoi(m[1])
		aN, bN := 1, 1
		if m[2] != "" {
			aN, _ = strconv.Atoi(m[2])
		}
		if m[4] != "" {
			bN, _ = strconv.Atoi(m[4])
		}
		from := aStart - 1
		if aN == 0 {
			from = aStart
		}
		out = append(out, al[pos:from]...)
		pos = from
		i++
		gotA, gotB := 0, 0
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			text := l[1:] + "\n"
			if i < len(lines) && lines[i] == "\\ No newline at end of file" {
				text = l[1:]
				i++
			}
			switch l[0] {
			case ' ':
				out = append(out, al[pos])
				pos++
				gotA++
				gotB++
			case '-':
				if al[pos] != text {
					return "", fmt.Errorf("removed line %q does not match %q", text, al[pos])
				}
				pos++
				gotA++
			case '+':
				out = append(out, text)
				gotB++
			}
		}
		if gotA != aN || gotB != bN {
			return "", fmt.Errorf("hunk counts %d,%d but header says %d,%d", gotA, gotB, aN, bN)
		}
	}
	out = append(out, al[pos:]...)
	return strings.Join(out, ""), nil
}
