// Package timeline counts a dataset's items by status at the end of each
// month or quarter since launch: the line that answers "is it moving?".
// Every count is read from the progress logs exactly as `list --as-of` reads
// them (through [query.Status], so corrections apply), and every share of
// all declared items is the range [summary.Bounds] gives, so a timeline
// never disagrees with `summary` or `list` on the same day.
package timeline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/summary"
)

// Intervals are the values [Options].Interval accepts.
var Intervals = []string{"month", "quarter"}

// Groupings are the values [Options].By accepts besides "" (no split).
var Groupings = []string{"theme", "actor-type"}

// EvidenceLevels are the values [Options].Evidence accepts.
var EvidenceLevels = []string{"any", "stated"}

// Options says which days to count on and how to split the items.
type Options struct {
	// From is the first day (YYYY-MM-DD); "" means the strategy's
	// publication date.
	From string
	// To is the last day; "" means Today.
	To string
	// Today is the day the command runs on, the default for To.
	Today string
	// Interval is "month" (the default when "") or "quarter": a point is
	// counted at the end of each.
	Interval string
	// By splits the items into groups: "" for none, "theme" or
	// "actor-type". The overall series is always there.
	By string
	// Evidence is "" or "any": every dated entry counts; "stated": only
	// entries whose source itself ties the event to the item.
	Evidence string
}

// Timeline is a dataset counted at a series of days.
type Timeline struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Interval string `json:"interval"`
	By       string `json:"by,omitempty"`
	// Declared is how many items the strategy declares; Present how many
	// the dataset holds.
	Declared int      `json:"declared"`
	Present  int      `json:"present"`
	Statuses []string `json:"statuses"` // declared order, the order of every Point's Counts
	// Dates are the days counted: From, the end of every month or quarter
	// after it and before To, and To.
	Dates   []string `json:"dates"`
	Overall Series   `json:"overall"`
	Groups  []Series `json:"groups,omitempty"` // with By, in the metadata's order
	// Claims are published statements about the same measure (in progress
	// or complete), dated within the period, with what the dataset says on
	// their day.
	Claims []ClaimPoint `json:"claims"`
	// Figures are the other published facts dated within the period, as
	// text: they carry no number the tool can place on the line.
	Figures []dataset.Figure `json:"figures"`
	// Evidence is "any", or "stated" when only source-stated evidence was
	// counted.
	Evidence string `json:"evidence"`

	items  []*dataset.Item // the items counted, for their membership
	stated [][]string      // each item's status on stated evidence alone, by date; nil with Evidence "stated"
}

// Series is one group of items counted on every date.
type Series struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Total  int     `json:"total"` // items present in the group
	Points []Point `json:"points"`
}

// Point is a group's items counted on one day.
type Point struct {
	Date string `json:"date"`
	// Counts has one entry per declared status, in order.
	Counts []Count `json:"counts"`
	// NoStatus counts items whose log starts after Date.
	NoStatus int `json:"no_status"`
	// Moved is how many items are in progress or complete, of those present.
	Moved summary.Share `json:"moved"`
	// ReadAlone counts the moved items that moved only on our reading of
	// the evidence (link: read); absent when only stated evidence counts.
	ReadAlone *int `json:"read_alone,omitempty"`
	// Low and High bound the share of all declared items that moved,
	// counting each missing item first as not moved, then as moved. Only the
	// overall series has them: the strategy declares a total, not one per
	// group.
	Low  *summary.Share `json:"low,omitempty"`
	High *summary.Share `json:"high,omitempty"`
}

// Count is how many items had a status.
type Count struct {
	Status string `json:"status"`
	N      int    `json:"n"`
}

// N returns the point's count for status.
func (p Point) N(status string) int {
	for _, c := range p.Counts {
		if c.Status == status {
			return c.N
		}
	}
	return 0
}

// ClaimPoint is a published claim about the share in progress or complete,
// beside the range the dataset gives on its day.
type ClaimPoint struct {
	ID            string          `json:"id"`
	Text          string          `json:"text"`
	Date          string          `json:"date"`
	DatePrecision string          `json:"date_precision,omitempty"`
	Source        string          `json:"source"`
	Comparison    string          `json:"comparison"` // over, under, just-over, ...
	Threshold     float64         `json:"threshold"`  // a fraction: 0.5 is 50%
	Verdict       summary.Verdict `json:"verdict"`
	Moved         summary.Share   `json:"moved"` // among the items present
	Low           summary.Share   `json:"low"`   // of all declared
	High          summary.Share   `json:"high"`
	// Counts and NoStatus are all the items present counted on the claim's
	// day, as a [Point]'s are.
	Counts   []Count `json:"counts"`
	NoStatus int     `json:"no_status"`
}

