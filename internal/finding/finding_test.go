package finding

import (
	"strings"
	"testing"
)

// A file name is anyone's text: a newline in it must not start a line of
// its own that reads as a finding, nor an escape sequence act on a terminal.
func TestStringQuotesUnprintablePaths(t *testing.T) {
	tests := []struct {
		f    Finding
		want string
	}{
		{Finding{Path: "data/items/TR-01.yaml", Line: 3, Column: 1, Rule: "r", Message: "m"}, "data/items/TR-01.yaml:3:1: r: m"},
		{Finding{Path: "data/items/x\ndata/items/AR-01.yaml:1:1: ok.yaml", Rule: "r", Message: "m"}, `"data/items/x\ndata/items/AR-01.yaml:1:1: ok.yaml": r: m (about the whole file: no line to point at)`},
		{Finding{Path: "data/items/TR-02.yaml", Rule: "file-symlink", Message: "refused"}, "data/items/TR-02.yaml: file-symlink: refused (about the whole file: no line to point at)"},
		{Finding{Path: "data/items/\x1b[2Kx.yaml", Line: 1, Column: 1, Rule: "r", Message: "key \"a\x1b[31m\nb\""}, `"data/items/\x1b[2Kx.yaml":1:1: r: key "a[31m b"`},
	}
	for _, tt := range tests {
		got := tt.f.String()
		if got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		if strings.ContainsAny(got, "\n\x1b") {
			t.Errorf("String() = %q holds a newline or ESC", got)
		}
	}
}
