package query

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

func example(t testing.TB) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../../testdata/example-partial"), dataset.Options{Display: "example-partial"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Findings) > 1 { // the coverage notice only
		t.Fatalf("example dataset has findings: %v", s.Findings)
	}
	return s
}

func ids(items []*dataset.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestSelect(t *testing.T) {
	s := example(t)
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"everything", Filter{}, "AR-01 AR-02 TF-01 TF-02 TR-01 TR-02"},
		{"theme id", Filter{Themes: []string{"train"}}, "TR-01 TR-02"},
		{"theme alias", Filter{Themes: []string{"attract"}}, "AR-01 AR-02"},
		{"theme prefix any case", Filter{Themes: []string{"tf"}}, "TF-01 TF-02"},
		{"themes or", Filter{Themes: []string{"TR", "TF"}}, "TF-01 TF-02 TR-01 TR-02"},
		{"actor id lead or partner", Filter{Actors: []string{"example-department"}}, "AR-01 TF-01 TR-01 TR-02"},
		{"actor short name", Filter{Actors: []string{"edc"}}, "AR-01 TF-01 TR-01 TR-02"},
		{"actor lead only", Filter{Actors: []string{"EDC"}, LeadOnly: true}, "AR-01 TF-01 TR-01"},
		{"actor type", Filter{ActorTypes: []string{"government-only"}}, "TF-01 TR-01"},
		{"actor types or", Filter{ActorTypes: []string{"sector-only", "government-with-sector"}}, "AR-01 AR-02 TF-02 TR-02"},
		{"status today", Filter{Statuses: []string{"in-progress"}}, "AR-01 TF-02 TR-02"},
		{"status as of", Filter{Statuses: []string{"in-progress"}, AsOf: "2025-01-01"}, "TF-02 TR-01"},
		{"status at launch", Filter{Statuses: []string{"not-started"}, AsOf: "2024-07-18"}, "AR-01 AR-02 TF-01 TF-02 TR-01 TR-02"},
		{"kind", Filter{Kinds: []string{"commitment"}}, "AR-02 TF-02 TR-02"},
		{"area", Filter{Areas: []string{"careers"}}, "TR-01 TR-02"},
		{"due before is exclusive", Filter{DueBefore: "2025-07-31"}, "AR-01 TF-01"},
		{"due within from as-of", Filter{DueWithin: "90d", AsOf: "2025-05-02"}, "TR-01"},
		{"due within months", Filter{DueWithin: "1y", AsOf: "2025-06-01"}, "AR-02 TR-01"},
		{"overdue", Filter{Overdue: true, AsOf: "2025-06-01"}, "AR-01 TF-01"},
		{"overdue ignores complete", Filter{Overdue: true, AsOf: "2025-08-01"}, "AR-01 TF-01"},
		{"overdue before due", Filter{Overdue: true, AsOf: "2024-12-31"}, ""},
		// TF-02's evidence is exactly six months old: not stale yet.
		{"stale", Filter{Stale: "6mo", AsOf: "2025-06-01"}, "AR-02 TF-01 TR-02"},
		{"stale counts evidence as of", Filter{Stale: "6mo", AsOf: "2025-03-01"}, "AR-02 TF-01 TR-02"},
		{"search title", Filter{Search: "PATHWAY"}, "TR-01"},
		{"search summary", Filter{Search: "digital skills"}, "TR-02"},
		{"and across fields", Filter{Themes: []string{"train"}, Kinds: []string{"recommendation"}}, "TR-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.f.AsOf == "" {
				tt.f.AsOf = "2026-01-01"
			}
			got, err := Select(s, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(ids(got), " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

func TestSelectErrors(t *testing.T) {
	s := example(t)
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"theme", Filter{Themes: []string{"nope"}}, `unknown theme "nope": valid values are attract-and-retain (AR, ar, attract), train (TR, tr), transform (TF)`},
		{"actor", Filter{Actors: []string{"dhsc"}}, `unknown actor "dhsc": valid values are example-department, example-council, example-skills`},
		{"status", Filter{Statuses: []string{"done"}}, `unknown status "done": valid values are not-started, in-progress, complete`},
		{"kind", Filter{Kinds: []string{"promise"}}, `unknown kind "promise": valid values are recommendation, commitment, not-stated`},
		{"area", Filter{Areas: []string{"x"}}, `unknown area "x": valid values are pay, recruitment, careers, planning`},
		{"actor type", Filter{ActorTypes: []string{"government"}}, `unknown actor type "government": valid values are government-only, government-with-sector, sector-only, unknown`},
		{"due before", Filter{DueBefore: "2025-02-30"}, `due-before date: "2025-02-30" is not a date: use YYYY-MM-DD`},
		{"due within", Filter{DueWithin: "3 months"}, `due-within: "3 months" is not a duration: use a whole number and d, w, mo or y, e.g. 90d, 6mo, 1y`},
		{"stale", Filter{Stale: "-1d"}, `stale: "-1d" is not a duration: use a whole number and d, w, mo or y, e.g. 90d, 6mo, 1y`},
		{"as of", Filter{AsOf: "today"}, `as-of date: "today" is not a date: use YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.f.AsOf == "" {
				tt.f.AsOf = "2026-01-01"
			}
			_, err := Select(s, tt.f)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSort(t *testing.T) {
	s := example(t)
	tests := []struct{ key, asOf, want string }{
		{"id", "2026-01-01", "AR-01 AR-02 TF-01 TF-02 TR-01 TR-02"},
		{"due", "2026-01-01", "AR-01 TF-01 TR-01 AR-02 TF-02 TR-02"},
		{"status", "2026-01-01", "AR-02 TF-01 AR-01 TF-02 TR-02 TR-01"},
		{"status", "2024-07-18", "AR-01 AR-02 TF-01 TF-02 TR-01 TR-02"},
		{"theme", "2026-01-01", "AR-01 AR-02 TR-01 TR-02 TF-01 TF-02"},
	}
	for _, tt := range tests {
		t.Run(tt.key+" "+tt.asOf, func(t *testing.T) {
			items := slices.Clone(s.Items)
			slices.Reverse(items)
			if err := Sort(s, items, tt.key, tt.asOf); err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(ids(items), " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
	if err := Sort(s, nil, "title", ""); err == nil || err.Error() != `unknown sort key "title": valid values are id, due, status, theme` {
		t.Errorf("got %v", err)
	}
}

func TestAdd(t *testing.T) {
	tests := []struct {
		date, dur string
		sign      int
		want      string
	}{
		{"2025-01-31", "1mo", 1, "2025-03-03"}, // Go normalises 31 February
		{"2025-01-01", "90d", 1, "2025-04-01"},
		{"2025-01-01", "2w", -1, "2024-12-18"},
		{"2024-02-29", "1y", 1, "2025-03-01"},
		{"2025-06-01", "6MO", -1, "2024-12-01"},
		{"2025-06-01", "0d", 1, "2025-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.date+tt.dur, func(t *testing.T) {
			got, err := Add(tt.date, tt.dur, tt.sign)
			if err != nil || got != tt.want {
				t.Errorf("Add(%s, %s, %d) = %q, %v; want %q", tt.date, tt.dur, tt.sign, got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"", "d", "6", "6 mo", "1.5y", "6m", "x1d"} {
		if _, _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) succeeded", bad)
		}
	}
}

func realData(t testing.TB) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../../data"), dataset.Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
