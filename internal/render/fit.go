package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/open-workforce/strategy/internal/prose"
)

// Width is the display width of s in terminal columns: [prose.Width],
// tablewriter's own measure, so a table fitted here is drawn at exactly the
// width worked out. Two measures that disagree on an emoji or a combining
// accent let a row spill past the terminal's edge.
func Width(s string) int { return prose.Width(s) }

// Column kinds, for fitting. A column whose cells hold one word each (ids,
// dates, statuses, kinds, counts) is kept whole; a column with several
// words in a cell is prose and wraps at spaces; a column of text bars
// shrinks before anything else.
const (
	colWord = iota
	colProse
	colBar
)

// proseMin is the narrowest a prose column is squeezed to while there is a
// choice: narrower, a title reads as a column of single words.
const proseMin = 16

// minColumn is the narrowest any prose column gets: narrower, words break
// into fragments nobody can read, and the table becomes records instead.
const minColumn = 8

// titleMin is the narrowest the longest prose column is squeezed to while
// there is a choice: narrower, a table with optional columns hides them
// rather than give a title three words a line.
const titleMin = 28

// barMin is the shortest a bar gets; shorter, it no longer shows a share.
const barMin = 5

// boxWidth is the width of a box-drawn table with these column widths: "│ "
// before each cell, " " after it, and the closing "│".
func boxWidth(widths []int) int {
	total := 3*len(widths) + 1
	for _, w := range widths {
		total += w
	}
	return total
}

type column struct {
	kind    int
	natural int // widest line, header included
	min     int // narrowest it may be drawn while there is a choice
	word    int // its longest word: narrower than this, words break
}

// classify measures each column of t.
func classify(t Table) []column {
	cols := make([]column, len(t.Header))
	isBar := make([]bool, len(cols))
	for i := range cols {
		isBar[i] = len(t.Rows) > 0
	}
	longestWord := make([]int, len(cols))
	cells := make([]int, len(cols)) // widest line below the header
	measure := func(r []string, header bool) {
		for i, c := range r {
			if i >= len(cols) {
				break
			}
			for _, line := range strings.Split(c, "\n") {
				cols[i].natural = max(cols[i].natural, Width(line))
				if !header {
					cells[i] = max(cells[i], Width(line))
				}
				for _, word := range strings.Fields(line) {
					longestWord[i] = max(longestWord[i], Width(word))
				}
				if !header && len(strings.Fields(line)) > 1 {
					cols[i].kind = colProse
				}
			}
			if !header && !barText(c) {
				isBar[i] = false
			}
		}
	}
	measure(t.Header, true)
	for _, r := range t.Rows {
		measure(r, false)
	}
	title := -1 // the longest prose column, which deserves the most room
	for i := range cols {
		if isProse(cols[i], isBar[i]) && (title < 0 || cols[i].natural > cols[title].natural) {
			title = i
		}
	}
	for i := range cols {
		c := &cols[i]
		c.word = longestWord[i]
		switch {
		case isBar[i]:
			c.kind = colBar
			c.min = min(c.natural, max(barMin, Width(t.Header[i])))
		// A prose header wraps rather than widen a column of short cells.
		case c.kind == colProse && i == title:
			c.min = max(longestWord[i], min(cells[i], titleMin))
		case c.kind == colProse:
			c.min = max(longestWord[i], min(cells[i], proseMin))
		default:
			c.min = c.natural
		}
	}
	return cols
}

func isProse(c column, bar bool) bool { return c.kind == colProse && !bar }

func barText(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '█' && r != '░' {
			return false
		}
	}
	return true
}

// fit works out column widths so that the box-drawn table is at most width
// columns wide, and wraps or shrinks cells to them. Words stay whole: when
// the table cannot fit with every one-word column at its natural width, it
// hides the optional columns in turn; when even that is not enough it
// returns a table without rows, and the caller lays each row out as a
// record instead. hidden names the columns left out.
func fit(t Table, width int) (out Table, hidden []string) {
	if width <= 0 || len(t.Header) == 0 {
		return t, nil
	}
	cols := classify(t)
	keep := make([]bool, len(cols))
	for i := range keep {
		keep[i] = true
	}
	need := func() int {
		var ws []int
		for i, c := range cols {
			if keep[i] {
				ws = append(ws, c.min)
			}
		}
		return boxWidth(ws)
	}
	for _, i := range t.Optional {
		if need() <= width {
			break
		}
		if i >= 0 && i < len(cols) && keep[i] {
			keep[i] = false
			hidden = append(hidden, t.Header[i])
		}
	}
	if need() > width {
		// Titles at their longest word read poorly, but better than
		// records for a table that is nearly narrow enough.
		for i := range cols {
			if cols[i].kind == colProse {
				cols[i].min = min(cols[i].min, max(cols[i].word, minColumn))
			}
		}
	}
	if need() > width {
		return Table{Header: t.Header}, nil
	}
	widths := spread(cols, keep, width)
	project := func(r []string) []string {
		var row []string
		for i, c := range r {
			if i >= len(cols) || !keep[i] {
				continue
			}
			switch {
			case cols[i].kind == colBar:
				c = scaleBar(c, widths[i])
			case widths[i] < cols[i].natural:
				c = wrapCell(c, widths[i])
			}
			row = append(row, c)
		}
		return row
	}
	out = Table{Header: project(t.Header), Rows: make([][]string, len(t.Rows))}
	for i, r := range t.Rows {
		out.Rows[i] = project(r)
	}
	return out, hidden
}

