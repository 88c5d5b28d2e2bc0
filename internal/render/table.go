package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"

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
		tbl := tablewriter.NewTable(w,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
			tablewriter.WithHeaderAutoWrap(tw.WrapNone),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
		)
		// A crafted title must not move the cursor or recolour the terminal.
		return fill(tbl, fit(clean(t), width), func(s string) string { return s })
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

// clean strips control characters from every cell, keeping newlines.
func clean(t Table) Table {
	out := Table{Header: make([]string, len(t.Header)), Rows: make([][]string, len(t.Rows))}
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

// minColumn is the narrowest a wrapped column gets: narrower, words break
// into fragments nobody can read.
const minColumn = 8

// fit wraps cells so that the box-drawn table is at most width columns wide.
// tablewriter's own MaxWidth is not enforced when cells wrap (v1.1.5), so
// the widths are worked out here: columns that fit keep their natural
// width, and the widest share what is left.
func fit(t Table, width int) Table {
	n := len(t.Header)
	if width <= 0 || n == 0 {
		return t
	}
	natural := make([]int, n)
	measure := func(r []string) {
		for i, c := range r {
			if i < n {
				for _, line := range strings.Split(c, "\n") {
					natural[i] = max(natural[i], runewidth.StringWidth(line))
				}
			}
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	avail := width - (3*n + 1) // "│ " before each cell, " " after, and the last "│"
	total := 0
	for _, w := range natural {
		total += w
	}
	if total <= avail {
		return t
	}
	limit := capWidth(natural, avail)
	wrapRow := func(r []string) []string {
		out := make([]string, len(r))
		for i, c := range r {
			out[i] = c
			if i < n && natural[i] > limit {
				out[i] = wrapCell(c, limit)
			}
		}
		return out
	}
	out := Table{Header: wrapRow(t.Header), Rows: make([][]string, len(t.Rows))}
	for i, r := range t.Rows {
		out.Rows[i] = wrapRow(r)
	}
	return out
}

// capWidth finds the widest a column may be so that the columns, each at
// the smaller of its natural width and the cap, fit in avail.
func capWidth(natural []int, avail int) int {
	sorted := slices.Clone(natural)
	slices.Sort(sorted)
	remaining := avail
	for i, w := range sorted {
		share := remaining / (len(sorted) - i)
		if w > share {
			return max(share, minColumn)
		}
		remaining -= w
	}
	return max(sorted[len(sorted)-1], minColumn)
}

// wrapCell wraps text at spaces to lines of at most limit display columns,
// breaking words longer than that.
func wrapCell(text string, limit int) string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0
		for _, word := range strings.Fields(para) {
			for runewidth.StringWidth(word) > limit {
				head := runewidth.Truncate(word, limit, "")
				if line != "" {
					lines = append(lines, line)
					line, lineW = "", 0
				}
				lines = append(lines, head)
				word = word[len(head):]
			}
			ww := runewidth.StringWidth(word)
			switch {
			case line == "":
				line, lineW = word, ww
			case lineW+1+ww <= limit:
				line, lineW = line+" "+word, lineW+1+ww
			default:
				lines = append(lines, line)
				line, lineW = word, ww
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
