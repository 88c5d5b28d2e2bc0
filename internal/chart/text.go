package chart

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/open-workforce/strategy/internal/prose"

	"github.com/open-workforce/strategy/internal/timeline"
)

// textRows is the height of the terminal chart: 12.5 points a row.
const textRows = 8

// Text draws the timeline for a terminal in at most width columns: a column
// of block characters per point, full (█) up to the share of all declared
// items that certainly moved and shaded (▒) up to the most it could be,
// with ◆ where a published claim put it. It returns "" when width leaves no
// room for a chart worth reading.
func Text(t *timeline.Timeline, width int) string {
	pts := t.Overall.Points
	const gutter = 6 // "100% ┤"
	plot := width - gutter
	if len(pts) == 0 || plot < 12 {
		return ""
	}
	// Each point gets the same number of columns; with more points than
	// columns, evenly spaced points are shown, always the first and last.
	per := max(1, min(plot/len(pts), 3))
	cols := min(len(pts), plot/per)
	index := make([]int, cols)
	for c := range index {
		if cols == 1 {
			index[c] = len(pts) - 1
			continue
		}
		index[c] = (c*(len(pts)-1) + (cols-1)/2) / (cols - 1)
	}
	low := func(p timeline.Point) float64 {
		if p.Low != nil {
			return p.Low.Fraction()
		}
		return p.Moved.Fraction()
	}
	high := func(p timeline.Point) float64 {
		if p.High != nil {
			return p.High.Fraction()
		}
		return p.Moved.Fraction()
	}
	// A claim marks the first column on or after its day.
	marks := map[[2]int]bool{}
	for _, cl := range t.Claims {
		for c, i := range index {
			if pts[i].Date >= cl.Date {
				marks[[2]int{c, min(int(cl.Threshold*textRows), textRows-1)}] = true
				break
			}
		}
	}
	var b strings.Builder
	for r := textRows - 1; r >= 0; r-- {
		label := "    "
		switch r {
		case textRows - 1:
			label = "100%"
		case textRows/2 - 1:
			label = " 50%"
		}
		b.WriteString(label + " ┤")
		threshold := (float64(r) + 0.5) / textRows
		line := ""
		for c, i := range index {
			ch := " "
			switch {
			case low(pts[i]) >= threshold:
				ch = "█"
			case high(pts[i]) >= threshold:
				ch = "▒"
			}
			if marks[[2]int{c, r}] {
				line += "◆" + strings.Repeat(ch, per-1)
			} else {
				line += strings.Repeat(ch, per)
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("  0% └" + strings.Repeat("─", cols*per) + "\n")
	first, last := pts[0].Date, pts[len(pts)-1].Date
	pad := strings.Repeat(" ", gutter)
	switch gap := cols*per - len(first) - len(last); {
	case gap >= 1:
		b.WriteString(pad + first + strings.Repeat(" ", gap) + last + "\n")
	case gutter+len(first)+4+len(last) <= width:
		b.WriteString(pad + first + " to " + last + "\n")
	default:
		b.WriteString(pad + first + "\n" + pad + last + "\n")
	}
	legend := []string{"█ in progress or complete"}
	if t.Declared > t.Present {
		legend = []string{
			fmt.Sprintf("█ certainly in progress or complete, of all %d", t.Declared),
			missingToo(t.Declared - t.Present),
		}
	}
	if len(t.Claims) > 0 {
		legend = append(legend, "◆ published claim")
	}
	if one := strings.Join(legend, "   "); utf8.RuneCountInString(one) <= width {
		legend = []string{one}
	}
	for _, l := range legend {
		if utf8.RuneCountInString(l) <= width {
			b.WriteString(l + "\n")
			continue
		}
		for i, line := range prose.Wrap(l, width-2) {
			if i > 0 {
				line = "  " + line // under the symbol's text
			}
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// missingToo explains the shaded part: what the share would be if every
// missing item had moved as well.
func missingToo(n int) string {
	if n == 1 {
		return "▒ if the missing item was too"
	}
	return fmt.Sprintf("▒ if the %d missing items were too", n)
}