// spread hands out the room left after every kept column has its minimum:
// prose columns grow first, the one furthest from its natural width first
// (so a long title takes the slack), and bars grow last, so they are the
// first thing to shrink.
func spread(cols []column, keep []bool, width int) []int {
	widths := make([]int, len(cols))
	var kept []int
	for i, c := range cols {
		if keep[i] {
			widths[i] = c.min
			kept = append(kept, widths[i])
		}
	}
	room := width - boxWidth(kept)
	grow := func(kind int) {
		for room > 0 {
			// One column more for the column of this kind furthest from
			// its natural width: the longest prose takes the slack first.
			best, deficit := -1, 0
			for i, c := range cols {
				if keep[i] && c.kind == kind && c.natural-widths[i] > deficit {
					best, deficit = i, c.natural-widths[i]
				}
			}
			if best < 0 {
				return
			}
			widths[best]++
			room--
		}
	}
	grow(colProse)
	grow(colBar)
	return widths
}

// scaleBar redraws a bar of filled and empty cells at width w, keeping its
// share.
func scaleBar(bar string, w int) string {
	total := len([]rune(bar))
	if total <= w || total == 0 {
		return bar
	}
	full := strings.Count(bar, "█")
	n := (full*w + total/2) / total
	if full > 0 && n == 0 {
		n = 1 // a share above nothing never draws as nothing
	}
	return strings.Repeat("█", n) + strings.Repeat("░", w-n)
}

// wrapCell wraps text at spaces to lines of at most limit display columns,
// breaking only a word that is longer than a whole line.
func wrapCell(text string, limit int) string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, Wrap(para, limit)...)
	}
	return strings.Join(lines, "\n")
}

// Wrap splits text into lines of at most limit display columns, breaking at
// spaces; a word longer than a line is cut, as nothing else can fit it.
func Wrap(text string, limit int) []string {
	if limit < 1 {
		limit = 1
	}
	var lines []string
	line, lineW := "", 0
	for _, word := range strings.Fields(text) {
		for Width(word) > limit {
			head := twwidth.Truncate(word, limit)
			if head == "" { // a single character wider than the line
				head = string([]rune(word)[:1])
			}
			if line != "" {
				lines = append(lines, line)
				line, lineW = "", 0
			}
			lines = append(lines, head)
			word = word[len(head):]
		}
		if word == "" {
			continue
		}
		ww := Width(word)
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
	return append(lines, line)
}

// WrapIndent wraps text to width columns, starting each line after the
// first with indent: for a list item or a sentence printed at a terminal.
func WrapIndent(text string, width int, first, indent string) string {
	lines := Wrap(text, width-Width(first))
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(indent)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// writeRecords lays a table too wide for the terminal out one row at a
// time, each cell under its column's name (as psql's expanded display
// does), so that no word has to be broken to fit.
func writeRecords(w io.Writer, t Table, width int) error {
	label := 0
	for _, h := range t.Header {
		label = max(label, Width(h))
	}
	var b strings.Builder
	for n, r := range t.Rows {
		head := fmt.Sprintf("─[ %d ]", n+1)
		b.WriteString(head + strings.Repeat("─", max(0, min(width, 40)-Width(head))) + "\n")
		for i, c := range r {
			if i >= len(t.Header) {
				break
			}
			h := t.Header[i]
			if c == "" {
				c = "-"
			}
			pad := h + strings.Repeat(" ", label-Width(h)) + "  "
			avail := width - Width(pad)
			if barText(c) && Width(c) > avail {
				c = scaleBar(c, max(1, avail))
			}
			var lines []string
			for _, para := range strings.Split(c, "\n") {
				lines = append(lines, Wrap(para, avail)...)
			}
			for j, l := range lines {
				if j == 0 {
					b.WriteString(pad)
				} else {
					b.WriteString(strings.Repeat(" ", Width(pad)))
				}
				b.WriteString(l + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeHidden says which columns a narrow terminal left out and how to see
// them.
func writeHidden(w io.Writer, hidden []string, width int) error {
	if len(hidden) == 0 {
		return nil
	}
	var names []string
	for _, h := range hidden {
		names = append(names, strings.ToLower(h))
	}
	msg := fmt.Sprintf("Not shown at %d columns: %s (a wider terminal shows every column, as do --format csv and --format markdown).", width, strings.Join(names, ", "))
	_, err := io.WriteString(w, WrapIndent(msg, width, "", ""))
	return err
}