// Compute counts s on every date opts asks for. Bad options are errors
// that name the valid values.
func Compute(s *dataset.Set, opts Options) (*Timeline, error) {
	if err := check(s, &opts); err != nil {
		return nil, err
	}
	dates, err := Dates(opts.From, opts.To, opts.Interval)
	if err != nil {
		return nil, err
	}
	evidence := "any"
	if opts.Evidence == "stated" {
		s, evidence = s.StatedOnly(), "stated"
	}
	t := &Timeline{
		From: opts.From, To: opts.To, Interval: opts.Interval, By: opts.By,
		Declared: s.Declared(), Present: len(s.Items),
		Statuses: query.StatusIDs(s), Dates: dates,
		Claims: []ClaimPoint{}, Figures: []dataset.Figure{},
		Evidence: evidence, items: s.Items,
	}
	// One status per item and date, read once and shared by every group;
	// and the status on stated evidence alone, to say what rests on our
	// reading.
	status := make([][]string, len(dates))
	if evidence == "any" {
		t.stated = make([][]string, len(dates))
	}
	for d, date := range dates {
		status[d] = make([]string, len(s.Items))
		if t.stated != nil {
			t.stated[d] = make([]string, len(s.Items))
		}
		for i, it := range s.Items {
			status[d][i] = query.Status(it, date)
			if t.stated != nil {
				t.stated[d][i], _ = it.StatedStatusOn(date)
			}
		}
	}
	all := make([]int, len(s.Items))
	for i := range all {
		all[i] = i
	}
	t.Overall = t.series("all", "All items present", all, status, true)
	for _, g := range groups(s, opts.By) {
		t.Groups = append(t.Groups, t.series(g.id, g.name, g.items, status, false))
	}
	if s.Strategy != nil {
		for _, c := range s.Strategy.Claims {
			if c.Date < t.From || c.Date > t.To || !sameMeasure(c) {
				continue
			}
			r := summary.Evaluate(s, c)
			on := make([]string, len(s.Items))
			for i, it := range s.Items {
				on[i] = query.Status(it, c.Date)
			}
			p := t.point(c.Date, all, on, nil, false)
			t.Claims = append(t.Claims, ClaimPoint{
				ID: c.ID, Text: c.Text, Date: c.Date, DatePrecision: c.DatePrecision, Source: c.Source,
				Comparison: c.Comparison, Threshold: c.Threshold, Verdict: r.Verdict,
				Moved: summary.Share{N: len(r.Matched), Of: r.Present}, Low: r.Low, High: r.High,
				Counts: p.Counts, NoStatus: p.NoStatus,
			})
		}
		for _, f := range s.Strategy.Figures {
			if f.Date >= t.From && f.Date <= t.To {
				t.Figures = append(t.Figures, f)
			}
		}
	}
	return t, nil
}

func check(s *dataset.Set, opts *Options) error {
	if opts.Interval == "" {
		opts.Interval = "month"
	}
	if !slices.Contains(Intervals, opts.Interval) {
		return fmt.Errorf("unknown interval %q: valid values are %s", opts.Interval, strings.Join(Intervals, ", "))
	}
	if opts.By == "none" {
		opts.By = ""
	}
	if opts.By != "" && !slices.Contains(Groupings, opts.By) {
		return fmt.Errorf("cannot split by %q: valid values are %s", opts.By, strings.Join(Groupings, ", "))
	}
	if opts.Evidence != "" && !slices.Contains(EvidenceLevels, opts.Evidence) {
		return fmt.Errorf("unknown evidence level %q: valid values are %s", opts.Evidence, strings.Join(EvidenceLevels, ", "))
	}
	if opts.From == "" && s.Strategy != nil {
		opts.From = s.Strategy.Published
	}
	if opts.From == "" {
		return fmt.Errorf("the strategy metadata gives no publication date: give a start date with --from")
	}
	if opts.To == "" {
		opts.To = opts.Today
	}
	if _, err := query.ParseDate(opts.From); err != nil {
		return fmt.Errorf("from date: %w", err)
	}
	if _, err := query.ParseDate(opts.To); err != nil {
		return fmt.Errorf("to date: %w", err)
	}
	if opts.To < opts.From {
		return fmt.Errorf("the period ends (%s) before it starts (%s): give a --to on or after --from", opts.To, opts.From)
	}
	return nil
}

