package render

import (
	"io"
)

// ActorRecord is an actor in `strategy actors --format json|yaml`: its
// registry entry and how many items present name it as lead and partner.
type ActorRecord struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Short      string `json:"short"`
	Type       string `json:"type"`
	Government bool   `json:"government"`
	Leads      int    `json:"leads"`
	Partners   int    `json:"partners"`
}

// Actors writes the actors' records in format json, yaml, ids (one id a
// line) or a table (table, tsv, csv, markdown) fitted to width.
func Actors(w io.Writer, records []ActorRecord, format string, width int) error {
	if done, err := asRecords(w, records, func(r ActorRecord) string { return r.ID }, format); done {
		return err
	}
	// A narrow terminal hides the short name, then whether the type is
	// government (the type says it), then the type; ids stay whole.
	t := Table{Header: []string{"ID", "Short", "Name", "Type", "Government", "Leads", "Partners"}, Optional: []int{1, 4, 3}}
	for _, r := range records {
		gov := "no"
		if r.Government {
			gov = "yes"
		}
		t.Rows = append(t.Rows, []string{r.ID, r.Short, r.Name, r.Type, gov, itoa(r.Leads), itoa(r.Partners)})
	}
	return WriteTable(w, t, format, width)
}
