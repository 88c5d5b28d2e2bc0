package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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
// CSV with a header row, or as a GitHub Markdown table. An empty table writes
// nothing, so a filter that matched nothing leaves a pipe empty.
func WriteTable(w io.Writer, t Table, format string, width int) error {
	if len(t.Rows) == 0 {
		return nil
	}
	switch format {
	case "tsv":
		return writeTSV(w, t)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Header); err != nil {
			return err
		}
		if err := cw.WriteAll(t.Rows); err != nil {
			return err
		}
		return cw.Error()
	case "markdown":
		tbl := tablewriter.NewTable(w,
			tablewriter.WithRenderer(renderer.NewMarkdown()),
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
		)
		return fill(tbl, t, markdownCell)
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
		return fill(tablewriter.NewTable(w, opts...), t, func(s string) string { return s })
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

// A pipe would end a Markdown cell early and a newline would end the row.
func markdownCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// TSV fields cannot hold tabs or newlines; they become spaces.
var tsvCell = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")

func writeTSV(w io.Writer, t Table) error {
	var b strings.Builder
	for _, r := range t.Rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsvCell.Replace(c))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
