package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/chart"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/timeline"
)

// TimelineRecords writes the timeline for machines, in format tsv or csv:
// one row per group and day, the claims' days among the overall rows,
// every count a bare number.
func TimelineRecords(w io.Writer, tl *timeline.Timeline, format string) error {
	t := Table{Header: append(append([]string{"group", "date"}, tl.Statuses...),
		"no_status", "moved", "present", "declared", "low_percent", "high_percent", "claim")}
	row := func(group string, p timeline.Point, claim string) []string {
		r := []string{group, p.Date}
		for _, c := range p.Counts {
			r = append(r, itoa(c.N))
		}
		r = append(r, itoa(p.NoStatus), itoa(p.Moved.N), itoa(p.Moved.Of), itoa(tl.Declared), "", "", claim)
		if p.Low != nil {
			r[len(r)-3], r[len(r)-2] = itoa(p.Low.PercentFloor()), itoa(p.High.PercentCeil())
		}
		return r
	}
	for _, p := range mergeClaims(tl) {
		t.Rows = append(t.Rows, row(tl.Overall.ID, p.Point, p.claim))
	}
	for _, g := range tl.Groups {
		for _, p := range g.Points {
			t.Rows = append(t.Rows, row(g.ID, p, ""))
		}
	}
	return WriteTable(w, t, format, 0)
}

// claimRow is an overall point, or a claim's day with the claim's text.
type claimRow struct {
	timeline.Point
	claim string
	mark  string // the footnote mark on a claim's row
}

// mergeClaims puts each claim's day among the overall points, in date order
// (after a point of the same day).
func mergeClaims(tl *timeline.Timeline) []claimRow {
	var out []claimRow
	claims := tl.Claims
	for _, p := range tl.Overall.Points {
		for len(claims) > 0 && claims[0].Date < p.Date {
			out = append(out, claimPointRow(claims[0], len(tl.Claims)-len(claims)))
			claims = claims[1:]
		}
		out = append(out, claimRow{Point: p})
	}
	for _, c := range claims {
		out = append(out, claimPointRow(c, len(tl.Claims)-len(claims)))
		claims = claims[1:]
	}
	return out
}

func claimPointRow(c timeline.ClaimPoint, i int) claimRow {
	low, high := c.Low, c.High
	return claimRow{
		Point: timeline.Point{Date: c.Date, Counts: c.Counts, NoStatus: c.NoStatus, Moved: c.Moved, Low: &low, High: &high},
		claim: sanitize.Line(c.Text),
		mark:  strings.Repeat("*", i+1),
	}
}

