package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// Summary writes the figures of `strategy summary`: as json or yaml, the
// summary itself; for people, the title and what the dataset holds, the
// headlines, then tables by status, theme, actor type and lead, in format
// table, tsv or markdown. Tables fit width columns; prose wraps to it in a
// terminal table only, since Markdown readers and pipes wrap for themselves.
func Summary(w io.Writer, sum *summary.Summary, title, format string, width int) error {
	if done, err := asDocument(w, sum, format); done {
		return err
	}
	markdown := format == "markdown"
	var b strings.Builder
	heading := func(s string) {
		if markdown {
			fmt.Fprintf(&b, "\n### %s\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n%s\n", s)
		}
	}
	proseWidth := width
	if format != "table" {
		proseWidth = 1 << 30
	}
	if markdown {
		fmt.Fprintf(&b, "## %s: status on %s\n\n", title, sum.AsOf)
	} else {
		b.WriteString(WrapIndent(fmt.Sprintf("%s: status on %s", title, sum.AsOf), proseWidth, "", ""))
	}
	holds := sum.Coverage() + " " + sum.Data.Sentence()
	if sum.Evidence == "stated" {
		holds += " Only evidence whose source itself ties the event to the item is counted (--evidence stated)."
	}
	b.WriteString(WrapIndent(holds, proseWidth, "", ""))

	heading("Headlines")
	for _, h := range sum.Headlines {
		b.WriteString(WrapIndent(h.Text+".", proseWidth, "- ", "  "))
	}

	heading(fmt.Sprintf("By status (%d items present)", sum.Overall.Total))
	var t Table
	t.Header = []string{"Status", "Items", "Share", ""}
	for _, c := range sum.Overall.Counts {
		t.Rows = append(t.Rows, []string{c.Status, fmt.Sprintf("%d of %d", c.N, sum.Overall.Total), fmt.Sprintf("%d%%", c.Percent), Bar(c.N, sum.Overall.Total, 20)})
	}
	if err := WriteTable(&b, t, format, width); err != nil {
		return err
	}
	for _, sec := range []struct {
		title, label string
		groups       []summary.Group
	}{
		{"By theme", "Theme", sum.Themes},
		{"By actor type", "Actor type", sum.ActorTypes},
		{"By lead actor", "Lead", sum.Leads},
	} {
		heading(sec.title)
		if err := WriteTable(&b, groupTable(sec.label, sec.groups, sum.Statuses), format, width); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}

// Bar draws n of of as a text bar width cells wide, filled █ and empty ░,
// the one text bar of every output that draws a share in text (summary,
// plan coverage, the Markdown report's local plans), so that they agree.
func Bar(n, of, width int) string {
	full := 0
	if of > 0 {
		full = (n*width + of/2) / of
	}
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// groupTable has a row per group: its items, each status as "n (p%)", and
// the share in progress or complete ("Progressed") as a fraction and a bar.
// Status headers are spelled with spaces so that they wrap at a word, not
// mid-id. A narrow terminal hides the item count first (the Progressed
// column repeats it), then the status columns in order (the first is
// what Progressed leaves out).
func groupTable(label string, groups []summary.Group, statuses []string) Table {
	t := Table{Header: []string{label, "Items"}, Optional: []int{1}}
	for i, st := range statuses {
		t.Header = append(t.Header, strings.ReplaceAll(st, "-", " "))
		t.Optional = append(t.Optional, 2+i)
	}
	t.Header = append(t.Header, "Progressed", "")
	for _, g := range groups {
		row := []string{g.Name, itoa(g.Total)}
		for _, c := range g.Counts {
			row = append(row, fmt.Sprintf("%d (%d%%)", c.N, c.Percent))
		}
		progressed := 0
		for _, st := range summary.Progressed {
			progressed += g.Count(st)
		}
		sh := summary.Share{N: progressed, Of: g.Total}
		row = append(row, sh.String(), Bar(progressed, g.Total, 10))
		t.Rows = append(t.Rows, row)
	}
	return t
}
