package summary

import (
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

func TestPhrase(t *testing.T) {
	tests := []struct {
		n, d int
		want string
	}{
		{0, 56, "None"},
		{0, 0, "None"},
		{56, 56, "All"},
		{28, 56, "Exactly half"},
		{14, 56, "Exactly a quarter"},
		{42, 56, "Exactly three quarters"},
		{10, 30, "Exactly a third"},
		{20, 30, "Exactly two thirds"},
		// half: up to 3 points either side is "just over" or "nearly"
		{29, 56, "Just over half"},
		{53, 100, "Just over half"},
		{54, 100, "Over half"},
		{30, 56, "Over half"},
		{47, 100, "Nearly half"},
		{27, 56, "Nearly half"},
		{46, 100, "Fewer than half"},
		// a quarter
		{15, 56, "Just over a quarter"},
		{28, 100, "Just over a quarter"},
		{29, 100, "Over a quarter"},
		{22, 100, "Nearly a quarter"},
		{21, 100, "Fewer than a quarter"},
		// thirds: "about" within 2 points
		{32, 100, "About a third"},
		{35, 100, "About a third"},
		{36, 100, "Fewer than half"},
		{31, 100, "Over a quarter"},
		{37, 56, "About two thirds"},
		{65, 100, "About two thirds"},
		{64, 100, "Over half"},
		{69, 100, "Over two thirds"},
		// three quarters
		{78, 100, "Just over three quarters"},
		{79, 100, "Over three quarters"},
		{72, 100, "Nearly three quarters"},
		{71, 100, "Over two thirds"},
		// the ends
		{89, 100, "Over three quarters"},
		{90, 100, "Almost all"},
		{55, 56, "Almost all"},
		{10, 100, "Fewer than a quarter"},
		{9, 100, "Fewer than one in ten"},
		{1, 56, "Fewer than one in ten"},
	}
	for _, tt := range tests {
		if got := Phrase(tt.n, tt.d); got != tt.want {
			t.Errorf("Phrase(%d, %d) = %q, want %q", tt.n, tt.d, got, tt.want)
		}
	}
}

func TestShare(t *testing.T) {
	tests := []struct {
		s    Share
		want string
	}{
		{Share{30, 56}, "30 of 56, 54%"},
		{Share{1, 8}, "1 of 8, 13%"}, // 12.5 rounds half up
		{Share{0, 0}, "0 of 0, 0%"},
		{Share{2, 3}, "2 of 3, 67%"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		name                           string
		n, undetermined, present, decl int
		want                           string
	}{
		{"complete dataset", 30, 0, 56, 56, "Over half (30 of 56, 54%) are in progress or complete"},
		{"the issue's partial example", 25, 0, 45, 56, "Over half of the items present (25 of 45, 56%) are in progress or complete, so between 44% and 65% of the 56"},
		{"unknown types widen the range", 10, 2, 45, 56, "Nearly a quarter of the classifiable items present (10 of 43, 23%) are in progress or complete (2 more present have no known actor type), so between 17% and 42% of the 56"},
		{"one unknown", 10, 1, 56, 56, "Fewer than a quarter of the classifiable items present (10 of 55, 18%) are in progress or complete (1 more present has no known actor type), so between 17% and 20% of the 56"},
		{"more present than declared counts all present", 3, 0, 5, 4, "Over half (3 of 5, 60%) are in progress or complete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Describe(tt.n, tt.undetermined, tt.present, tt.decl, "are in progress or complete")
			if h.Text != tt.want {
				t.Errorf("got  %q\nwant %q", h.Text, tt.want)
			}
		})
	}
}

func example(t testing.TB) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../../testdata/example-partial"), dataset.Options{Display: "example-partial"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCompute(t *testing.T) {
	s := example(t)
	sum := Compute(s, "2025-06-01")
	if sum.Present != 6 || sum.Declared != 8 || !sum.Partial() {
		t.Fatalf("present %d declared %d", sum.Present, sum.Declared)
	}
	// As of 2025-06-01: TR-01 complete; AR-01, TF-02 in progress; TR-02's
	// evidence comes later, so it still counts as not started.
	counts := func(g Group) string {
		var b strings.Builder
		for _, c := range g.Counts {
			b.WriteString(" " + c.Status + "=" + string(rune('0'+c.N)))
		}
		return strings.TrimSpace(b.String())
	}
	if got, want := counts(sum.Overall), "not-started=3 in-progress=2 complete=1"; got != want {
		t.Errorf("overall %s, want %s", got, want)
	}
	var themes []string
	for _, g := range sum.Themes {
		themes = append(themes, g.ID+":"+counts(g))
	}
	if got, want := strings.Join(themes, "; "), "attract-and-retain:not-started=1 in-progress=1 complete=0; train:not-started=1 in-progress=0 complete=1; transform:not-started=1 in-progress=1 complete=0"; got != want {
		t.Errorf("themes\n got %s\nwant %s", got, want)
	}
	var types []string
	for _, g := range sum.ActorTypes {
		types = append(types, g.ID+"="+string(rune('0'+g.Total)))
	}
	if got, want := strings.Join(types, " "), "government-only=2 government-with-sector=2 sector-only=2"; got != want {
		t.Errorf("actor types %s, want %s", got, want)
	}
	var leads []string
	for _, g := range sum.Leads {
		leads = append(leads, g.Name+"="+string(rune('0'+g.Total)))
	}
	if got, want := strings.Join(leads, " "), "EDC=3 ESB=2 Council=1"; got != want {
		t.Errorf("leads %s, want %s", got, want)
	}
	wantHead := []string{
		"Exactly half of the items present (3 of 6, 50%) are in progress or complete (none of them on our reading alone), so between 37% and 63% of the 8",
		"Fewer than a quarter of the items present (1 of 6, 17%) are complete (none of them on our reading alone), so between 12% and 38% of the 8",
		"Exactly two thirds of the items present (4 of 6, 67%) need some government action, so between 50% and 75% of the 8",
		"Exactly a third of the items present (2 of 6, 33%) can only be done by government, so between 25% and 50% of the 8",
	}
	for i, h := range sum.Headlines {
		if i >= len(wantHead) || h.Text != wantHead[i] {
			t.Errorf("headline %d = %q", i, h.Text)
		}
	}
	if len(sum.Headlines) != len(wantHead) {
		t.Errorf("%d headlines, want %d", len(sum.Headlines), len(wantHead))
	}
}

