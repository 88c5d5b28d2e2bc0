package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/coverage"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// Coverage writes what `strategy plan coverage` shows: as json or yaml, the
// report itself; as csv, the item-by-plan matrix ([coverageCSV]); for
// people, sections of tables in format table, tsv or markdown fitted to
// width columns: for each plan, coverage by theme, the items served and by
// which actions, and those not served; then, for several plans, the same
// across them.
func Coverage(out io.Writer, rep coverage.Report, format string, width int) error {
	if done, err := asDocument(out, rep, format); done {
		return err
	}
	if format == "csv" {
		return coverageCSV(out, rep)
	}
	w := &coverageWriter{markdown: format == "markdown", format: format, width: width}
	scope := fmt.Sprintf("the %d national items in %s", rep.Items, rep.Dataset)
	if rep.Declared > rep.Items {
		scope += fmt.Sprintf(" (%d of the %d the strategy declares)", rep.Items, rep.Declared)
	}
	for _, p := range rep.Plans {
		w.heading(1, planHeading(p.Organisation.Name, p.Title))
		dropped := p.Actions - p.Counted
		acts := prose.Count(p.Actions, "action")
		if dropped > 0 {
			acts += fmt.Sprintf(", %d dropped or paused and not counted", dropped)
		}
		w.line("%s, dated %s; %s.", p.File, p.Date, acts)
		w.line("Serves %d of %s: %d%%.", p.Total.Served, scope, percent(p.Total.Served, p.Total.Total))
		if len(p.Overdue) > 0 {
			var late []string
			for _, a := range p.Overdue {
				late = append(late, fmt.Sprintf("%s (due %s, %s)", a.ID, a.Due, strings.ReplaceAll(a.Status, "-", " ")))
			}
			w.line("Past their due date and not complete: %s.", strings.Join(late, ", "))
		}
		if err := writeThemes(w, "Coverage by theme", p.Themes); err != nil {
			return err
		}
		w.heading(2, "Served, and by which local actions")
		if len(p.Served) == 0 {
			w.line("None.")
		} else {
			t := Table{Header: []string{"Item", "Local actions", "Title"}}
			for _, sv := range p.Served {
				t.Rows = append(t.Rows, []string{sv.ID, sv.ActionsText(), sv.Title})
			}
			if err := w.table(t); err != nil {
				return err
			}
		}
		if err := writeUnserved(w, "Not served, by theme", p.Unserved); err != nil {
			return err
		}
	}
	if len(rep.Plans) > 1 {
		a := rep.Across
		w.heading(1, fmt.Sprintf("Across the %d plans", a.Plans))
		w.line("Together they serve %d of %s: %d%%.", a.Total.Served, scope, percent(a.Total.Served, a.Total.Total))
		if err := writeThemes(w, "Coverage by theme (served by at least one plan)", a.Themes); err != nil {
			return err
		}
		w.heading(2, "Plans serving each national item")
		t := Table{Header: []string{"Item", "Plans", "Served by", "Title"}}
		for _, it := range a.Items {
			var by []string
			for _, r := range it.ServedBy {
				by = append(by, fmt.Sprintf("%s (%s)", r.Organisation, strings.Join(r.Actions, ", ")))
			}
			t.Rows = append(t.Rows, []string{it.ID, fmt.Sprintf("%d/%d", it.Plans, a.Plans), joinOrDash(by), it.Title})
		}
		if err := w.table(t); err != nil {
			return err
		}
		if err := writeUnserved(w, "Served by no plan, by theme", a.Unserved); err != nil {
			return err
		}
	}
	_, err := io.WriteString(out, strings.TrimPrefix(w.b.String(), "\n"))
	return err
}