// Timeline writes the timeline for people, in format table or markdown: a
// title, what the dataset holds, on a terminal a chart fitted to width, then
// a table of the overall counts with the published claims on their days,
// and a table for each group.
func Timeline(w io.Writer, s *dataset.Set, tl *timeline.Timeline, format string, width int) error {
	markdown := format == "markdown"
	var b strings.Builder
	// para writes a paragraph, wrapped to the terminal; Markdown readers
	// wrap it themselves.
	para := func(text string) {
		if markdown {
			b.WriteString(sanitize.Markdown(text) + "\n")
			return
		}
		for _, line := range prose.Wrap(text, width) {
			b.WriteString(line + "\n")
		}
	}
	title := fmt.Sprintf("%s: progress by %s, %s to %s", s.Strategy.Title, tl.Interval, tl.From, tl.To)
	if markdown {
		b.WriteString("## ")
	}
	para(title)
	b.WriteString("\n")
	coverage := fmt.Sprintf("The dataset holds %d of the %d declared items.", tl.Present, tl.Declared)
	if tl.Declared > tl.Present {
		coverage += fmt.Sprintf(" Shares of all %d are ranges: each missing item may or may not have moved.", tl.Declared)
	}
	para(coverage)
	b.WriteString("\n")
	if !markdown {
		if c := chart.Text(tl, width); c != "" {
			b.WriteString(c + "\n")
		}
	}
	names := statusNames(s)
	// Headers break at their first space, so that the narrow columns of
	// numbers under them stay narrow.
	twoLines := func(h string) string {
		if markdown {
			return h
		}
		return strings.Replace(h, " ", "\n", 1)
	}
	header := func(first string) []string {
		h := []string{first}
		for _, st := range tl.Statuses {
			h = append(h, twoLines(names(st)))
		}
		return h
	}
	// The overall table: the claims' days among the periods, marked, and the
	// claims themselves under the table.
	t := Table{Header: append(header("Date"), twoLines(fmt.Sprintf("Moved (of %d)", tl.Present)), twoLines(fmt.Sprintf("Of all %d", tl.Declared)))}
	for _, p := range mergeClaims(tl) {
		r := []string{p.Date + p.mark}
		for _, c := range p.Counts {
			r = append(r, itoa(c.N))
		}
		r = append(r, fmt.Sprintf("%d (%d%%)", p.Moved.N, p.Moved.Percent()), shareRange(p.Point))
		t.Rows = append(t.Rows, r)
	}
	if err := fitTimeline(&b, t, format, width); err != nil {
		return err
	}
	if pts := tl.Overall.Points; len(pts) > 0 && pts[len(pts)-1].ReadAlone != nil {
		last := pts[len(pts)-1]
		b.WriteString("\n")
		para(fmt.Sprintf("On %s, %d of the %d items in progress or complete %s there on our reading of the evidence alone; --evidence stated leaves such moves out.",
			last.Date, *last.ReadAlone, last.Moved.N, prose.Plural(*last.ReadAlone, "is", "are")))
	}
	for i, c := range tl.Claims {
		b.WriteString("\n")
		para(fmt.Sprintf("%s %s: published: “%s”. The dataset gives %d of %d present, %s of all %d; the claim %s.",
			strings.Repeat("*", i+1), c.Date, sanitize.Line(c.Text), c.Moved.N, c.Moved.Of, shareRange(claimPointRow(c, i).Point), c.Low.Of, verdictText(c.Verdict)))
	}
	for _, g := range tl.Groups {
		heading := fmt.Sprintf("%s (%s)", sanitize.Line(g.Name), prose.Count(g.Total, "item"))
		if markdown {
			fmt.Fprintf(&b, "\n### %s\n\n", sanitize.Markdown(heading))
		} else {
			fmt.Fprintf(&b, "\n%s\n", heading)
		}
		gt := Table{Header: append(header("Date"), twoLines(fmt.Sprintf("Moved (of %d)", g.Total)))}
		for _, p := range g.Points {
			r := []string{p.Date}
			for _, c := range p.Counts {
				r = append(r, itoa(c.N))
			}
			gt.Rows = append(gt.Rows, append(r, fmt.Sprintf("%d (%d%%)", p.Moved.N, p.Moved.Percent())))
		}
		if err := fitTimeline(&b, gt, format, width); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}

// shareRange is the share of all declared items that moved: one figure
// when the dataset is complete, else the range rounded outwards.
func shareRange(p timeline.Point) string {
	if p.Low == nil {
		return ""
	}
	if *p.Low == *p.High {
		return fmt.Sprintf("%d%%", p.Low.Percent())
	}
	return fmt.Sprintf("%d–%d%%", p.Low.PercentFloor(), p.High.PercentCeil())
}

// fitTimeline writes a timeline table. On a terminal too narrow for every
// column, the first status column goes (it is what remains once the others
// are counted) and a line says so, rather than breaking dates over lines.
func fitTimeline(b *strings.Builder, t Table, format string, width int) error {
	if format == "table" && tableWidth(t) > width && len(t.Header) > 3 {
		dropped := t.Header[1]
		t.Header = append([]string{t.Header[0]}, t.Header[2:]...)
		for i, r := range t.Rows {
			t.Rows[i] = append([]string{r[0]}, r[2:]...)
		}
		note := fmt.Sprintf("(%s is left out to fit the terminal: it is the items present less the others.)", strings.ReplaceAll(dropped, "\n", " "))
		defer func() {
			for _, line := range prose.Wrap(note, width) {
				b.WriteString(line + "\n")
			}
		}()
	}
	return WriteTable(b, t, format, width)
}

// tableWidth is the widest line of t drawn as a box table without fitting,
// measured with [Width], the measure tablewriter draws with: under an East
// Asian locale go-runewidth counts the borders two columns wide where
// tablewriter counts them one, and a column that fits was left out.
func tableWidth(t Table) int {
	var buf bytes.Buffer
	if err := WriteTable(&buf, t, "table", 0); err != nil {
		return 0
	}
	w := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		w = max(w, Width(line))
	}
	return w
}

// statusNames names statuses as strategy.yaml does, falling back to the id.
func statusNames(s *dataset.Set) func(string) string {
	names := map[string]string{}
	for _, st := range s.Strategy.Statuses {
		names[st.ID] = sanitize.Line(st.Name)
	}
	return func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		return id
	}
}
