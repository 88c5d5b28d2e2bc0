// Package sanitize makes dataset text safe for where it is shown: a terminal
// that obeys escape sequences, a web page, a spreadsheet that runs formulas.
// Dataset files are edited by many hands through pull requests, so a title
// is treated as untrusted input everywhere it leaves the tool.
package sanitize

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Text removes characters that can change how surrounding text is shown
// rather than being shown themselves: C0 and C1 control characters (ESC
// starts terminal escape sequences, CR rewrites a line), DEL, and the
// Unicode bidirectional overrides and isolates, which can make text display
// in a different order from the one it is read in. Newlines and tabs are
// kept. An escape sequence loses its ESC and so prints as plain text, which
// shows a reviewer that something odd was in the data.
func Text(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !dropped(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line is [Text] for a single line: newlines, tabs and the Unicode line and
// paragraph separators (line breaks to YAML) become spaces too.
func Line(s string) string {
	return lineBreaks.Replace(Text(s))
}

var lineBreaks = strings.NewReplacer("\n", " ", "\t", " ", "\u2028", " ", "\u2029", " ")

func clean(s string) bool {
	for _, r := range s {
		if dropped(r) {
			return false
		}
	}
	return true
}

func dropped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// Path returns a file path for a line of terminal output: as it is when every
// character prints as itself, quoted in Go syntax (\n, \x1b, \u202e) when
// any does not. A newline in a file name then cannot start a line of its
// own that looks like a finding, and an escape sequence cannot run.
func Path(p string) string {
	for _, r := range p {
		if !unicode.IsPrint(r) || dropped(r) {
			return strconv.Quote(p)
		}
	}
	return p
}

// SpreadsheetCell neutralises a CSV cell that a spreadsheet would read as a
// formula (OWASP "CSV injection"): a cell starting with =, +, -, @, a tab or
// a carriage return gets a leading apostrophe, which Excel, LibreOffice and
// Google Sheets show as text. Other cells are unchanged, so ordinary values
// round-trip exactly.
func SpreadsheetCell(s string) string {
	if s == "" || s == "-" { // a lone minus is how tables show "none"
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// CSVWriter writes CSV records whose cells are passed through
// [SpreadsheetCell] and [Text] first.
type CSVWriter struct {
	w *csv.Writer
}

// NewCSVWriter returns a [CSVWriter] writing to w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: csv.NewWriter(w)} }

// Write writes one record.
func (c *CSVWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, cell := range record {
		safe[i] = SpreadsheetCell(Text(cell))
	}
	return c.w.Write(safe)
}

// Flush writes any buffered data and returns the first error met.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// markdown backslash-escapes what Markdown would read as markup, so that a
// title like "<script>" or "[x](javascript:…)" is shown, never run or linked,
// and keeps a value on one line so it cannot break a table row.
var markdown = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "!", `\!`, "&", "&amp;",
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// Markdown returns dataset text safe to place in Markdown: control
// characters dropped ([Line]) and markup escaped.
func Markdown(s string) string { return markdown.Replace(Line(s)) }

// linkTarget percent-encodes what could end a link target early, or end
// the table cell it sits in (|, which GitHub reads as a cell boundary even
// inside a link), or start markup.
var linkTarget = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", " ", "%20", "`", "%60", "\\", "%5C", `"`, "%22")

// MarkdownLink links text to raw only when raw is an http(s) URL (see
// [WebURL]); otherwise it shows the text and says the link was withheld.
// Characters that could end the link early are percent-encoded.
func MarkdownLink(text, raw string) string {
	u, ok := WebURL(raw)
	if !ok {
		return Markdown(text) + " (link withheld, not http or https: " + Markdown(raw) + ")"
	}
	u = linkTarget.Replace(u)
	return "[" + Markdown(text) + "](" + u + ")"
}

// WebURL returns raw when it is an absolute http or https URL with a host
// and no control characters or spaces, and false otherwise: javascript:,
// data:, relative paths and the like are never linked, whatever a schema
// let through.
func WebURL(raw string) (string, bool) {
	if raw == "" || strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f }) || Text(raw) != raw {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String(), true
	}
	return "", false
}

// XML returns dataset text safe to place in XML or SVG text and attribute
// values: control characters dropped and newlines folded ([Line]), then &, <,
// >, quotes and apostrophes escaped as character references.
func XML(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(Line(s))) // writing to a bytes.Buffer cannot fail
	return b.String()
}

// workflowData and workflowProperty escape as the Actions toolkit does
// (toolkit/packages/core/src/command.ts): % first so that an escape is not
// escaped again, CR and LF so that a value cannot end the command and start
// one of its own, and in a property also : and , which end a property.
var (
	workflowData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	workflowProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// WorkflowData returns s safe as the message of a GitHub Actions workflow
// command (::error file=…::MESSAGE). What [Text] drops goes first: the
// annotation and the log show the text to a reviewer as a terminal would.
func WorkflowData(s string) string { return workflowData.Replace(Text(s)) }

// WorkflowLine returns s as one plain line of a GitHub Actions log: [Line],
// and a line that would begin with :: (read as a workflow command, for
// instance from a dataset folder named so) is prefixed so that it does not.
// The runner also reads the older ##[command] form anywhere in a line, so
// that is broken up too.
func WorkflowLine(s string) string {
	s = strings.ReplaceAll(Line(s), "##[", "# #[")
	if strings.HasPrefix(strings.TrimSpace(s), "::") {
		return "strategy: " + s
	}
	return s
}

// WorkflowProperty returns s safe as a property value of a GitHub Actions
// workflow command (::error file=VALUE,title=VALUE::…), [Text] first as for
// [WorkflowData].
func WorkflowProperty(s string) string { return workflowProperty.Replace(Text(s)) }
