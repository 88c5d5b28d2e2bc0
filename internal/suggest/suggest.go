// Package suggest guesses what a mistyped name was meant to be, for the
// "did you mean" hint after an unknown actor or item id.
package suggest

import (
	"fmt"
	"regexp"
	"slices"
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

// Named is something people call by its id or by other names: an actor by
// its id, short name and full name.
type Named struct {
	ID    string
	Names []string
}

// ByName returns the id of the candidate that got most probably means, or ""
// when there is no single good guess. It tries, in turn: got spelt as an id
// or a name (any case, spaces for hyphens); got as an abbreviation of an id
// or name, each letter group starting a word ("nhse" for nhs-england,
// "sfc" for Skills for Care); and a slip of up to two edits in any of them.
func ByName(got string, cands []Named) string {
	key := looseKey(got)
	if key == "" {
		return ""
	}
	for _, try := range []func(name string) bool{
		func(name string) bool { return looseKey(name) == key },
		func(name string) bool { return abbreviates(key, name) },
	} {
		if id := unique(cands, try); id != "" {
			return id
		}
	}
	best, bestD, tie := "", 3, false
	for _, c := range cands {
		d := bestD + 1
		for _, n := range append([]string{c.ID}, c.Names...) {
			d = min(d, Distance(key, looseKey(n)))
		}
		switch {
		case d < bestD:
			best, bestD, tie = c.ID, d, false
		case d == bestD && c.ID != best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// unique returns the one candidate with a name that passes match, or "".
func unique(cands []Named, match func(string) bool) string {
	found := ""
	for _, c := range cands {
		if slices.ContainsFunc(append([]string{c.ID}, c.Names...), match) {
			if found != "" && found != c.ID {
				return ""
			}
			found = c.ID
		}
	}
	return found
}

func looseKey(s string) string {
	return strings.Trim(strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s))), "-")
}

// minorWords may be skipped in an abbreviation: "dhsc" is the Department
// of Health and Social Care.
var minorWords = map[string]bool{"of": true, "and": true, "for": true, "the": true, "in": true}

// abbreviates reports whether key, with no hyphens, can be cut into pieces
// that start the name's words in order, the first piece starting the first
// word, skipping only minor words.
func abbreviates(key, name string) bool {
	key = strings.ReplaceAll(key, "-", "")
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == ',' || r == '(' || r == ')' })
	if len(key) < 2 || len(words) < 2 {
		return false
	}
	var match func(k string, w int, first bool) bool
	match = func(k string, w int, first bool) bool {
		if k == "" {
			return true
		}
		if w >= len(words) {
			return false
		}
		for n := min(len(k), len(words[w])); n >= 1; n-- {
			if strings.HasPrefix(words[w], k[:n]) && match(k[n:], w+1, false) {
				return true
			}
		}
		return !first && minorWords[words[w]] && match(k, w+1, false)
	}
	return match(key, 0, true)
}
