package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/change"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// ChangeText writes a dataset comparison for a terminal or a log.
func ChangeText(w io.Writer, r change.Report) error {
	var b strings.Builder
	// Every piece of dataset text is one line here: a title holding a
	// newline or an escape sequence must not forge or colour a line.
	line := sanitize.Line
	fmt.Fprintf(&b, "%s -> %s\n", line(r.Base), line(r.Head))
	fmt.Fprintf(&b, "%s\n", r.Headline())
	if r.Empty() {
		b.WriteString("no changes to the dataset\n")
	}
	section := func(title string, n int) {
		if n > 0 {
			fmt.Fprintf(&b, "\n%s:\n", title)
		}
	}
	section("added", len(r.Added))
	for _, it := range r.Added {
		fmt.Fprintf(&b, "  %s: %s (%s)\n", line(it.ID), line(it.Title), line(it.Status))
	}
	section("removed", len(r.Removed))
	for _, it := range r.Removed {
		fmt.Fprintf(&b, "  %s: %s (was %s)\n", line(it.ID), line(it.Title), line(it.Status))
	}
	section("progress", len(r.Progress))
	for _, p := range r.Progress {
		fmt.Fprintf(&b, "  %s\n", line(progressLine(p)))
	}
	section("other changes", len(r.Fields))
	for _, f := range r.Fields {
		fmt.Fprintf(&b, "  %s %s: %q -> %q\n", line(f.ID), line(f.Field), f.From, f.To)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func progressLine(p change.Progress) string {
	var s string
	if p.Moved() {
		s = fmt.Sprintf("%s: %s -> %s", p.ID, p.From, p.To)
	} else {
		s = fmt.Sprintf("%s: still %s", p.ID, p.To)
	}
	if p.Entry != nil {
		s += " (" + entryText(*p.Entry, p.Added) + ")"
	}
	if p.Rewrote {
		s += "; earlier progress entries were changed"
	}
	return s
}

func entryText(e dataset.Entry, added int) string {
	parts := []string{e.Date}
	if e.Evidence != nil {
		parts = append(parts, "evidence "+e.Evidence.Kind+" "+e.Evidence.URL)
	}
	if added > 1 {
		parts = append(parts, fmt.Sprintf("%d entries added", added))
	}
	return strings.Join(parts, ", ")
}

// ChangeMarkdown writes a dataset comparison as a pull request comment or a
// GitHub Actions job summary: a headline, then one table row per change.
// Dataset text is escaped piece by piece as it goes in, so that the markup
// around it (the bold of a rewritten log, the evidence link) stays markup.
func ChangeMarkdown(w io.Writer, r change.Report) error {
	md := sanitize.Markdown
	var b strings.Builder
	fmt.Fprintf(&b, "### Dataset changes: %s → %s\n\n", md(r.Base), md(r.Head))
	// The headline is counts; the moves name statuses, which are data.
	fmt.Fprintf(&b, "**%s; %s**\n\n", md(r.Moves()), r.Headline())
	if r.Empty() {
		b.WriteString("No changes to the dataset.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	var rows [][]string
	for _, it := range r.Added {
		rows = append(rows, []string{md(it.ID), "added: " + md(it.Title) + " (" + md(it.Status) + ")", "", ""})
	}
	for _, it := range r.Removed {
		rows = append(rows, []string{md(it.ID), "removed: " + md(it.Title) + " (was " + md(it.Status) + ")", "", ""})
	}
	for _, p := range r.Progress {
		what := md(p.From) + " → " + md(p.To)
		if !p.Moved() {
			what = "still " + md(p.To) + ", progress noted"
		}
		if p.Rewrote {
			what += "; **earlier entries changed**"
		}
		date, evidence := "", ""
		if p.Entry != nil {
			date = md(p.Entry.Date)
			if ev := p.Entry.Evidence; ev != nil {
				evidence = sanitize.MarkdownLink(ev.Kind, ev.URL)
			}
		}
		rows = append(rows, []string{md(p.ID), what, date, evidence})
	}
	for _, f := range r.Fields {
		rows = append(rows, []string{md(f.ID), md(f.Field) + ": " + quoteMD(f.From) + " → " + quoteMD(f.To), "", ""})
	}
	t := markdownTable(w)
	t.Header("Item", "Change", "Date", "Evidence")
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}

// quoteMD quotes a field's value, escaped for Markdown, cut to a length a
// table cell can show.
func quoteMD(s string) string {
	if s == "" {
		return "(none)"
	}
	const limit = 80
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return "“" + sanitize.Markdown(s) + "”"
}
