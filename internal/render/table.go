package render

import (
	"fmt"
	"io"
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
}

// TableFormats are the formats [WriteTable] accepts.
var TableFormats = []string{"table", "tsv", "csv", "markdown"}

// WriteTable writes t as a box-drawn table fitted to width columns (for
// people at a terminal), as headerless TSV (for cut and awk, as gh does), as
// CSV with a header row (formulas neutralised), or as a GitHub Markdown
// table. Control characters are stripped from every cell. An empty table writes
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
		tbl := tablewriter.NewTable(w,
			tablewriter.WithRenderer(renderer.NewMarkdown()),
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
		)
		return fill(tbl, t, sanitize.Markdown)
	case "table":
		opts := []tablewriter.Option{
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
			tablewriter.WithRowAutoWrap(tw.WrapNormal),
		}
		if width > 0 {
			opts = append(opts, tablewriter.WithMaxWidth(width))
		}
		// A crafted title must not move the cursor or recolour the terminal.
		return fill(tablewriter.NewTable(w, opts...), t, sanitize.Text)
	}
	return fmt.Errorf("unknown table format %q", format)
}

func fill(tbl *tablewriter.Table, t Table, cell func(string) string) error {
	tbl.Header(t.Header)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = cell(c)
		}
		if err := tbl.Append(row); err != nil {
			return err
		}
	}
	return tbl.Render()
}

// TSV fields cannot hold tabs or newlines: [sanitize.Line] makes them spaces.
func writeTSV(w io.Writer, t Table) error {
	var b strings.Builder
	for _, r := range t.Rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(sanitize.Line(c))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
