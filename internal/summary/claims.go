package summary

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
)

// Verdict is what the dataset says about a published claim.
type Verdict string

// Verdicts. Undecided means the items missing from the dataset (or of
// unknown actor type) could tip the claim either way.
const (
	Holds        Verdict = "holds"
	Contradicted Verdict = "contradicted"
	Undecided    Verdict = "undecided"
)

// ClaimResult is a published claim recomputed from the items.
type ClaimResult struct {
	Claim        dataset.Claim `json:"claim"`
	Verdict      Verdict       `json:"verdict"`
	Matched      []string      `json:"matched"`      // ids of the items the claim counts
	Present      int           `json:"present"`      // items in the dataset
	Undetermined int           `json:"undetermined"` // present items that cannot be classified
	// Unconfirmed counts the items present that may not be among the
	// declared ones: like missing items, they could go either way.
	Unconfirmed int `json:"unconfirmed"`
	// ReadAlone counts the matched items that match only on our reading of
	// the evidence; nil for claims evidence does not decide.
	ReadAlone *int  `json:"read_alone,omitempty"`
	Low       Share `json:"low"`  // the share of declared items if no other item matches
	High      Share `json:"high"` // the share if every missing or undetermined item matches
	// Needs is what the items the dataset cannot settle would have to be for
	// the claim to hold: at least Min and at most Max of Open of them.
	Needs       *Needs `json:"needs,omitempty"`
	Explanation string `json:"explanation"`
	// Tension says what the claim implies about the items the dataset
	// cannot settle, beside what the settled ones show; "" when the claim
	// is settled.
	Tension string `json:"tension,omitempty"`
}

// Needs is how many of the open items must match for a claim to hold.
type Needs struct {
	Open int `json:"open"` // items missing, unconfirmed or unclassifiable
	Min  int `json:"min"`
	Max  int `json:"max"`
}

// Claims evaluates every claim recorded in the strategy metadata.
func Claims(s *dataset.Set) []ClaimResult {
	if s.Strategy == nil {
		return nil
	}
	out := make([]ClaimResult, 0, len(s.Strategy.Claims))
	for _, c := range s.Strategy.Claims {
		out = append(out, Evaluate(s, c))
	}
	return out
}

// Evaluate recomputes one claim as of its date. The claim holds when every
// share the dataset allows satisfies it, is contradicted when none does, and
// is undecided otherwise: each missing item could go either way.
func Evaluate(s *dataset.Set, c dataset.Claim) ClaimResult {
	r := ClaimResult{Claim: c, Present: len(s.Items), Matched: []string{}}
	var t Tally
	var what string
	switch c.Measure {
	case "status":
		what = "are " + strings.Join(c.Statuses, " or ") + " on " + c.Date
		read := 0
		for _, it := range s.Items {
			m := slices.Contains(c.Statuses, query.Status(it, c.Date))
			t.Add(it, m, true)
			if m {
				r.Matched = append(r.Matched, it.ID)
				if st, _ := it.StatedStatusOn(c.Date); !s.Stated && !slices.Contains(c.Statuses, st) {
					read++
				}
			}
		}
		if !s.Stated {
			r.ReadAlone = &read
		}
	case "actor-type":
		what = "are " + strings.Join(c.ActorTypes, " or ")
		for _, it := range s.Items {
			known := it.ActorType != dataset.ActorTypeUnknown
			m := known && slices.Contains(c.ActorTypes, it.ActorType)
			t.Add(it, m, known)
			if m {
				r.Matched = append(r.Matched, it.ID)
			}
		}
	default:
		r.Verdict = Undecided
		r.Explanation = fmt.Sprintf("cannot evaluate measure %q", c.Measure)
		return r
	}
	r.Undetermined, r.Unconfirmed = t.Unknown, t.Unconfirmed
	r.Low, r.High = t.Bounds(s.Declared())
	v, known := verdict(c.Comparison, c.Threshold, r.Low.N, r.High.N, r.Low.Of)
	if !known {
		r.Verdict = Undecided
		r.Explanation = fmt.Sprintf("cannot evaluate comparison %q", c.Comparison)
		return r
	}
	r.Verdict = v
	if v == Undecided {
		lo, hi, _ := satisfying(c.Comparison, c.Threshold, r.Low.Of)
		open := r.High.N - r.Low.N
		r.Needs = &Needs{Open: open, Min: max(0, lo-r.Low.N), Max: min(open, hi-r.Low.N)}
		r.Tension = tension(r, t, what)
	}
	need := fmt.Sprintf("the claim needs %s", Requirement(c.Comparison, c.Threshold))
	if r.Low == r.High {
		r.Explanation = fmt.Sprintf("%s %s; %s", r.Low, what, need)
		return r
	}
	counted := fmt.Sprintf("%d of %d present %s", len(r.Matched), r.Present, what)
	if t.Unknown > 0 {
		counted = fmt.Sprintf("%d of %d present with a known actor type %s (%d more %s none)",
			len(r.Matched), r.Present-t.Unknown, what, t.Unknown, prose.Plural(t.Unknown, "has", "have"))
	}
	if r.ReadAlone != nil && len(r.Matched) > 0 {
		counted += " (" + readAloneWords(*r.ReadAlone, len(r.Matched)) + ")"
	}
	if t.UnconfirmedN > 0 {
		counted += fmt.Sprintf(" (%d of them may not be one of the declared items)", t.UnconfirmedN)
	}
	// A percentage beside a count is that count's own share, to nearest.
	r.Explanation = fmt.Sprintf("%s, so between %d of %d (%d%%) and %d of %d (%d%%) of the declared items; %s",
		counted, r.Low.N, r.Low.Of, r.Low.Percent(), r.High.N, r.High.Of, r.High.Percent(), need)
	return r
}

