package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// ItemsOptions says how [Items] writes.
type ItemsOptions struct {
	Format string // text, markdown, json or yaml
	Width  int    // the terminal's: text wraps to it, kept within 40 to 100 columns
	// WithPlans follows each item with those of Plans whose actions serve it.
	WithPlans bool
	Plans     []*plan.Plan
}

// Items writes items in full, as `strategy show` prints them: fields, the
// progress log as it stood on date, sources and notes. JSON and YAML give
// each item as its data file has it, as of date, with "plans" when asked.
func Items(w io.Writer, s *dataset.Set, items []*dataset.Item, date string, o ItemsOptions) error {
	switch o.Format {
	case "json", "yaml":
		var v any
		if o.WithPlans {
			withPlans := make([]itemWithPlans, len(items))
			for i, it := range items {
				withPlans[i] = itemWithPlans{Item: it.AsOf(date), Plans: servingPlans(o.Plans, it.ID)}
			}
			v = withPlans
		} else {
			asOf := make([]*dataset.Item, len(items))
			for i, it := range items {
				asOf[i] = it.AsOf(date)
			}
			v = asOf
		}
		_, err := asDocument(w, v, o.Format)
		return err
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString("\n")
		}
		if o.Format == "markdown" {
			writeItemMarkdown(&b, s, it, date)
		} else {
			writeItemText(&b, s, it, date, o.Width)
		}
		if o.WithPlans {
			writeServingPlans(&b, servingPlans(o.Plans, it.ID), o.Format == "markdown")
		}
	}
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}

// itemWithPlans is an item in `show --plans` JSON and YAML: the item as its
// data file has it, and the plans that serve it.
type itemWithPlans struct {
	*dataset.Item `yaml:",inline"`
	Plans         []servingPlan `json:"plans" yaml:"plans"`
}

// servingPlan is a local plan and its actions that serve one item.
type servingPlan struct {
	File         string            `json:"file" yaml:"file"`
	Organisation plan.Organisation `json:"organisation" yaml:"organisation"`
	Title        string            `json:"title" yaml:"title"`
	Actions      []plan.Action     `json:"actions" yaml:"actions"`
}

// servingPlans lists the plans whose actions serve the item id, each with
// those actions; none is an empty list, not null.
func servingPlans(plans []*plan.Plan, id string) []servingPlan {
	out := []servingPlan{}
	for _, p := range plans {
		if acts := p.Serving(id); len(acts) > 0 {
			out = append(out, servingPlan{File: p.Path, Organisation: p.Organisation, Title: p.Title, Actions: acts})
		}
	}
	return out
}

func writeServingPlans(b *strings.Builder, sp []servingPlan, markdown bool) {
	if markdown {
		b.WriteString("\n### Local plans serving it\n\n")
	} else {
		b.WriteString("\nLocal plans serving it:\n")
	}
	if len(sp) == 0 {
		if markdown {
			b.WriteString("None of the plans given.\n")
		} else {
			b.WriteString("  none of the plans given\n")
		}
		return
	}
	for _, p := range sp {
		if markdown {
			fmt.Fprintf(b, "- **%s**, %s (%s)\n", sanitize.Markdown(p.Organisation.Name), sanitize.Markdown(p.Title), sanitize.Markdown(p.File))
		} else {
			fmt.Fprintf(b, "  %s: %s (%s)\n", p.Organisation.Name, p.Title, p.File)
		}
		for _, a := range p.Actions {
			due := ""
			if a.Due != "" {
				due = ", due " + a.Due
			}
			if markdown {
				fmt.Fprintf(b, "  - %s: %s (%s, %s%s)\n", sanitize.Markdown(a.ID), sanitize.Markdown(a.Title), sanitize.Markdown(a.Owner), a.Status, due)
			} else {
				fmt.Fprintf(b, "    %-6s %s (%s, %s%s)\n", a.ID, a.Title, a.Owner, a.Status, due)
			}
		}
	}
}

func actorNames(s *dataset.Set, ids []string) string {
	var out []string
	for _, id := range ids {
		if a := s.Actor(id); a != nil {
			out = append(out, fmt.Sprintf("%s (%s)", a.Name, id))
		} else {
			out = append(out, id)
		}
	}
	return joinOrDash(out)
}

func themeName(s *dataset.Set, it *dataset.Item) string {
	th := s.Theme(it.Theme)
	if th == nil {
		return it.Theme
	}
	area := it.Area
	for _, a := range th.Areas {
		if a.ID == it.Area {
			area = a.Name
		}
	}
	return fmt.Sprintf("%s / %s", th.Name, area)
}

func timescale(it *dataset.Item) string {
	if it.Timescale.Due == "" {
		return it.Timescale.Stated
	}
	return fmt.Sprintf("%s (due %s)", it.Timescale.Stated, it.Timescale.Due)
}

