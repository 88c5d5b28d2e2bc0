// Package prose helps write sentences and paragraphs for people: the right
// form of a noun for a count, and text wrapped to a width.
package prose

import (
	"strconv"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Width is the display width of s in terminal columns: a CJK character or
// an emoji counts two, a combining accent none. It is tablewriter's own
// measure, the one width function of this program, so that prose, fitted
// tables and the tables tablewriter draws agree on every line.
func Width(s string) int { return twwidth.Width(s) }

// Plural returns one when n is 1 and many otherwise: Plural(n, "has", "have").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count returns n and the noun, with an s unless n is 1: "1 error",
// "3 errors", "0 errors". It suits only nouns whose plural adds an s.
func Count(n int, noun string) string {
	return strconv.Itoa(n) + " " + Plural(n, noun, noun+"s")
}

// Date says a YYYY-MM-DD date as people in England write it, "1 September
// 2026"; anything that is not such a date is returned as it is.
func Date(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Format("2 January 2006")
}

// Wrap breaks text into lines of at most width display columns at spaces;
// a word longer than width gets a line of its own. Runs of white space
// become one space.
func Wrap(text string, width int) []string {
	var lines []string
	line, lineW := "", 0
	for _, w := range strings.Fields(text) {
		ww := Width(w)
		if line != "" && lineW+1+ww > width {
			lines = append(lines, line)
			line, lineW = "", 0
		}
		if line != "" {
			line += " "
			lineW++
		}
		line += w
		lineW += ww
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