func TestClaims(t *testing.T) {
	s := example(t)
	got := Claims(s)
	want := []struct {
		id      string
		verdict Verdict
		matched string
		expl    string
	}{
		{"example-progress", Undecided, "AR-01 TF-02 TR-01",
			"3 of 6 present are in-progress or complete on 2025-06-01 (none of them on our reading alone), so between 3 of 8 (38%) and 5 of 8 (63%) of the declared items; the claim needs over 50%"},
		{"example-government-action", Contradicted, "AR-01 TF-01 TR-01 TR-02",
			"4 of 6 present are government-only or government-with-sector, so between 4 of 8 (50%) and 6 of 8 (75%) of the declared items; the claim needs under 25%"},
		{"example-government-only", Holds, "TF-01 TR-01",
			"2 of 6 present are government-only, so between 2 of 8 (25%) and 4 of 8 (50%) of the declared items; the claim needs at least 25%"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Claim.ID != w.id || g.Verdict != w.verdict || strings.Join(g.Matched, " ") != w.matched || g.Explanation != w.expl {
			t.Errorf("claim %d:\n got %s %s [%s] %q\nwant %s %s [%s] %q", i, g.Claim.ID, g.Verdict, strings.Join(g.Matched, " "), g.Explanation, w.id, w.verdict, w.matched, w.expl)
		}
	}
}

func TestEvaluateCompleteData(t *testing.T) {
	// With every declared item present the range collapses to one share.
	s := example(t)
	s.Strategy.DeclaredItems = 6
	tests := []struct {
		comparison string
		threshold  float64
		want       Verdict
	}{
		{"over", 0.5, Contradicted}, // 3 of 6 is exactly half
		{"at-least", 0.5, Holds},
		{"under", 0.5, Contradicted},
		{"under", 0.51, Holds},
		{"just-over", 0.45, Holds},
		{"just-over", 0.44, Contradicted}, // 50% is more than 5 points over
		{"about", 0.52, Holds},
		{"about", 0.53, Contradicted},
		{"roughly", 0.5, Undecided},
	}
	for _, tt := range tests {
		c := dataset.Claim{ID: "x", Date: "2025-06-01", Measure: "status", Statuses: []string{"in-progress", "complete"}, Comparison: tt.comparison, Threshold: tt.threshold}
		if got := Evaluate(s, c); got.Verdict != tt.want {
			t.Errorf("%s %g: %s (%s), want %s", tt.comparison, tt.threshold, got.Verdict, got.Explanation, tt.want)
		}
	}
}
