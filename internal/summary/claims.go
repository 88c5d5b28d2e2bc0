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
	Low          Share         `json:"low"`          // the share of declared items if no other item matches
	High         Share         `json:"high"`         // the share if every missing or undetermined item matches
	Explanation  string        `json:"explanation"`
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
	var what string
	switch c.Measure {
	case "status":
		what = "are " + strings.Join(c.Statuses, " or ") + " on " + c.Date
		for _, it := range s.Items {
			if slices.Contains(c.Statuses, query.Status(it, c.Date)) {
				r.Matched = append(r.Matched, it.ID)
			}
		}
	case "actor-type":
		what = "are " + strings.Join(c.ActorTypes, " or ")
		for _, it := range s.Items {
			switch {
			case it.ActorType == dataset.ActorTypeUnknown:
				r.Undetermined++
			case slices.Contains(c.ActorTypes, it.ActorType):
				r.Matched = append(r.Matched, it.ID)
			}
		}
	default:
		r.Verdict = Undecided
		r.Explanation = fmt.Sprintf("cannot evaluate measure %q", c.Measure)
		return r
	}
	r.Low, r.High = Bounds(len(r.Matched), r.Undetermined, r.Present, s.Declared())
	v, known := verdict(c.Comparison, c.Threshold, r.Low.N, r.High.N, r.Low.Of)
	if !known {
		r.Verdict = Undecided
		r.Explanation = fmt.Sprintf("cannot evaluate comparison %q", c.Comparison)
		return r
	}
	r.Verdict = v
	need := fmt.Sprintf("the claim needs %s", Requirement(c.Comparison, c.Threshold))
	if r.Low == r.High {
		r.Explanation = fmt.Sprintf("%s %s; %s", r.Low, what, need)
	} else {
		counted := fmt.Sprintf("%d of %d present %s", len(r.Matched), r.Present, what)
		if r.Undetermined > 0 {
			counted = fmt.Sprintf("%d of %d present with a known actor type %s (%d more %s none)",
				len(r.Matched), r.Present-r.Undetermined, what, r.Undetermined, prose.Plural(r.Undetermined, "has", "have"))
		}
		r.Explanation = fmt.Sprintf("%s, so between %d%% (%d of %d) and %d%% (%d of %d) of the %d declared; %s",
			counted, r.Low.PercentFloor(), r.Low.N, r.Low.Of, r.High.PercentCeil(), r.High.N, r.High.Of, r.Low.Of, need)
	}
	return r
}

// verdict decides a claim over every count from lo to hi of the declared
// total without visiting each count: a declared total is a number in a file,
// and one visit per possible count would let that number decide how long a
// run takes. Every comparison holds on one unbroken run of shares, so the
// counts that satisfy it form one unbroken run too: some count fails exactly
// when an end of lo..hi fails, and some count passes exactly when an end
// passes or the run starts just past one of the comparison's edges.
func verdict(comparison string, threshold float64, lo, hi, of int) (Verdict, bool) {
	share := func(k int) float64 { return Share{k, of}.Fraction() }
	okLo, known := Satisfies(comparison, share(lo), threshold)
	if !known {
		return Undecided, false
	}
	okHi, _ := Satisfies(comparison, share(hi), threshold)
	no := !okLo || !okHi
	yes := okLo || okHi
	for _, edge := range []float64{threshold, threshold - 0.025, threshold + 0.025, threshold + 0.05} {
		if yes {
			break
		}
		mid := int(math.Floor(edge * float64(of)))
		for k := mid - 1; k <= mid+2; k++ {
			if k > lo && k < hi {
				if ok, _ := Satisfies(comparison, share(k), threshold); ok {
					yes = true
				}
			}
		}
	}
	switch {
	case !no:
		return Holds, true
	case !yes:
		return Contradicted, true
	}
	return Undecided, true
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
