package edit

import (
	"testing"

	"github.com/open-workforce/strategy/internal/yamlnode"
)

// An update appends an entry; it must not change a byte of the entries
// before it. A note written as a keep block (|+, >+) owns the blank lines
// after it, so the new entry goes after them.
func TestApplyUpdateKeepsKeepBlock(t *testing.T) {
	const head = "id: X\nstatus: in-progress\nprogress:\n"
	tests := map[string]string{
		"literal at the end of the file":   head + "- date: \"2025-01-01\"\n  status: in-progress\n  note: |+\n    kept\n\n\n",
		"literal before the next key":      head + "- date: \"2025-01-01\"\n  status: in-progress\n  note: |+\n    kept\n\n\nsources: []\n",
		"folded before a comment":          head + "  - date: \"2025-01-01\"\n    status: in-progress\n    note: >+\n      kept\n\n\n# trailing comment\n",
		"indentation indicator":            head + "- date: \"2025-01-01\"\n  status: in-progress\n  note: |2+\n     indented\n\n",
		"keep block with a header comment": head + "- date: \"2025-01-01\"\n  status: in-progress\n  note: |+ # why\n    kept\n\n\n\n",
		"strip block is left as it was":    head + "- date: \"2025-01-01\"\n  status: in-progress\n  note: |-\n    kept\n\n",
		"CRLF":                             "id: X\r\nstatus: in-progress\r\nprogress:\r\n- date: \"2025-01-01\"\r\n  status: in-progress\r\n  note: |+\r\n    kept\r\n\r\n\r\n",
	}
	note := func(src []byte, i int) any {
		d, probs := yamlnode.Parse(src)
		if d == nil || len(probs) > 0 {
			t.Fatalf("cannot parse %q: %v", src, probs)
		}
		return d.Value().(map[string]any)["progress"].([]any)[i].(map[string]any)["note"]
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			out, err := ApplyUpdate([]byte(src), Update{Status: "complete", Date: "2025-02-01", Note: "Example: done."})
			if err != nil {
				t.Fatal(err)
			}
			if before, after := note([]byte(src), 0), note(out, 0); before != after {
				t.Errorf("the earlier note changed from %q to %q in\n%s", before, after, out)
			}
			if got := note(out, 1); got != "Example: done." {
				t.Errorf("new note %q", got)
			}
		})
	}
}
