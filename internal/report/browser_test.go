package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/browsertest"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/summary"
)

// browserFilter is one setting of the page's filters.
type browserFilter struct {
	Theme  string `json:"theme,omitempty"`
	Status string `json:"status,omitempty"`
	Actor  string `json:"actor,omitempty"`
}

// browserResult is what testdata/browser_check.cjs saw on the page.
type browserResult struct {
	Console  []string `json:"console"`
	Requests []string `json:"requests"`
	Dialogs  []string `json:"dialogs"`
	Title    string   `json:"title"`
	H1       string   `json:"h1"`
	Headings []string `json:"headings"`

	Headlines []string `json:"headlines"`
	Glance    []string `json:"glance"`
	Coverage  string   `json:"coverage"`
	Links     []string `json:"links"`
	Scripts   int      `json:"scripts"`
	Bars      []struct {
		Section  string `json:"section"`
		Group    string `json:"group"`
		Name     string `json:"name"`
		Total    int    `json:"total"`
		Text     string `json:"text"`
		Segments []struct {
			Status   string  `json:"status"`
			N        int     `json:"n"`
			Fraction float64 `json:"fraction"`
		} `json:"segments"`
		TrackPx float64 `json:"trackPx"`
	} `json:"bars"`
	FormVisible     bool     `json:"formVisible"`
	Count           string   `json:"count"`
	Rows            int      `json:"rows"`
	TabOrder        []string `json:"tabOrder"`
	KeyboardStatus  string   `json:"keyboardStatus"`
	KeyboardVisible int      `json:"keyboardVisible"`
	Layout          []struct {
		Width       int      `json:"width"`
		ScrollWidth int      `json:"scrollWidth"`
		ClientWidth int      `json:"clientWidth"`
		Spill       []string `json:"spill"`
		BarsOff     int      `json:"barsOff"`
	} `json:"layout"`
	Axe     []string `json:"axe"`
	Filters []struct {
		Want    browserFilter `json:"want"`
		Visible []string      `json:"visible"`
		Count   string        `json:"count"`
		NoMatch bool          `json:"noMatch"`
	} `json:"filters"`
}

func runBrowser(t *testing.T, tools browsertest.Tools, page, screenshot string, filters []browserFilter) *browserResult {
	t.Helper()
	args := []string{page}
	if screenshot != "" {
		args = append(args, screenshot)
	}
	var res browserResult
	tools.Run(t, 3*time.Minute, "testdata/browser_check.cjs", filters, &res, args...)
	return &res
}