// itemFields are the named fields that head an item in text and Markdown
// alike, in order.
func itemFields(s *dataset.Set, it *dataset.Item, date string) [][2]string {
	return [][2]string{
		{"Status", fmt.Sprintf("%s (as of %s)", orDash(query.Status(it, date)), date)},
		{"Kind", it.Kind},
		{"Membership", membership(it)},
		{"Theme", fmt.Sprintf("%s (%s)", themeName(s, it), it.ThemeBasis)},
		{"Lead", actorNames(s, it.Actors.Lead)},
		{"Partners", actorNames(s, it.Actors.Partners)},
		{"Actor type", it.ActorType},
		{"Timescale", timescale(it)},
	}
}

func writeItemText(b *strings.Builder, s *dataset.Set, it *dataset.Item, date string, width int) {
	width = min(max(width, 40), 100)
	fmt.Fprintf(b, "%s  %s\n", it.ID, it.Title)
	for _, f := range append(itemFields(s, it, date), [2]string{"File", it.Path}) {
		fmt.Fprintf(b, "  %-11s %s\n", f[0]+":", f[1])
	}
	b.WriteString("\n")
	for _, l := range prose.Wrap(it.Summary, width-2) {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("\nProgress:\n")
	marks := entryMarks(it)
	for i, e := range it.Progress {
		mark := ""
		if e.Date > date && e.Correction == nil {
			mark = " (after " + date + ")"
		}
		precision := ""
		if e.DatePrecision == "month" {
			precision = " (month only)"
		}
		fmt.Fprintf(b, "  %s  %s%s%s%s\n", e.Date, entryStatus(e), precision, marks[i], mark)
		for _, l := range prose.Wrap(e.Note, width-14) {
			b.WriteString("              " + l + "\n")
		}
		if c := e.Correction; c != nil {
			for j, l := range prose.Wrap("reason: "+c.Reason, width-14) {
				if j > 0 {
					l = "  " + l
				}
				b.WriteString("              " + l + "\n")
			}
		}
		if ev := e.Evidence; ev != nil {
			fmt.Fprintf(b, "              evidence: %s, link %s: %s\n", ev.Kind, ev.Link, ev.URL)
		}
	}
	b.WriteString("\nSources:\n")
	for _, src := range it.Sources {
		title := ""
		if src.Title != "" {
			title = " " + src.Title
		}
		fmt.Fprintf(b, "  %-9s %s%s\n", src.Kind, src.URL, title)
	}
	if it.Notes != "" {
		b.WriteString("\nNotes:\n")
		for _, l := range prose.Wrap(it.Notes, width-2) {
			b.WriteString("  " + l + "\n")
		}
	}
}

func writeItemMarkdown(b *strings.Builder, s *dataset.Set, it *dataset.Item, date string) {
	md := sanitize.Markdown
	fmt.Fprintf(b, "## %s: %s\n\n%s\n\n", md(it.ID), md(it.Title), md(it.Summary))
	for _, f := range itemFields(s, it, date) {
		fmt.Fprintf(b, "- **%s:** %s\n", f[0], md(f[1]))
	}
	b.WriteString("\n### Progress\n\n")
	marks := entryMarks(it)
	for i, e := range it.Progress {
		fmt.Fprintf(b, "- %s, %s%s: %s", md(e.Date), md(entryStatus(e)), md(marks[i]), md(strings.TrimSpace(e.Note)))
		if c := e.Correction; c != nil {
			fmt.Fprintf(b, " Reason: %s", md(c.Reason))
		}
		if ev := e.Evidence; ev != nil {
			fmt.Fprintf(b, " (%s, link %s)", sanitize.MarkdownLink(ev.Kind, ev.URL), md(ev.Link))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n### Sources\n\n")
	for _, src := range it.Sources {
		title := src.Title
		if title == "" {
			title = src.URL
		}
		fmt.Fprintf(b, "- %s (%s)\n", sanitize.MarkdownLink(title, src.URL), md(src.Kind))
	}
	if it.Notes != "" {
		fmt.Fprintf(b, "\n%s\n", md(it.Notes))
	}
}

// entryStatus names what an entry records: its status, or for a correction
// which entry it corrects and the status that should have stood.
func entryStatus(e dataset.Entry) string {
	if c := e.Correction; c != nil {
		return fmt.Sprintf("correction of %s: %s", c.Corrects, e.Status)
	}
	return e.Status
}

// entryMarks says, for each entry of the item's log, what later knowledge
// changed about it: a correction that replaced its status, or that it was
// recorded after the event.
func entryMarks(it *dataset.Item) []string {
	marks := make([]string, len(it.Progress))
	by := it.CorrectedBy()
	for i := range it.Progress {
		e := &it.Progress[i]
		if e.Recorded != "" {
			marks[i] += " (recorded " + e.Recorded + ")"
		}
		if c := by[e]; c != nil {
			marks[i] += fmt.Sprintf(" [corrected on %s: %s stands instead]", c.Date, c.Status)
		}
	}
	return marks
}

// membership says how sure we are that the item is one of the declared ones.
func membership(it *dataset.Item) string {
	out := orDash(dataset.MembershipMeaning[it.Membership])
	if it.MembershipNote != "" {
		out += "; " + it.MembershipNote
	}
	return out
}
