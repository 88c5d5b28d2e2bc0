package summary

import (
	"fmt"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

// moveOnReading makes item id's moves rest on our reading alone.
func moveOnReading(t *testing.T, s *dataset.Set, id string) {
	t.Helper()
	it := s.Item(id)
	if it == nil {
		t.Fatalf("no %s in the example", id)
	}
	for i := range it.Progress {
		if e := it.Progress[i].Evidence; e != nil {
			e.Link = "read"
		}
	}
}

func TestReadAloneAndStatedOnly(t *testing.T) {
	s := example(t)
	moveOnReading(t, s, "AR-01") // in progress on 2025-06-01
	sum := Compute(s, "2025-06-01")
	h := sum.Headline(HeadlineProgressed)
	if h.Share.N != 3 || h.ReadAlone == nil || *h.ReadAlone != 1 {
		t.Fatalf("progressed %+v, want 3 with 1 on our reading alone", h)
	}
	if !strings.Contains(h.Text, "(1 of them on our reading alone)") {
		t.Errorf("headline does not say it: %q", h.Text)
	}
	stated := Compute(s.StatedOnly(), "2025-06-01")
	if g := stated.Headline(HeadlineProgressed); g.Share.N != 2 || g.ReadAlone != nil || stated.Evidence != "stated" {
		t.Errorf("on stated evidence: %+v (evidence %s), want 2 and no read-alone count", g, stated.Evidence)
	}
	if s.Item("AR-01").Status != "in-progress" {
		t.Error("StatedOnly changed the set it was given")
	}
}

func TestUnconfirmedItemsNeverNarrowABound(t *testing.T) {
	s := example(t)
	before := Compute(s, "2025-06-01").Headline(HeadlineProgressed)
	s.Item("AR-01").Membership = dataset.Drafted // in progress on that day
	sum := Compute(s, "2025-06-01")
	after := sum.Headline(HeadlineProgressed)
	if after.Share != before.Share {
		t.Errorf("the share among items present changed: %v, was %v", after.Share, before.Share)
	}
	// AR-01 no longer lifts the low end, and its slot may still match.
	if after.Low.N != before.Low.N-1 || after.High.N != before.High.N {
		t.Errorf("bounds %v-%v, want %d-%d", after.Low, after.High, before.Low.N-1, before.High.N)
	}
	if sum.Unconfirmed != 1 || after.UnconfirmedN != 1 || !strings.Contains(after.Text, "1 of the 3 may not be one of the declared items") {
		t.Errorf("unconfirmed %d/%d, text %q", sum.Unconfirmed, after.UnconfirmedN, after.Text)
	}
	if !strings.Contains(sum.Coverage(), "5 of the 8 declared items (63%), and 1 more that may not be among them") {
		t.Errorf("coverage: %q", sum.Coverage())
	}
	// With every declared item present but one unconfirmed, figures stay ranges.
	s.Strategy.DeclaredItems = 6
	if sum := Compute(s, "2025-06-01"); !sum.Partial() {
		t.Error("a dataset with an unconfirmed item is reported as complete")
	}
}

func TestSatisfyingMatchesBruteForce(t *testing.T) {
	for _, comparison := range []string{"over", "at-least", "under", "just-over", "about"} {
		for _, threshold := range []float64{0, 0.1, 0.25, 1.0 / 3, 0.5, 0.75, 0.98, 1} {
			for d := 0; d <= 130; d++ {
				lo, hi := d+1, -1
				for k := 0; k <= d; k++ {
					if ok, _ := Satisfies(comparison, Share{k, d}.Fraction(), threshold); ok {
						lo, hi = min(lo, k), max(hi, k)
					}
				}
				glo, ghi, ok := satisfying(comparison, threshold, d)
				if ok != (hi >= 0) || (ok && (glo != lo || ghi != hi)) {
					t.Fatalf("%s %g of %d: got [%d,%d] %v, want [%d,%d]", comparison, threshold, d, glo, ghi, ok, lo, hi)
				}
			}
		}
	}
}

func TestClaimOnAHugeDeclaredCount(t *testing.T) {
	s := example(t)
	s.Strategy.DeclaredItems = dataset.MaxDeclared // the largest the loader accepts: no loop over possible counts
	r := Evaluate(s, s.Strategy.Claims[0])
	if r.Verdict != Undecided || r.Needs == nil {
		t.Fatalf("verdict %s, needs %+v", r.Verdict, r.Needs)
	}
}

func TestTensionSaysWhatTheOpenItemsMustBe(t *testing.T) {
	s := example(t)
	r := Evaluate(s, s.Strategy.Claims[0]) // over half of 8, with 3 of 6 present
	// 3 matched, 2 open (missing): more than 4 of 8 needs at least 2 of them.
	if r.Needs == nil || r.Needs.Open != 2 || r.Needs.Min != 2 || r.Needs.Max != 2 {
		t.Fatalf("needs %+v", r.Needs)
	}
	want := "for the claim to hold, at least 2 (100%) of the 2 items the dataset cannot settle (2 not in it) would have to be in-progress or complete on 2025-06-01; of the 6 items it settles, 3 (50%) are"
	if r.Tension != want {
		t.Errorf("tension\n got %q\nwant %q", r.Tension, want)
	}
}

func TestDataAge(t *testing.T) {
	s := example(t)
	a := DataAge(s, "2025-06-01")
	latest := ""
	for _, it := range s.Items {
		for _, e := range it.Progress {
			if e.Evidence != nil && e.Date <= "2025-06-01" {
				latest = max(latest, e.Date)
			}
		}
	}
	if a.LatestEvidence != latest || a.LatestEntry < latest || a.Bundled {
		t.Errorf("age %+v, latest evidence %s", a, latest)
	}
	if got := a.Sentence(); got != fmt.Sprintf("The latest evidence recorded is dated %s.", latest) {
		t.Errorf("sentence %q", got)
	}
	s.Bundled = true
	if got := DataAge(s, "2025-06-01").Sentence(); !strings.Contains(got, "Read from the bundled dataset: a snapshot whose latest entry is dated "+a.LatestEntry) {
		t.Errorf("bundled sentence %q", got)
	}
}
