package timeline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/summary"
)

func load(t testing.TB, dir string) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS(dir), dataset.Options{Display: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDates(t *testing.T) {
	tests := []struct {
		from, to, interval string
		want               string
	}{
		{"2024-07-18", "2024-10-05", "month", "2024-07-18 2024-07-31 2024-08-31 2024-09-30 2024-10-05"},
		// a period end that is also the last day is listed once
		{"2024-07-18", "2024-09-30", "month", "2024-07-18 2024-07-31 2024-08-31 2024-09-30"},
		{"2024-07-31", "2024-08-31", "month", "2024-07-31 2024-08-31"},
		{"2024-07-18", "2024-07-18", "month", "2024-07-18"},
		{"2024-02-10", "2024-03-31", "month", "2024-02-10 2024-02-29 2024-03-31"},
		{"2024-07-18", "2025-06-19", "quarter", "2024-07-18 2024-09-30 2024-12-31 2025-03-31 2025-06-19"},
		{"2024-01-01", "2024-04-01", "quarter", "2024-01-01 2024-03-31 2024-04-01"},
		{"2024-12-31", "2025-01-15", "quarter", "2024-12-31 2025-01-15"},
	}
	for _, tt := range tests {
		got, err := Dates(tt.from, tt.to, tt.interval)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Dates(%s, %s, %s) = %v, want %s", tt.from, tt.to, tt.interval, got, tt.want)
		}
	}
}

func TestComputeExamplePartial(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	tl, err := Compute(s, Options{Today: "2025-10-15", Interval: "quarter", By: "theme"})
	if err != nil {
		t.Fatal(err)
	}
	if tl.From != "2024-07-18" || tl.To != "2025-10-15" || tl.Declared != 8 || tl.Present != 6 {
		t.Fatalf("header = %+v", tl)
	}
	want := []string{"2024-07-18", "2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-10-15"}
	if !slices.Equal(tl.Dates, want) {
		t.Fatalf("dates = %v, want %v", tl.Dates, want)
	}
	// The fixture's logs: TR-01 in progress 2024-10-01 and complete
	// 2025-05-01, TF-02 in progress 2024-12-01, AR-01 2025-03-01, TR-02
	// 2025-09-01.
	moved := []int{0, 0, 2, 3, 3, 4, 4}
	complete := []int{0, 0, 0, 0, 1, 1, 1}
	for i, p := range tl.Overall.Points {
		if p.Moved.N != moved[i] || p.Moved.Of != 6 || p.N(query.Complete) != complete[i] {
			t.Errorf("%s: moved %v, complete %d; want %d of 6, %d", p.Date, p.Moved, p.N(query.Complete), moved[i], complete[i])
		}
		if p.Low == nil || *p.Low != (summary.Share{N: moved[i], Of: 8}) || *p.High != (summary.Share{N: moved[i] + 2, Of: 8}) {
			t.Errorf("%s: range %v to %v", p.Date, p.Low, p.High)
		}
	}
	if len(tl.Groups) != 3 || tl.Groups[1].ID != "train" || tl.Groups[1].Total != 2 {
		t.Fatalf("groups = %+v", tl.Groups)
	}
	if last := tl.Groups[1].Points[len(want)-1]; last.N("in-progress") != 1 || last.N(query.Complete) != 1 || last.Low != nil {
		t.Errorf("train on the last day = %+v", last)
	}
	// Only the claim about the share in progress or complete is on the line.
	if len(tl.Claims) != 1 || tl.Claims[0].ID != "example-progress" {
		t.Fatalf("claims = %+v", tl.Claims)
	}
	c := tl.Claims[0]
	if c.Moved != (summary.Share{N: 3, Of: 6}) || c.Low != (summary.Share{N: 3, Of: 8}) || c.High != (summary.Share{N: 5, Of: 8}) || c.Verdict != summary.Undecided {
		t.Errorf("claim = %+v", c)
	}
}

func TestComputeRejectsBadOptions(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	for _, tt := range []struct {
		opts Options
		want string
	}{
		{Options{Today: "2025-01-01", Interval: "week"}, "valid values are month, quarter"},
		{Options{Today: "2025-01-01", By: "lead"}, "valid values are theme, actor-type"},
		{Options{Today: "2025-01-01", Evidence: "read"}, "unknown evidence level"},
		{Options{Today: "2025-01-01", From: "2025-13-01"}, "from date"},
		{Options{Today: "2025-01-01", To: "soon"}, "to date"},
		{Options{Today: "2024-01-01"}, "before it starts"},
	} {
		_, err := Compute(s, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compute(%+v) = %v, want an error containing %q", tt.opts, err, tt.want)
		}
	}
}

// agrees checks the property the timeline promises: on every date, each
// status's count is what `list --as-of DATE --status S` selects, and the
// groups add up to the whole.
func agrees(t *testing.T, s *dataset.Set, tl *Timeline) {
	t.Helper()
	for d, date := range tl.Dates {
		p := tl.Overall.Points[d]
		for _, st := range tl.Statuses {
			got, err := query.Select(s, query.Filter{AsOf: date, Statuses: []string{st}})
			if err != nil {
				t.Fatal(err)
			}
			if p.N(st) != len(got) {
				t.Fatalf("%s: %d %s, list --as-of selects %d", date, p.N(st), st, len(got))
			}
		}
		sum := summary.Compute(s, date)
		for _, c := range sum.Overall.Counts {
			if p.N(c.Status) != c.N {
				t.Fatalf("%s: %d %s, summary counts %d", date, p.N(c.Status), c.Status, c.N)
			}
		}
		total := p.NoStatus
		for _, c := range p.Counts {
			total += c.N
		}
		if total != tl.Present {
			t.Fatalf("%s: counts add to %d of %d items", date, total, tl.Present)
		}
		for _, st := range tl.Statuses {
			n := 0
			for _, g := range tl.Groups {
				n += g.Points[d].N(st)
			}
			if len(tl.Groups) > 0 && n != p.N(st) {
				t.Fatalf("%s: groups count %d %s, overall %d", date, n, st, p.N(st))
			}
		}
	}
}

