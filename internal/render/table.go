package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/open-workforce/strategy/internal/sanitize"
)

// Table is rows of text cells under a header, written in one of the
// [TableFormats].
type Table struct {
	Header []string
	Rows   [][]string
	// Optional lists columns, by index, that a terminal table may hide,
	// first to last, when the others cannot fit whole; a line under the
	// table names what was hidden. Other formats always show every column.
	Optional []int
}

// TableFormats are the formats [WriteTable] accepts.
var TableFormats = []string{"table", "tsv", "csv", "markdown"}

// WriteTable writes t as a box-drawn table fitted to width columns (for
// people at a terminal), as headerless TSV (for cut and awk, as gh does), as
// CSV with a header row (formulas neutralised), or as a GitHub Markdown
// table. An empty cell is a missing value: "-" in a table, TSV and Markdown,
// empty in CSV. Control characters are stripped from every cell. An empty table writes
// nothing, so a filter that matched nothing leaves a pipe empty.
func WriteTable(w io.Writer, t Table, format string, width int) error {
	if len(t.Rows) == 0 {
		return nil
	}
	switch format {
	case "tsv":
		return writeTSV(w, t)
	case "csv":
		// People open these in Excel: formulas are neutralised.
		cw := sanitize.NewCSVWriter(w)
		for _, r := range append([][]string{t.Header}, t.Rows...) {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		return cw.Flush()
	case "markdown":
		return fill(markdownTable(w), t, sanitize.Markdown)
	case "table":
		tbl := tablewriter.NewTable(w,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
			tablewriter.WithHeaderAutoWrap(tw.WrapNone),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
		)
		// A crafted title must not move the cursor or recolour the terminal.
		fitted, hidden := fit(clean(t), width)
		if fitted.Rows == nil {
			return writeRecords(w, clean(t), width)
		}
		if err := fill(tbl, fitted, func(s string) string { return s }); err != nil {
			return err
		}
		return writeHidden(w, hidden, width)
	}
	return fmt.Errorf("unknown table format %q", format)
}

// markdownTable is a GitHub Markdown table, cells left-aligned and never
// wrapped: the page that shows it wraps them.
func markdownTable(w io.Writer) *tablewriter.Table {
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	)
}

func fill(tbl *tablewriter.Table, t Table, cell func(string) string) error {
	tbl.Header(t.Header)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = cell(orDash(c))
		}
		if err := tbl.Append(row); err != nil {
			return err
		}
	}
	return tbl.Render()
}

// itoa is strconv.Itoa, short for table cells.
func itoa(n int) string { return strconv.Itoa(n) }

// orDash shows a missing value in a table people read; CSV leaves it empty,
// as JSON writes null.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// joinOrDash lists values in a cell, or shows that there are none.
func joinOrDash(ss []string) string { return orDash(strings.Join(ss, ", ")) }

// TSV fields cannot hold tabs or newlines: [sanitize.Line] makes them spaces.
// TSV is what a pipe gets by default, and how most output reaches a
// spreadsheet, so a cell that would run as a formula is neutralised as in
// CSV.
func writeTSV(w io.Writer, t Table) error {
	var b strings.Builder
	for _, r := range t.Rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(sanitize.SpreadsheetCell(sanitize.Line(orDash(c))))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clean strips control characters from every cell, keeping newlines.
func clean(t Table) Table {
	out := Table{Header: make([]string, len(t.Header)), Rows: make([][]string, len(t.Rows)), Optional: t.Optional}
	for i, h := range t.Header {
		out.Header[i] = sanitize.Text(h)
	}
	for i, r := range t.Rows {
		out.Rows[i] = make([]string, len(r))
		for j, c := range r {
			out.Rows[i][j] = sanitize.Text(c)
		}
	}
	return out
}
