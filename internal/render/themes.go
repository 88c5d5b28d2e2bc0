package render

import (
	"io"
	"strings"
)

// ThemeRecord is a theme in `strategy themes --format json|yaml`, with the
// number of items present in it and in each of its areas.
type ThemeRecord struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	Prefix  string       `json:"prefix"`
	Aliases []string     `json:"aliases"`
	Items   int          `json:"items"`
	Areas   []AreaRecord `json:"areas"`
}

// AreaRecord is a theme's sub-area; Basis is left out where the dataset
// does not say whether a source names it.
type AreaRecord struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Basis string `json:"basis,omitempty"`
	Items int    `json:"items"`
}

// Themes writes the themes' records in format json, yaml, ids (one id a
// line) or a table with a row per sub-area (table, tsv, csv, markdown)
// fitted to width.
func Themes(w io.Writer, records []ThemeRecord, format string, width int) error {
	if done, err := asRecords(w, records, func(r ThemeRecord) string { return r.ID }, format); done {
		return err
	}
	t := Table{Header: []string{"Theme", "Prefix", "Aliases", "Items", "Area", "Area items", "Area name", "Area basis"}}
	for _, r := range records {
		for _, a := range r.Areas {
			t.Rows = append(t.Rows, []string{r.ID, r.Prefix, orDash(strings.Join(r.Aliases, ",")), itoa(r.Items), a.ID, itoa(a.Items), a.Name, orDash(a.Basis)})
		}
		if len(r.Areas) == 0 {
			t.Rows = append(t.Rows, []string{r.ID, r.Prefix, orDash(strings.Join(r.Aliases, ",")), itoa(r.Items), "-", "0", "-", "-"})
		}
	}
	return WriteTable(w, t, format, width)
}
