// Package prose helps write sentences and paragraphs for people: the right
// form of a noun for a count, and text wrapped to a width.
package prose

import (
	"strconv"
	"strings"
)

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

// Wrap breaks text into lines of at most width bytes at spaces; a word
// longer than width gets a line of its own. Runs of white space become one
// space.
func Wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
