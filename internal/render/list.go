package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/record"
)

// List writes the items `strategy list` selected, with their status on
// date: as records in json or yaml, one id a line (ids), TSV with the
// documented columns for scripts, or the table people read (table, csv,
// markdown), fitted to width.
func List(w io.Writer, s *dataset.Set, items []*dataset.Item, date, format string, width int) error {
	switch format {
	case "json", "yaml":
		records := record.Items(items, date)
		if format == "json" {
			return JSON(w, records)
		}
		if len(records) == 0 {
			_, err := fmt.Fprintln(w, "[]")
			return err
		}
		return YAML(w, records)
	case "ids":
		var b strings.Builder
		for _, it := range items {
			b.WriteString(it.ID + "\n")
		}
		_, err := fmt.Fprint(w, b.String())
		return err
	}
	if format == "tsv" {
		// TSV keeps its documented columns and ids for scripts.
		t := Table{Header: []string{"ID", "Kind", "Status", "Due", "Lead", "Title"}}
		for _, it := range items {
			t.Rows = append(t.Rows, []string{it.ID, it.Kind, query.Status(it, date), it.Timescale.Due, strings.Join(it.Actors.Lead, ", "), it.Title})
		}
		return WriteTable(w, t, format, width)
	}
	return WriteTable(w, itemTable(s, items, date), format, width)
}

// itemTable is the list people read, in a table, Markdown or CSV: the same
// columns in each, with theme and lead by name as summary shows them. A
// narrow terminal hides theme, actor type, kind and lead, in that order,
// and says so; the id, status, due date and title always show.
func itemTable(s *dataset.Set, items []*dataset.Item, date string) Table {
	t := Table{
		Header:   []string{"ID", "Theme", "Kind", "Status", "Due", "Actor type", "Lead", "Title"},
		Optional: []int{1, 5, 2, 6},
	}
	for _, it := range items {
		theme := it.Theme
		if th := s.Theme(it.Theme); th != nil && th.Name != "" {
			theme = th.Name
		}
		t.Rows = append(t.Rows, []string{it.ID, theme, it.Kind, query.Status(it, date), it.Timescale.Due,
			it.ActorType, strings.Join(shortNames(s, it.Actors.Lead), ", "), it.Title})
	}
	return t
}

// shortNames gives each actor's short name, as summary does, or its id when
// it has none.
func shortNames(s *dataset.Set, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if a := s.Actor(id); a != nil && a.Short != "" {
			out[i] = a.Short
		}
	}
	return out
}
