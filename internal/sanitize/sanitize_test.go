package sanitize

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Pay and conditions", "Pay and conditions"},
		{"keeps newline and tab", "a\n\tb", "a\n\tb"},
		{"colour escape", "\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"cursor and clear", "x\x1b[2J\x1b[H\ry", "x[2J[Hy"},
		{"bell backspace nul", "a\x07b\x08c\x00d", "abcd"},
		{"C1 CSI and DEL", "a\u009b31mb\x7f", "a31mb"},
		{"bidi override", "abc\u202egnp.exe", "abcgnp.exe"},
		{"bidi isolate", "\u2066x\u2069", "x"},
		{"unicode kept", "Café – £500m ✓", "Café – £500m ✓"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\nb\tc\x1bd"); got != "a b cd" {
		t.Errorf("Line = %q", got)
	}
}

func TestSpreadsheetCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"AR-01", "AR-01"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-", "-"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"a=b", "a=b"},
		{"2025-07-18", "2025-07-18"},
	}
	for _, tt := range tests {
		if got := SpreadsheetCell(tt.in); got != tt.want {
			t.Errorf("SpreadsheetCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVWriter reads the output back with encoding/csv: every dangerous
// cell starts with an apostrophe and the rest are untouched.
func TestCSVWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	rows := [][]string{
		{"id", "title"},
		{"AR-01", `=cmd|' /C calc'!A0`},
		{"AR-02", "\r=1+1"},
		{"AR-03", "Say \"hi\", then go\x1b[2J"},
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "title"},
		{"AR-01", `'=cmd|' /C calc'!A0`},
		{"AR-02", "'=1+1"},
		{"AR-03", "Say \"hi\", then go[2J"},
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d cell %d = %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
}

func TestXML(t *testing.T) {
	got := XML("a < b & \"c\" 'd'\x1b[0m\nnext\u202e")
	want := "a &lt; b &amp; &#34;c&#34; &#39;d&#39;[0m next"
	if got != want {
		t.Errorf("XML = %q, want %q", got, want)
	}
}

func TestPath(t *testing.T) {
	tests := map[string]string{
		"data/items/TR-01.yaml":                       "data/items/TR-01.yaml",
		"data/items/café ünïcode.yaml":                "data/items/café ünïcode.yaml",
		"data/items/x\ndata/items/AR-01.yaml:1:1: ok": `"data/items/x\ndata/items/AR-01.yaml:1:1: ok"`,
		"data/\x1b[2Jitems/x.yaml":                    `"data/\x1b[2Jitems/x.yaml"`,
		"data/items/\u202egnp.yaml":                   `"data/items/\u202egnp.yaml"`,
		"data/items/a\rb.yaml":                        `"data/items/a\rb.yaml"`,
	}
	for in, want := range tests {
		if got := Path(in); got != want {
			t.Errorf("Path(%q) = %s, want %s", in, got, want)
		}
	}
}

// A URL the schema let through must not end its link, or its table cell,
// early: GitHub reads | as a cell boundary even inside a link.
func TestMarkdownLinkEncodesTarget(t *testing.T) {
	tests := map[string]string{
		"https://example.org/a|b":                    "[k](https://example.org/a%7Cb)",
		"https://example.org/x)![i](https://evil/i)": "[k](https://example.org/x%29![i]%28https://evil/i%29)",
		"https://example.org/<img>":                  "[k](https://example.org/%3Cimg%3E)",
		"https://example.org/a\\b`c\"d":              "[k](https://example.org/a%5Cb%60c%22d)",
	}
	for in, want := range tests {
		if got := MarkdownLink("k", in); got != want {
			t.Errorf("MarkdownLink(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestLineFlattensEveryBreak(t *testing.T) {
	for _, in := range []string{"a\nb: c", "a\r\nb: c", "a\u2028b: c", "a\u2029b: c", "a\u0085b: c", "a\vb: c", "a\fb: c"} {
		if got := Line(in); strings.ContainsAny(got, "\n\r\u2028\u2029\u0085\v\f") {
			t.Errorf("Line(%q) = %q keeps a line break", in, got)
		}
	}
}

// TestWorkflowEscapes checks GitHub's rules for workflow commands: a
// message escapes %, CR and LF; a property also : and , so that a value can
// neither end the command nor add a property of its own.
func TestWorkflowLine(t *testing.T) {
	for in, want := range map[string]string{
		"data: checked 1 item":       "data: checked 1 item",
		"::error::forged: checked":   "strategy: ::error::forged: checked",
		"  ::error::forged":          "strategy:   ::error::forged",
		"two\nlines":                 "two lines",
		"a :: in the middle is fine": "a :: in the middle is fine",
		"d ##[error]x: checked":      "d # #[error]x: checked",
	} {
		if got := WorkflowLine(in); got != want {
			t.Errorf("WorkflowLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWorkflowEscapes(t *testing.T) {
	data, prop := WorkflowData, WorkflowProperty
	tests := []struct {
		name     string
		escape   func(string) string
		in, want string
	}{
		{"data plain", data, "title is missing", "title is missing"},
		{"data percent", data, "100% done", "100%25 done"},
		{"data escape stays text", data, "%0A stays text", "%250A stays text"},
		{"data newline", data, "one\ntwo", "one%0Atwo"},
		{"data forged command", data, "one\r\n::error::forged", "one%0A::error::forged"},
		{"data bidi override and escape dropped", data, "AR-01\u202e10-RA \x1b[31mred", "AR-0110-RA [31mred"},
		{"data keeps colon and comma", data, "a: b, c", "a: b, c"},
		{"property plain", prop, "items/AR-01.yaml", "items/AR-01.yaml"},
		{"property comma", prop, "a,line=1", "a%2Cline=1"},
		{"property colon", prop, "C:\\data", "C%3A\\data"},
		{"property forged command", prop, "x::error::y", "x%3A%3Aerror%3A%3Ay"},
		{"property percent and line end", prop, "50%\r\n", "50%25%0A"},
		{"property bidi override dropped", prop, "items/\u202eAR-01.yaml", "items/AR-01.yaml"},
	}
	for _, tt := range tests {
		if got := tt.escape(tt.in); got != tt.want {
			t.Errorf("%s: got %q from %q, want %q", tt.name, got, tt.in, tt.want)
		}
	}
}