func monthEnds(t *testing.T, tl *Timeline) {
	t.Helper()
	for _, d := range tl.Dates[1 : len(tl.Dates)-1] {
		day, _ := time.Parse(time.DateOnly, d)
		if day.AddDate(0, 0, 1).Day() != 1 {
			t.Fatalf("%s is not a month end", d)
		}
	}
}

func TestAgreesWithListOnRealData(t *testing.T) {
	s := load(t, "../../data")
	for _, by := range []string{"theme", "actor-type"} {
		tl, err := Compute(s, Options{Today: "2026-11-27", By: by})
		if err != nil {
			t.Fatal(err)
		}
		monthEnds(t, tl)
		agrees(t, s, tl)
	}
}

// TestAgreesWithListOnGeneratedData gives the real dataset's items random
// progress logs (any status, some starting after launch, some entries
// recorded late out of date order, some corrected later) and checks the
// property on each.
func TestAgreesWithListOnGeneratedData(t *testing.T) {
	base := load(t, "../../data")
	statuses := query.StatusIDs(base)
	launch, _ := time.Parse(time.DateOnly, base.Strategy.Published)
	// naive reads a log as if it were in date order without corrections: a
	// timeline that did so must fail this test, so the data must tell the
	// two apart somewhere.
	naive := func(it *dataset.Item, date string) string {
		st := ""
		for _, e := range it.Progress {
			if e.Date > date {
				break
			}
			st = e.Status
		}
		return st
	}
	differs := 0
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 14))
		s := *base
		s.Items = nil
		for _, it := range base.Items {
			c := *it
			c.Progress = nil
			day := launch.AddDate(0, 0, r.IntN(40)-10)
			for range r.IntN(6) {
				c.Progress = append(c.Progress, dataset.Entry{Date: day.Format(time.DateOnly), Status: statuses[r.IntN(len(statuses))]})
				day = day.AddDate(0, 0, r.IntN(200))
			}
			if n := len(c.Progress); n > 1 && r.IntN(4) == 0 {
				// an event found late: appended after a later one
				late := c.Progress[n-2]
				late.Date = day.AddDate(0, 0, -r.IntN(300)).Format(time.DateOnly)
				c.Progress = append(c.Progress, late)
			}
			if n := len(c.Progress); n > 0 && r.IntN(3) == 0 {
				wrong := c.Progress[r.IntN(n)]
				c.Progress = append(c.Progress, dataset.Entry{Date: day.Format(time.DateOnly), Status: statuses[r.IntN(len(statuses))],
					Correction: &dataset.Correction{Corrects: wrong.Date, Reason: "generated"}})
			}
			s.Items = append(s.Items, &c)
		}
		for _, it := range s.Items {
			if naive(it, "2027-03-15") != query.Status(it, "2027-03-15") {
				differs++
			}
		}
		by := []string{"", "theme", "actor-type"}[seed%3]
		tl, err := Compute(&s, Options{Today: "2027-03-15", By: by})
		if err != nil {
			t.Fatal(err)
		}
		monthEnds(t, tl)
		agrees(t, &s, tl)
	}
	if differs == 0 {
		t.Fatal("no generated log has a correction or late entry that changes a status")
	}
	t.Logf("%d generated items read differently once corrections and late entries apply", differs)
}

func BenchmarkCompute(b *testing.B) {
	base := load(b, "../../data")
	for _, n := range []int{1000, 10000} {
		s := *base
		s.Items = nil
		for i := range n {
			c := *base.Items[i%len(base.Items)]
			c.ID = fmt.Sprintf("%s-%05d", c.ID[:2], i)
			s.Items = append(s.Items, &c)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Compute(&s, Options{Today: "2026-11-27", By: "theme"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The range on the line is the range summary prints for the same day: with
// drafted items and on stated evidence alone too.
func TestRangeAgreesWithSummary(t *testing.T) {
	s := load(t, "../../data")
	const day = "2025-06-19"
	for _, evidence := range []string{"any", "stated"} {
		tl, err := Compute(s, Options{To: day, Today: day, Evidence: evidence})
		if err != nil {
			t.Fatal(err)
		}
		set := s
		if evidence == "stated" {
			set = s.StatedOnly()
		}
		h := summary.Compute(set, day).Headline(summary.HeadlineProgressed)
		last := tl.Overall.Points[len(tl.Overall.Points)-1]
		if (last.ReadAlone == nil) != (h.ReadAlone == nil) || (h.ReadAlone != nil && *last.ReadAlone != *h.ReadAlone) {
			t.Errorf("%s: read alone %v, summary %v", evidence, last.ReadAlone, h.ReadAlone)
		}
		if last.Moved.N != h.Share.N || *last.Low != h.Low || *last.High != h.High || tl.Evidence != evidence {
			t.Errorf("%s: timeline %v %v-%v, summary %v %v-%v", evidence, last.Moved, *last.Low, *last.High, h.Share, h.Low, h.High)
		}
	}
}