// Dates returns from, the last day of every month (or quarter) that ends
// after from and before to, and to. Both ends must be YYYY-MM-DD with from
// on or before to.
func Dates(from, to, interval string) ([]string, error) {
	start, err := query.ParseDate(from)
	if err != nil {
		return nil, err
	}
	months := 1
	if interval == "quarter" {
		months = 3
	}
	out := []string{from}
	// The first period end on or after from: the end of from's month, or
	// of its quarter.
	first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	if months == 3 {
		first = first.AddDate(0, -int(first.Month()-1)%3, 0)
	}
	for m := first; ; m = m.AddDate(0, months, 0) {
		end := m.AddDate(0, months, -1).Format(time.DateOnly)
		if end >= to {
			break
		}
		if end > from {
			out = append(out, end)
		}
	}
	if to != from {
		out = append(out, to)
	}
	return out, nil
}

func (t *Timeline) series(id, name string, items []int, status [][]string, overall bool) Series {
	sr := Series{ID: id, Name: name, Total: len(items), Points: make([]Point, 0, len(t.Dates))}
	for d, date := range t.Dates {
		var stated []string
		if t.stated != nil {
			stated = t.stated[d]
		}
		sr.Points = append(sr.Points, t.point(date, items, status[d], stated, overall))
	}
	return sr
}

// point counts items (indexes into status, each item's status on date);
// stated, when not nil, holds their statuses on stated evidence alone, to
// count what rests on our reading; withRange adds the range over all
// declared items.
func (t *Timeline) point(date string, items []int, status, stated []string, withRange bool) Point {
	p := Point{Date: date, Counts: make([]Count, len(t.Statuses))}
	for i, st := range t.Statuses {
		p.Counts[i].Status = st
	}
	for _, i := range items {
		st := status[i]
		if k := slices.Index(t.Statuses, st); k >= 0 {
			p.Counts[k].N++
		} else if st == "" {
			p.NoStatus++
		}
	}
	moved := 0
	for _, st := range summary.Progressed {
		moved += p.N(st)
	}
	p.Moved = summary.Share{N: moved, Of: len(items)}
	if stated != nil {
		read := 0
		for _, i := range items {
			if slices.Contains(summary.Progressed, status[i]) && !slices.Contains(summary.Progressed, stated[i]) {
				read++
			}
		}
		p.ReadAlone = &read
	}
	if withRange {
		// An item that may not be among the declared ones bounds nothing,
		// as in every other figure.
		var tally summary.Tally
		for _, i := range items {
			tally.Add(t.items[i], slices.Contains(summary.Progressed, status[i]), true)
		}
		low, high := tally.Bounds(t.Declared)
		p.Low, p.High = &low, &high
	}
	return p
}

type group struct {
	id, name string
	items    []int
}

func groups(s *dataset.Set, by string) []group {
	var out []group
	add := func(id, name string, keep func(*dataset.Item) bool) {
		g := group{id: id, name: name}
		for i, it := range s.Items {
			if keep(it) {
				g.items = append(g.items, i)
			}
		}
		out = append(out, g)
	}
	switch by {
	case "theme":
		if s.Strategy != nil {
			for _, th := range s.Strategy.Themes {
				add(th.ID, th.Name, func(it *dataset.Item) bool { return it.Theme == th.ID })
			}
		}
	case "actor-type":
		for _, at := range dataset.ActorTypes {
			add(at, at, func(it *dataset.Item) bool { return it.ActorType == at })
			if at == dataset.ActorTypeUnknown && len(out[len(out)-1].items) == 0 {
				out = out[:len(out)-1]
			}
		}
	}
	return out
}

// sameMeasure reports whether a claim counts what the line draws: items in
// progress or complete.
func sameMeasure(c dataset.Claim) bool {
	if c.Measure != "status" || len(c.Statuses) != len(summary.Progressed) {
		return false
	}
	for _, st := range summary.Progressed {
		if !slices.Contains(c.Statuses, st) {
			return false
		}
	}
	return true
}
