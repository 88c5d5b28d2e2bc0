package summary

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

// bruteVerdict visits every count, as the evaluation once did; it is the
// reference the closed form must agree with.
func bruteVerdict(comparison string, threshold float64, lo, hi, of int) Verdict {
	yes, no := false, false
	for k := lo; k <= hi; k++ {
		if ok, _ := Satisfies(comparison, Share{k, of}.Fraction(), threshold); ok {
			yes = true
		} else {
			no = true
		}
	}
	switch {
	case !no:
		return Holds
	case !yes:
		return Contradicted
	}
	return Undecided
}

func TestVerdictMatchesEveryCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	comparisons := []string{"over", "at-least", "under", "just-over", "about"}
	for range 20000 {
		of := 1 + r.IntN(300)
		lo := r.IntN(of + 1)
		hi := lo + r.IntN(of-lo+1)
		th := math.Round(r.Float64()*100) / 100
		if r.IntN(4) == 0 {
			th = float64(r.IntN(of+1)) / float64(of) // a threshold on an exact share
		}
		c := comparisons[r.IntN(len(comparisons))]
		got, known := verdict(c, th, lo, hi, of)
		if want := bruteVerdict(c, th, lo, hi, of); !known || got != want {
			t.Fatalf("%s %v over %d..%d of %d: got %s, want %s", c, th, lo, hi, of, got, want)
		}
	}
}

// A declared total is a number in a file: the largest the loader can hold
// must cost no more than 56.
func TestEvaluateHugeDeclaredTotal(t *testing.T) {
	for _, declared := range []int{math.MaxInt64, 1 << 40, 999_999_937} {
		s := &dataset.Set{Strategy: &dataset.Strategy{DeclaredItems: declared}}
		for _, c := range []string{"over", "at-least", "under", "just-over", "about"} {
			r := Evaluate(s, dataset.Claim{Measure: "status", Statuses: []string{"complete"}, Date: "2026-01-01", Comparison: c, Threshold: 0.5})
			if r.Verdict == "" {
				t.Fatalf("%s with %d declared: no verdict", c, declared)
			}
		}
	}
}