// TestReportInBrowser opens the report on the real dataset in headless
// Chromium with no network and checks the page against the figures Go
// computes: headline text, each bar's drawn width, the filters (by mouse and
// keyboard), and a clean console.
func TestReportInBrowser(t *testing.T) {
	tools := browsertest.Find(t)
	s := load(t, "../../data")
	asOf := "2026-11-27" // a fixed day: the page and the figures it is checked against agree on any day
	dir := browsertest.Artifacts(t)
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(renderHTML(t, s, asOf)), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := summary.Compute(s, asOf)

	// Every theme and status alone, the actors, and combinations including
	// one that matches nothing.
	var filters []browserFilter
	for _, th := range query.ThemeIDs(s) {
		filters = append(filters, browserFilter{Theme: th})
	}
	for _, st := range query.StatusIDs(s) {
		filters = append(filters, browserFilter{Status: st})
	}
	_, _, actors := filterOptions(s, StatusNames(s))
	for _, a := range actors {
		filters = append(filters, browserFilter{Actor: a.Value})
	}
	filters = append(filters,
		browserFilter{Theme: "train", Status: "in-progress"},
		browserFilter{Theme: "transform", Status: "complete", Actor: actors[0].Value},
	)
	shot := filepath.Join(dir, "report.png")
	res := runBrowser(t, tools, page, shot, filters)
	t.Logf("report: %s\nscreenshots: %s and %s", page, shot, strings.TrimSuffix(shot, ".png")+"-top.png")

	if len(res.Console) > 0 {
		t.Errorf("console errors or warnings: %q", res.Console)
	}
	if len(res.Requests) > 0 {
		t.Errorf("the page tried to fetch: %q", res.Requests)
	}
	if len(res.Dialogs) > 0 {
		t.Errorf("the page opened dialogs: %q", res.Dialogs)
	}
	if !strings.HasPrefix(res.H1, s.Strategy.Title) {
		t.Errorf("h1 = %q", res.H1)
	}
	wantHeadings := []string{"H1 " + res.H1, "H2 Headlines", "H2 Progress over time", "H2 Progress by theme", "H2 Progress by actor type", "H2 Progress by lead actor", "H2 What changed in the last 90 days", "H2 All items"}
	if !slices.Equal(res.Headings, wantHeadings) {
		t.Errorf("headings = %q, want %q", res.Headings, wantHeadings)
	}
	var wantHeadlines []string
	for _, h := range sum.Headlines {
		wantHeadlines = append(wantHeadlines, h.Text+".")
	}
	if !slices.Equal(res.Headlines, wantHeadlines) {
		t.Errorf("headlines = %q, want %q", res.Headlines, wantHeadlines)
	}
	if want := fmt.Sprintf("%d of %d declared items are tracked in this dataset", sum.Present, sum.Declared); len(res.Glance) == 0 || res.Glance[0] != want {
		t.Errorf("first figure = %q, want %q", res.Glance, want)
	}
	if want := sum.Coverage() + " " + sum.Data.Sentence(); res.Coverage != want {
		t.Errorf("coverage = %q, want %q", res.Coverage, want)
	}
	if sum.Partial() && !strings.Contains(res.Coverage, "are ranges") {
		t.Errorf("coverage does not say the figures are ranges: %q", res.Coverage)
	}

	checkBars(t, res, sum)
	checkLayout(t, res)

	if !res.FormVisible || res.Rows != len(s.Items) || res.Count != fmt.Sprintf("Showing all %d items.", len(s.Items)) {
		t.Errorf("filters visible %v, %d rows, count %q", res.FormVisible, res.Rows, res.Count)
	}
	if want := []string{"filter-theme", "filter-status", "filter-actor", "BUTTON"}; !slices.Equal(res.TabOrder, want) {
		t.Errorf("Tab reaches %q, want %q", res.TabOrder, want)
	}
	statuses := query.StatusIDs(s)
	if res.KeyboardStatus != statuses[0] || res.KeyboardVisible != len(selectIDs(t, s, browserFilter{Status: statuses[0]}, asOf)) {
		t.Errorf("ArrowDown on the status filter chose %q and showed %d rows", res.KeyboardStatus, res.KeyboardVisible)
	}
	if len(res.Filters) != len(filters) {
		t.Fatalf("%d filter results for %d settings", len(res.Filters), len(filters))
	}
	sawNone := false
	for _, f := range res.Filters {
		want := selectIDs(t, s, f.Want, asOf)
		if !slices.Equal(f.Visible, want) {
			t.Errorf("filter %+v shows %q, want %q", f.Want, f.Visible, want)
		}
		if wantCount := fmt.Sprintf("Showing %d of %d items.", len(want), len(s.Items)); f.Count != wantCount {
			t.Errorf("filter %+v says %q, want %q", f.Want, f.Count, wantCount)
		}
		if f.NoMatch != (len(want) == 0) {
			t.Errorf("filter %+v: no-match message shown %v with %d matches", f.Want, f.NoMatch, len(want))
		}
		sawNone = sawNone || len(want) == 0
	}
	if !sawNone {
		t.Log("no filter setting matched nothing; the no-match message went untested")
	}
}

// checkLayout: at 390, 768 and 1280 px the page itself never scrolls
// sideways, nothing outside a .scroll box spills past the screen, every
// chart's bar starts on screen, and axe-core finds no WCAG 2.1 A or AA
// violation.
func checkLayout(t *testing.T, res *browserResult) {
	t.Helper()
	if len(res.Layout) != 3 {
		t.Fatalf("layout checked at %d widths, want 3", len(res.Layout))
	}
	for _, l := range res.Layout {
		if l.ScrollWidth > l.ClientWidth || len(l.Spill) > 0 {
			t.Errorf("at %d px the page is %d px wide (screen %d): spilling %q", l.Width, l.ScrollWidth, l.ClientWidth, l.Spill)
		}
		if l.BarsOff > 0 {
			t.Errorf("at %d px %d chart bars start off screen", l.Width, l.BarsOff)
		}
	}
	if len(res.Axe) > 0 {
		t.Errorf("axe-core found WCAG violations:\n%s", strings.Join(res.Axe, "\n"))
	}
}

