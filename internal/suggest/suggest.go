// Package suggest guesses what a mistyped name was meant to be, for the
// "did you mean" hint after an unknown actor or item id.
package suggest

import (
	"fmt"
	"regexp"
	"strings"
)

// Hint returns ` (did you mean s?)`, or "" when s is "", to follow a
// message about an unknown name.
func Hint(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", s)
}

// Nearest returns the candidate closest to got, ignoring case, if it is at
// most maxEdits edits away and no other candidate is as close; otherwise "".
// Two equally good guesses are no guess.
func Nearest(got string, candidates []string, maxEdits int) string {
	got = strings.ToLower(strings.TrimSpace(got))
	best, bestD, ties := "", maxEdits+1, 0
	for _, c := range candidates {
		switch d := Distance(got, strings.ToLower(c)); {
		case d < bestD:
			best, bestD, ties = c, d, 0
		case d == bestD:
			ties++
		}
	}
	if best == "" || ties > 0 {
		return ""
	}
	return best
}

// ID returns the item id in ids (such as TR-02) that got most probably
// meant, or "" when there is no single close match. It first undoes the
// usual slips (case, a missing or different separator, the number's
// padding: tr2, TR-2, tr-002, TR 2 for TR-02), then allows one edit.
func ID(got string, ids []string) string {
	norm := NormaliseID(got)
	for _, id := range ids {
		if id == norm {
			return id
		}
	}
	return Nearest(got, ids, 1)
}

var looseID = regexp.MustCompile(`^([A-Za-z]{2})[\s_-]*0*([0-9]+)$`)

// NormaliseID spells a loosely written item id as the dataset does:
// upper-case prefix, hyphen, number padded to two digits ("tr 2" is TR-02).
// Anything else comes back trimmed and upper-cased.
func NormaliseID(id string) string {
	id = strings.TrimSpace(id)
	m := looseID.FindStringSubmatch(id)
	if m == nil {
		return strings.ToUpper(id)
	}
	num := m[2]
	if len(num) < 2 {
		num = "0" + num
	}
	return strings.ToUpper(m[1]) + "-" + num
}

// Distance is the Levenshtein distance between a and b, counted in
// characters (runes), not bytes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