// coverageCSV writes the item-by-plan matrix: a row per national item, a
// column per plan holding the local actions that serve the item, the
// "plans" count, then "overdue_actions": those serving actions past their
// due date and not complete (as [coverage.Report.MarkOverdue] found them),
// so that a spreadsheet filter on one column finds the items with late
// local work. It comes last so that readers of the older columns, by name
// or by position, see no change. With several plans each action there is
// named "plan column: id", as ids are only unique within a plan.
func coverageCSV(w io.Writer, rep coverage.Report) error {
	header := []string{"id", "theme", "actor_type", "title"}
	names := map[string]int{}
	for _, p := range rep.Plans {
		names[p.Organisation.Name]++
	}
	cols := make([]string, len(rep.Plans))
	late := make([]map[string]bool, len(rep.Plans))
	for i, p := range rep.Plans {
		cols[i] = p.Organisation.Name
		if names[cols[i]] > 1 {
			cols[i] += " (" + p.File + ")"
		}
		late[i] = map[string]bool{}
		for _, a := range p.Overdue {
			late[i][a.ID] = true
		}
	}
	header = append(header, cols...)
	header = append(header, "plans", "overdue_actions")
	cw := sanitize.NewCSVWriter(w) // plan files come from outside: no formulas in spreadsheets
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, it := range rep.Across.Items {
		row := []string{it.ID, it.Theme, it.ActorType, it.Title}
		var overdue []string
		for i, p := range rep.Plans {
			cell := ""
			for _, r := range it.ServedBy {
				if r.File != p.File {
					continue
				}
				cell = strings.Join(r.Actions, "; ")
				for _, id := range r.Actions {
					if !late[i][id] {
						continue
					}
					if len(rep.Plans) > 1 {
						id = cols[i] + ": " + id
					}
					overdue = append(overdue, id)
				}
			}
			row = append(row, cell)
		}
		row = append(row, itoa(it.Plans), strings.Join(overdue, "; "))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// planHeading names a plan by its organisation and title, once: a plan
// titled after its owner ("Northshire County Council workforce plan") is
// not headed "Northshire County Council: Northshire County Council ...".
func planHeading(org, title string) string {
	switch {
	case title == "":
		return org
	case org == "" || strings.HasPrefix(strings.ToLower(title), strings.ToLower(org)):
		return title
	}
	return org + ": " + title
}

func writeThemes(w *coverageWriter, title string, themes []coverage.Share) error {
	w.heading(2, title)
	t := Table{Header: []string{"Theme", "Served", "Share", ""}}
	for _, sh := range themes {
		t.Rows = append(t.Rows, []string{sh.Name, shareText(sh), fmt.Sprintf("%d%%", percent(sh.Served, sh.Total)), Bar(sh.Served, sh.Total, 10)})
	}
	return w.table(t)
}

func writeUnserved(w *coverageWriter, title string, groups []coverage.ThemeItems) error {
	w.heading(2, title+" (sector-only first: the sector can act on those without government)")
	if len(groups) == 0 {
		w.line("None: every national item in the dataset is served.")
		return nil
	}
	for i, g := range groups {
		if i > 0 {
			w.line("")
		}
		w.line("%s: %d not served", g.Name, len(g.Items))
		if w.markdown {
			w.line("")
		}
		t := Table{Header: []string{"Item", "Actor type", "Title"}}
		for _, it := range g.Items {
			t.Rows = append(t.Rows, []string{it.ID, it.ActorType, it.Title})
		}
		if err := w.table(t); err != nil {
			return err
		}
	}
	return nil
}

// coverageWriter gathers the sections in memory, so a table that fails
// leaves nothing half written, and escapes what plan files say for the
// format at hand.
type coverageWriter struct {
	b        strings.Builder
	markdown bool
	format   string // table, tsv or markdown
	width    int
}

func (w *coverageWriter) heading(level int, text string) {
	// Names and titles come from plan files: escaped for Markdown, one
	// plain line for a terminal.
	if w.markdown {
		text = sanitize.Markdown(text)
	} else {
		text = sanitize.Line(text)
	}
	if w.markdown {
		fmt.Fprintf(&w.b, "\n%s %s\n\n", strings.Repeat("#", level+1), text)
		return
	}
	if level == 1 {
		fmt.Fprintf(&w.b, "\n%s\n%s\n", text, strings.Repeat("=", min(len([]rune(text)), 78)))
		return
	}
	fmt.Fprintf(&w.b, "\n%s\n", text)
}

func (w *coverageWriter) line(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			if w.markdown {
				args[i] = sanitize.Markdown(s)
			} else {
				args[i] = sanitize.Line(s)
			}
		}
	}
	fmt.Fprintf(&w.b, format+"\n", args...)
}

func (w *coverageWriter) table(t Table) error {
	return WriteTable(&w.b, t, w.format, w.width)
}

func percent(n, of int) int {
	if of == 0 {
		return 0
	}
	return (n*100 + of/2) / of
}

func shareText(sh coverage.Share) string {
	return fmt.Sprintf("%d/%d", sh.Served, sh.Total)
}