// checkBars compares each drawn bar with its group's counts: a segment's
// width is its count over the group's total, to within a pixel.
func checkBars(t *testing.T, res *browserResult, sum *summary.Summary) {
	t.Helper()
	groups := map[string][]summary.Group{"theme": sum.Themes, "actor-type": sum.ActorTypes, "lead": sum.Leads}
	seen := map[string]int{}
	for _, b := range res.Bars {
		gs := groups[b.Section]
		i := seen[b.Section]
		seen[b.Section]++
		if i >= len(gs) {
			t.Errorf("%s: extra bar %q", b.Section, b.Name)
			continue
		}
		g := gs[i]
		if b.Group != g.ID || b.Total != g.Total {
			t.Errorf("%s bar %d is %s of %d, want %s of %d", b.Section, i, b.Group, b.Total, g.ID, g.Total)
		}
		progressed := 0
		for _, sg := range b.Segments {
			n := g.Count(sg.Status)
			progressed += n
			want := summary.Share{N: n, Of: g.Total}.Fraction()
			if sg.N != n || math.Abs(sg.Fraction-want)*b.TrackPx > 1 {
				t.Errorf("%s/%s %s: drawn %d at %.4f of the track, want %d at %.4f", b.Section, g.ID, sg.Status, sg.N, sg.Fraction, n, want)
			}
		}
		share := summary.Share{N: progressed, Of: g.Total}
		if want := fmt.Sprintf("%d of %d (%d%%)", progressed, g.Total, share.Percent()); b.Text != want {
			t.Errorf("%s/%s says %q, want %q", b.Section, g.ID, b.Text, want)
		}
	}
	for sec, gs := range groups {
		if seen[sec] != len(gs) {
			t.Errorf("%s: %d bars drawn for %d groups", sec, seen[sec], len(gs))
		}
	}
}

func selectIDs(t *testing.T, s *dataset.Set, f browserFilter, asOf string) []string {
	t.Helper()
	q := query.Filter{AsOf: asOf}
	if f.Theme != "" {
		q.Themes = []string{f.Theme}
	}
	if f.Status != "" {
		q.Statuses = []string{f.Status}
	}
	if f.Actor != "" {
		q.Actors = []string{f.Actor}
	}
	items, err := query.Select(s, q)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

// TestHostileReportInBrowser opens the hostile example's report: nothing in
// the data runs (no dialog, no console error), nothing is fetched, and every
// Link is http(s).
func TestHostileReportInBrowser(t *testing.T) {
	tools := browsertest.Find(t)
	s := load(t, "../../testdata/hostile-example")
	dir := t.TempDir()
	page := filepath.Join(dir, "hostile.html")
	if err := os.WriteFile(page, []byte(renderHTML(t, s, "2025-06-01")), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runBrowser(t, tools, page, "", []browserFilter{{Actor: "example-skills"}})
	if len(res.Console) > 0 || len(res.Dialogs) > 0 || len(res.Requests) > 0 {
		t.Errorf("console %q, dialogs %q, requests %q", res.Console, res.Dialogs, res.Requests)
	}
	if res.Scripts != 1 {
		t.Errorf("%d script elements, want the page's own one", res.Scripts)
	}
	for _, l := range res.Links {
		if !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
			t.Errorf("link %q", l)
		}
	}
	if !strings.HasPrefix(res.H1, "Example <script>alert('title')</script> strategy") {
		t.Errorf("h1 = %q: the title's markup should show as text", res.H1)
	}
	if got := res.Filters[0].Visible; !slices.Equal(got, []string{"AR-01", "TR-01"}) {
		t.Errorf("actor filter shows %q", got)
	}
}
