package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// Markdown writes the report on s as of asOf as GitHub-flavoured Markdown:
// the same headlines, figures, changes after since and plan coverage as
// [HTML], with text bars.
func Markdown(w io.Writer, s *dataset.Set, asOf, since string, plans []*plan.Plan) error {
	p := build(s, asOf, since, plans)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: progress report\n\n", mdText(p.Title))
	fmt.Fprintf(&b, "Status on %s, from the progress logs in the dataset.\n\n", p.AsOf)
	b.WriteString("## Headlines\n\n")
	for _, g := range p.Glance {
		fmt.Fprintf(&b, "- **%s** %s", g.Figure, g.Label)
		if g.Detail != "" {
			fmt.Fprintf(&b, " (%s)", g.Detail)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%s\n\n", p.Coverage)
	for _, h := range p.Headlines {
		fmt.Fprintf(&b, "- %s\n", h)
	}
	if pr := p.Progress; pr != nil {
		fmt.Fprintf(&b, "\n## Progress over time\n\n%s\n\n", mdText(strings.Replace(pr.Caption, "The numbers behind the chart: the items", "The items", 1)))
		for _, c := range pr.Claims {
			fmt.Fprintf(&b, "%s\n\n", mdText(c))
		}
		header := append(append([]string{"Date"}, pr.Statuses...), pr.Moved)
		if pr.Range != "" {
			header = append(header, pr.Range)
		}
		mdRow(&b, header)
		mdRule(&b, len(header))
		for _, r := range pr.Rows {
			date := r.Date
			if r.Claim {
				date += " \\*"
			}
			cells := []string{date}
			for _, n := range r.Counts {
				cells = append(cells, fmt.Sprint(n))
			}
			cells = append(cells, r.Moved)
			if pr.Range != "" {
				cells = append(cells, r.Range)
			}
			mdRow(&b, cells)
		}
	}
	for _, sec := range p.Sections {
		fmt.Fprintf(&b, "\n## %s\n\n%s Bars: █ complete, ▒ in progress, ░ not yet.\n\n", sec.Title, sec.Caption)
		header := append(append([]string{sec.Label, "Items"}, sec.Statuses...), "In progress or complete", "Bar")
		mdRow(&b, header)
		mdRule(&b, len(header))
		for _, br := range sec.Bars {
			cells := []string{mdText(br.Name), fmt.Sprint(br.Total)}
			for _, c := range br.Counts {
				cells = append(cells, fmt.Sprint(c.N))
			}
			cells = append(cells, fmt.Sprintf("%d of %d (%d%%)", br.Progressed, br.Total, br.Percent), textBar(br, 20))
			mdRow(&b, cells)
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", mdText(p.Changes.Heading))
	if len(p.Changes.Events) == 0 {
		fmt.Fprintf(&b, "No progress was recorded after %s and on or before %s.\n", p.Changes.Since, p.AsOf)
	} else {
		fmt.Fprintf(&b, "Progress recorded after %s and on or before %s: one row per item per date, newest first.\n\n", p.Changes.Since, p.AsOf)
		header := []string{"Date", "Item", "What moved", "Evidence"}
		mdRow(&b, header)
		mdRule(&b, len(header))
		for _, e := range p.Changes.Events {
			evidence := "none linked"
			if e.Evidence != nil {
				evidence = mdLink(*e.Evidence)
			}
			mdRow(&b, []string{e.Date, mdText(e.ID + ": " + e.Title), mdText(e.Move), evidence})
		}
	}
	if p.Plans != nil {
		writePlansMarkdown(&b, p.Plans)
	}
	fmt.Fprintf(&b, "\n## All items\n\nEvery item in the dataset with its status on %s and its latest recorded update.", p.AsOf)
	if p.Overdue != "" {
		b.WriteString(" " + p.Overdue)
	}
	b.WriteString("\n\n")
	header := []string{"ID", "Item", "Theme", "Lead", "Status", "Due", "Latest update"}
	mdRow(&b, header)
	mdRule(&b, len(header))
	for _, r := range p.Items {
		due := r.Due
		if due == "" {
			due = "no date"
		}
		update := ""
		if r.Update.Date != "" {
			update = r.Update.Date + ": " + mdText(r.Update.Note)
			if e := r.Update.Evidence; e != nil {
				update += " (" + mdLink(*e) + ")"
			}
		}
		lead := r.Lead
		if lead == "" {
			lead = "none named"
		}
		status := mdText(r.StatusName)
		if r.Overdue {
			status += " **Overdue**"
		}
		mdRow(&b, []string{mdText(r.ID), mdText(r.Title), mdText(r.ThemeName), mdText(lead), status, due, update})
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writePlansMarkdown(b *strings.Builder, lp *localPlans) {
	fmt.Fprintf(b, "\n## Local plans\n\n%s\n\n", mdText(lp.Scope))
	for _, ps := range lp.Plans {
		fmt.Fprintf(b, "- **%s** %s", mdText(ps.Sentence), mdText(ps.Detail))
		if ps.Link != nil {
			fmt.Fprintf(b, " Published: %s.", mdLink(*ps.Link))
		}
		b.WriteString("\n")
		// The same bars per theme as 'plan coverage' draws, from its helper.
		if len(ps.Themes) > 0 {
			b.WriteString("  - National items it serves, by theme (as `strategy plan coverage` shows them):\n")
			for _, th := range ps.Themes {
				fmt.Fprintf(b, "    - %s: %s %s\n", mdText(th.Name), render.Bar(th.Served, th.Total, 10), th.Text)
			}
		}
		if len(ps.Actions) > 0 {
			b.WriteString("  - Its actions:\n")
		}
		for _, a := range ps.Actions {
			fmt.Fprintf(b, "    - %s: %s (%s)\n", mdText(a.ID), mdText(a.Title), mdText(a.Status))
		}
	}
	if lp.Across != "" {
		fmt.Fprintf(b, "\n%s\n", mdText(lp.Across))
	}
	b.WriteString("\n")
	header := []string{"ID", "Item", "Theme", "National status"}
	for _, c := range lp.Columns {
		header = append(header, mdText(c))
	}
	header = append(header, "Plans serving it")
	mdRow(b, header)
	mdRule(b, len(header))
	for _, r := range lp.Rows {
		cells := []string{mdText(r.ID), mdText(r.Title), mdText(r.ThemeName), mdText(r.Status)}
		for _, c := range r.Cells {
			cells = append(cells, mdText(c.Text()))
		}
		mdRow(b, append(cells, r.Text))
	}
}

// textBar draws complete as █, in progress as ▒ and the rest as ░.
func textBar(br bar, width int) string {
	var b strings.Builder
	used := 0
	for i, sg := range br.Segments {
		n := 0
		if br.Total > 0 {
			n = (sg.N*width + br.Total/2) / br.Total
		}
		n = min(n, width-used)
		ch := "▒"
		if i == 0 {
			ch = "█"
		}
		b.WriteString(strings.Repeat(ch, n))
		used += n
	}
	b.WriteString(strings.Repeat("░", width-used))
	return b.String()
}

func mdRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
}

func mdRule(b *strings.Builder, n int) {
	b.WriteString("|" + strings.Repeat(" --- |", n) + "\n")
}

// mdText keeps dataset text from becoming markup or links.
func mdText(s string) string { return sanitize.Markdown(s) }

// mdLink links only http(s) URLs, as the HTML page does.
func mdLink(l Link) string {
	if l.URL == "" {
		return sanitize.MarkdownLink(l.Text, l.Withheld)
	}
	return sanitize.MarkdownLink(l.Text, l.URL)
}