// tension says what an undecided claim asks of the items the dataset cannot
// settle, beside the share the settled items show: a claim that needs nearly
// all unknown items to match, when few known ones do, is a question to ask.
func tension(r ClaimResult, t Tally, what string) string {
	n := r.Needs
	settled := t.Present - t.Unconfirmed - t.Undetermined
	matched := t.N - t.UnconfirmedN
	var parts []string
	if missing := r.Low.Of - t.Present; missing > 0 {
		parts = append(parts, fmt.Sprintf("%d not in it", missing))
	}
	if t.Unconfirmed > 0 {
		parts = append(parts, fmt.Sprintf("%d that may not be among the %d", t.Unconfirmed, r.Low.Of))
	}
	if t.Undetermined > 0 {
		parts = append(parts, fmt.Sprintf("%d of unknown actor type", t.Undetermined))
	}
	of := fmt.Sprintf("of the %d items the dataset cannot settle (%s)", n.Open, strings.Join(parts, ", "))
	var need string
	verb := "would have to be"
	switch {
	case n.Min > 0 && n.Max < n.Open:
		need = fmt.Sprintf("between %d and %d %s", n.Min, n.Max, of)
	case n.Min > 0:
		need = fmt.Sprintf("at least %d (%d%%) %s", n.Min, Share{n.Min, n.Open}.Percent(), of)
	default:
		need = fmt.Sprintf("at most %d (%d%%) %s", n.Max, Share{n.Max, n.Open}.Percent(), of)
		verb = "could be"
	}
	return fmt.Sprintf("for the claim to hold, %s %s %s; of the %d items it settles, %d (%d%%) are",
		need, verb, strings.TrimPrefix(what, "are "), settled, matched, Share{matched, settled}.Percent())
}

// verdict decides a claim over every count from lo to hi of the declared
// total of without visiting each count: a declared total is a number in a
// file, and one visit per possible count would let that number decide how
// long a run takes.
func verdict(comparison string, threshold float64, lo, hi, of int) (Verdict, bool) {
	if _, known := Satisfies(comparison, 0, threshold); !known {
		return Undecided, false
	}
	a, b, ok := satisfying(comparison, threshold, of)
	switch {
	case ok && a <= lo && hi <= b:
		return Holds, true
	case !ok || b < lo || hi < a:
		return Contradicted, true
	}
	return Undecided, true
}

// satisfying returns the counts k out of d whose share k/d meets the
// comparison, as the interval [lo, hi]; ok is false when none does. Every
// comparison holds on one unbroken run of shares around a centre, so a
// failing count lies wholly below or wholly above that run, and both ends
// are found by bisection: some sixty steps for any d, never one per count.
func satisfying(comparison string, threshold float64, d int) (lo, hi int, ok bool) {
	centre := map[string]float64{"over": 1, "at-least": 1, "under": 0, "just-over": threshold + 0.025, "about": threshold}[comparison]
	share := func(k int) float64 { return Share{k, d}.Fraction() }
	sat := func(k int) bool { yes, _ := Satisfies(comparison, share(k), threshold); return yes }
	below := func(k int) bool { return !sat(k) && share(k) < centre }
	above := func(k int) bool { return !sat(k) && share(k) > centre }
	// first returns the least k in [0, d] with f(k), or d+1; f must be
	// false up to some point and true from there on.
	first := func(f func(int) bool) int {
		a, b := 0, d
		if !f(b) {
			return d + 1
		}
		for a < b {
			m := a + (b-a)/2
			if f(m) {
				b = m
			} else {
				a = m + 1
			}
		}
		return a
	}
	lo = first(func(k int) bool { return !below(k) })
	hi = first(above) - 1
	if lo > d || lo > hi || !sat(lo) {
		return 0, -1, false
	}
	return lo, hi, true
}

// Satisfies reports whether share meets comparison against threshold, with
// the meanings the strategy schema documents; known is false for a
// comparison it does not define.
func Satisfies(comparison string, share, threshold float64) (ok, known bool) {
	switch comparison {
	case "over":
		return share > threshold+eps, true
	case "at-least":
		return share >= threshold-eps, true
	case "under":
		return share < threshold-eps, true
	case "just-over":
		return share > threshold+eps && share <= threshold+0.05+eps, true
	case "about":
		return math.Abs(share-threshold) <= 0.025+eps, true
	}
	return false, false
}

// Requirement says in words what a comparison asks: "over 50%".
func Requirement(comparison string, threshold float64) string {
	pct := func(f float64) string { return fmt.Sprintf("%g%%", math.Round(f*1000)/10) }
	switch comparison {
	case "just-over":
		return fmt.Sprintf("just over %s (up to %s)", pct(threshold), pct(threshold+0.05))
	case "about":
		return fmt.Sprintf("about %s (%s to %s)", pct(threshold), pct(threshold-0.025), pct(threshold+0.025))
	case "at-least":
		return "at least " + pct(threshold)
	}
	return comparison + " " + pct(threshold)
}
