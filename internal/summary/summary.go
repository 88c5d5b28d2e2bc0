// Package summary counts a dataset's items by status, overall and by theme,
// actor type and lead actor, as of a date, and says what the counts mean in
// plain English. It never pretends a partial dataset is the whole strategy:
// when fewer items are present than the strategy declares, every share
// that matters comes with the range the true figure must lie in.
package summary

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
)

// Share is N items out of Of.
type Share struct {
	N  int `json:"n"`
	Of int `json:"of"`
}

// Percent returns the share as a whole percentage, rounded half up; 0 when
// Of is 0.
func (s Share) Percent() int {
	if s.Of <= 0 {
		return 0
	}
	return int(math.Floor(float64(s.N)*100/float64(s.Of) + 0.5))
}

// PercentFloor and PercentCeil round down and up: the low and high ends of
// a range the true figure must lie in are rounded outwards, so that the
// printed range never leaves out a possible value (10 of 56 is 17.9%: the
// range starts at 17%, not 18%).
func (s Share) PercentFloor() int {
	if s.Of <= 0 {
		return 0
	}
	return s.N * 100 / s.Of
}

// PercentCeil: see [Share.PercentFloor].
func (s Share) PercentCeil() int {
	if s.Of <= 0 {
		return 0
	}
	return (s.N*100 + s.Of - 1) / s.Of
}

// Fraction returns N/Of, or 0 when Of is 0.
func (s Share) Fraction() float64 {
	if s.Of <= 0 {
		return 0
	}
	return float64(s.N) / float64(s.Of)
}

// String renders "30 of 56, 54%".
func (s Share) String() string { return fmt.Sprintf("%d of %d, %d%%", s.N, s.Of, s.Percent()) }

// StatusCount is how many of a group's items had a status.
type StatusCount struct {
	Status  string `json:"status"`
	N       int    `json:"n"`
	Percent int    `json:"percent"` // of the group's total
}

// Group is a set of items counted by status.
type Group struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Total  int           `json:"total"`
	Counts []StatusCount `json:"counts"` // in declared status order
}

// Count returns the group's number of items with status.
func (g Group) Count(status string) int {
	for _, c := range g.Counts {
		if c.Status == status {
			return c.N
		}
	}
	return 0
}

// Headline is one plain-English sentence with the figures behind it.
type Headline struct {
	ID    string `json:"id"` // one of the Headline* constants
	Text  string `json:"text"`
	Share Share  `json:"share"` // among the items present (and, for actor types, of known type)
	// ReadAlone counts the items of Share.N that match only on our reading
	// of the evidence (link: read); nil where evidence does not decide.
	ReadAlone *int `json:"read_alone,omitempty"`
	// Unconfirmed counts the items present that may not be among the
	// declared ones, and UnconfirmedN those of them Share.N counts: they
	// bound nothing, like missing items.
	Unconfirmed  int `json:"unconfirmed"`
	UnconfirmedN int `json:"unconfirmed_matched"`
	// Low and High bound the share of all declared items; equal when the
	// dataset is complete.
	Low  Share `json:"low"`
	High Share `json:"high"`
}

// Headline ids, in the order Compute writes them.
const (
	HeadlineProgressed     = "progressed"
	HeadlineComplete       = "complete"
	HeadlineGovernment     = "government-action"
	HeadlineGovernmentOnly = "government-only"
)

// Summary is a dataset counted as of a date.
type Summary struct {
	AsOf string `json:"as_of"`
	// Evidence is "any", or "stated" when only evidence the sources
	// themselves tie to the items was counted.
	Evidence string `json:"evidence"`
	Data     Age    `json:"data"`
	Declared int    `json:"declared"`
	Present  int    `json:"present"`
	// Unconfirmed counts the items present that may not be among the
	// declared ones (membership: drafted).
	Unconfirmed int        `json:"unconfirmed"`
	Statuses    []string   `json:"statuses"`
	Overall     Group      `json:"overall"`
	Themes      []Group    `json:"themes"`
	ActorTypes  []Group    `json:"actor_types"`
	Leads       []Group    `json:"leads"`
	Headlines   []Headline `json:"headlines"`
}

// Headline returns the headline with the given id, or a zero one.
func (s *Summary) Headline(id string) Headline {
	for _, h := range s.Headlines {
		if h.ID == id {
			return h
		}
	}
	return Headline{}
}

// Partial reports whether figures for all declared items are ranges: some
// are missing, or some present may not be among them.
func (s *Summary) Partial() bool { return s.Present-s.Unconfirmed < s.Declared }

// Coverage says in words how much of the strategy the dataset holds.
func (s *Summary) Coverage() string {
	confirmed := s.Present - s.Unconfirmed
	var b strings.Builder
	if s.Unconfirmed == 0 {
		fmt.Fprintf(&b, "The dataset holds %d of the %d declared items (%d%%).", s.Present, s.Declared, Share{s.Present, s.Declared}.Percent())
	} else {
		fmt.Fprintf(&b, "The dataset holds %d items: %d of the %d declared items (%d%%), and %d more that may not be among them (known only from material on draft recommendations).",
			s.Present, confirmed, s.Declared, Share{confirmed, s.Declared}.Percent(), s.Unconfirmed)
	}
	if s.Partial() {
		fmt.Fprintf(&b, " Figures for all %d are ranges: each missing item may or may not match.", s.Declared)
	}
	return b.String()
}

// Progressed are the statuses counted as "in progress or complete".
var Progressed = []string{"in-progress", query.Complete}

// GovernmentAction are the actor types that need some government action.
var GovernmentAction = []string{dataset.GovernmentOnly, dataset.GovernmentWithSector}

// NoLead names the group of items whose sources name no lead.
const NoLead = "(no lead named)"

// Compute counts the items of s by status as they stood on asOf (YYYY-MM-DD).
// A set narrowed by [dataset.Set.StatedOnly] is counted on stated evidence
// alone, and says so.
func Compute(s *dataset.Set, asOf string) *Summary {
	statuses := query.StatusIDs(s)
	sum := &Summary{AsOf: asOf, Evidence: "any", Data: DataAge(s, asOf), Declared: s.Declared(), Present: len(s.Items), Statuses: statuses}
	if s.Stated {
		sum.Evidence = "stated"
	}
	for _, it := range s.Items {
		if !it.Confirmed() {
			sum.Unconfirmed++
		}
	}
	status := make(map[*dataset.Item]string, len(s.Items))
	for _, it := range s.Items {
		status[it] = query.Status(it, asOf)
	}
	group := func(id, name string, keep func(*dataset.Item) bool) Group {
		g := Group{ID: id, Name: name}
		n := make(map[string]int, len(statuses))
		for _, it := range s.Items {
			if keep(it) {
				g.Total++
				n[status[it]]++
			}
		}
		for _, st := range statuses {
			g.Counts = append(g.Counts, StatusCount{Status: st, N: n[st], Percent: Share{n[st], g.Total}.Percent()})
		}
		return g
	}
	sum.Overall = group("all", "All items present", func(*dataset.Item) bool { return true })
	if s.Strategy != nil {
		for _, t := range s.Strategy.Themes {
			sum.Themes = append(sum.Themes, group(t.ID, t.Name, func(it *dataset.Item) bool { return it.Theme == t.ID }))
		}
	}
	for _, at := range dataset.ActorTypes {
		g := group(at, at, func(it *dataset.Item) bool { return it.ActorType == at })
		if g.Total > 0 || at != dataset.ActorTypeUnknown {
			sum.ActorTypes = append(sum.ActorTypes, g)
		}
	}
	sum.Leads = leads(s, group)
	sum.Headlines = headlines(s, sum, status)
	return sum
}

func leads(s *dataset.Set, group func(string, string, func(*dataset.Item) bool) Group) []Group {
	seen := map[string]bool{}
	var ids []string
	none := false
	for _, it := range s.Items {
		if len(it.Actors.Lead) == 0 {
			none = true
		}
		for _, id := range it.Actors.Lead {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	var out []Group
	for _, id := range ids {
		name := id
		if a := s.Actor(id); a != nil && a.Short != "" {
			name = a.Short
		}
		out = append(out, group(id, name, func(it *dataset.Item) bool { return slices.Contains(it.Actors.Lead, id) }))
	}
	if none {
		out = append(out, group("", NoLead, func(it *dataset.Item) bool { return len(it.Actors.Lead) == 0 }))
	}
	slices.SortStableFunc(out, func(a, b Group) int { return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.ID, b.ID)) })
	return out
}

func headlines(s *dataset.Set, sum *Summary, status map[*dataset.Item]string) []Headline {
	// What the status would be on stated evidence alone: a set already
	// narrowed to it has nothing to set apart.
	stated := func(it *dataset.Item) string { return status[it] }
	if !s.Stated {
		stated = func(it *dataset.Item) string { st, _ := it.StatedStatusOn(sum.AsOf); return st }
	}
	byStatus := func(id, predicate string, want ...string) Headline {
		var t Tally
		read := 0
		for _, it := range s.Items {
			m := slices.Contains(want, status[it])
			t.Add(it, m, true)
			if m && !slices.Contains(want, stated(it)) {
				read++
			}
		}
		h := t.Describe(sum.Declared, predicate)
		h.ID = id
		if !s.Stated {
			h.ReadAlone = &read
		}
		return h
	}
	byActors := func(id, predicate string, want ...string) Headline {
		var t Tally
		for _, it := range s.Items {
			t.Add(it, slices.Contains(want, it.ActorType), it.ActorType != dataset.ActorTypeUnknown)
		}
		h := t.Describe(sum.Declared, predicate)
		h.ID = id
		return h
	}
	out := []Headline{
		byStatus(HeadlineProgressed, "are in progress or complete", Progressed...),
		byStatus(HeadlineComplete, "are complete", query.Complete),
		byActors(HeadlineGovernment, "need some government action", GovernmentAction...),
		byActors(HeadlineGovernmentOnly, "can only be done by government", dataset.GovernmentOnly),
	}
	for i := range out {
		if r := out[i].ReadAlone; r != nil && out[i].Share.N > 0 {
			out[i].Text = insertReadAlone(out[i].Text, *r, out[i].Share.N)
		}
	}
	return out
}

// insertReadAlone adds to a headline how many of the items it counts rest on
// our reading alone, right after the count.
func insertReadAlone(text string, read, n int) string {
	what := readAloneWords(read, n)
	if i := strings.Index(text, ", so between"); i >= 0 {
		return text[:i] + " (" + what + ")" + text[i:]
	}
	return text + " (" + what + ")"
}

// readAloneWords says how many of n counted items rest on our reading alone.
func readAloneWords(read, n int) string {
	switch {
	case read == 0:
		return "none of them on our reading alone"
	case read == n && n == 1:
		return "on our reading alone"
	case read == n:
		return "all of them on our reading alone"
	}
	return fmt.Sprintf("%d of them on our reading alone", read)
}

// Tally counts the items present against a predicate, keeping apart those
// that cannot be classified and those that may not be among the declared
// items at all: both widen a range instead of narrowing it.
type Tally struct {
	Present, N int
	// Undetermined counts confirmed items the predicate cannot classify,
	// Unknown every such item.
	Undetermined, Unknown int
	// Unconfirmed counts items that may not be among the declared ones;
	// UnconfirmedN those of them that match.
	Unconfirmed, UnconfirmedN int
}

// Add counts one item: whether it matches, and whether that can be known.
func (t *Tally) Add(it *dataset.Item, matches, determined bool) {
	t.Present++
	if matches && determined {
		t.N++
	}
	if !determined {
		t.Unknown++
	}
	switch {
	case !it.Confirmed():
		t.Unconfirmed++
		if matches && determined {
			t.UnconfirmedN++
		}
	case !determined:
		t.Undetermined++
	}
}

// Bounds is the range the share of all declared items must lie in: an
// unconfirmed item counts as a missing one, which may or may not match.
func (t Tally) Bounds(declared int) (low, high Share) {
	return Bounds(t.N-t.UnconfirmedN, t.Undetermined, t.Present-t.Unconfirmed, declared)
}

// Describe writes the tally's headline; see [Describe].
func (t Tally) Describe(declared int, predicate string) Headline {
	low, high := t.Bounds(declared)
	h := describe(t.N, t.Present-t.Unknown, t.Unknown, low, high, predicate)
	h.Unconfirmed, h.UnconfirmedN = t.Unconfirmed, t.UnconfirmedN
	if t.UnconfirmedN > 0 {
		h.Text += fmt.Sprintf(" (%d of the %d may not be one of the declared items, so the range counts %s as missing)",
			t.UnconfirmedN, t.N, prose.Plural(t.UnconfirmedN, "it", "them"))
	}
	return h
}

// Bounds returns the lowest and highest share of declared items a count can
// stand for: n items matched among those present, and undetermined more
// (present but unclassifiable) plus every missing item might match too.
func Bounds(n, undetermined, present, declared int) (low, high Share) {
	if declared < present {
		declared = present
	}
	return Share{n, declared}, Share{n + undetermined + declared - present, declared}
}

// Describe writes a headline: with every declared item present and
// classified, "Over half (30 of 56, 54%) are in progress or complete";
// otherwise "Over half of the items present (25 of 45, 56%) are in progress
// or complete, so between 45% and 64% of the 56". undetermined counts present items that cannot be
// classified (an unknown actor type); they widen the range like missing ones.
func Describe(n, undetermined, present, declared int, predicate string) Headline {
	low, high := Bounds(n, undetermined, present, declared)
	return describe(n, present-undetermined, undetermined, low, high, predicate)
}

func describe(n, known, undetermined int, low, high Share, predicate string) Headline {
	h := Headline{Share: Share{n, known}, Low: low, High: high}
	if low == high {
		h.Text = fmt.Sprintf("%s (%s) %s", Phrase(n, low.Of), low, predicate)
		return h
	}
	var b strings.Builder
	of := "the items present"
	if undetermined > 0 {
		of = "the classifiable items present"
	}
	fmt.Fprintf(&b, "%s of %s (%d of %d, %d%%) %s", Phrase(n, known), of, n, known, h.Share.Percent(), predicate)
	if undetermined > 0 {
		fmt.Fprintf(&b, " (%d more present %s no known actor type)", undetermined, prose.Plural(undetermined, "has", "have"))
	}
	fmt.Fprintf(&b, ", so between %d%% and %d%% of the %d", low.PercentFloor(), high.PercentCeil(), low.Of)
	h.Text = b.String()
	return h
}

// anchor is a fraction people name in words.
type anchor struct {
	num, den int
	name     string
}

var anchors = []anchor{{1, 4, "a quarter"}, {1, 3, "a third"}, {1, 2, "half"}, {2, 3, "two thirds"}, {3, 4, "three quarters"}}

// Band widths for [Phrase]: how close a share must be to a named fraction to
// be "just over" or "nearly" it (quarters and half), or "about" it (thirds,
// which counts out of 56 rarely hit exactly).
const (
	nearBand  = 0.03
	aboutBand = 0.02
	eps       = 1e-9
)

// Phrase names the share n of d in plain English, capitalised to open a
// sentence: "None", "All", "Exactly half", "Just over a quarter" (up to 3
// points over), "Nearly half" (up to 3 points under), "About two thirds"
// (within 2 points), and otherwise "Over half", "Fewer than half", "Over a
// quarter", "Fewer than a quarter", "Over two thirds", "Over three
// quarters", "Almost all" (90% or more) or "Fewer than one in ten".
func Phrase(n, d int) string {
	switch {
	case d <= 0:
		return "None"
	case n <= 0:
		return "None"
	case n >= d:
		return "All"
	}
	p := float64(n) / float64(d)
	for _, a := range anchors {
		if n*a.den == d*a.num {
			return "Exactly " + a.name
		}
	}
	for _, a := range anchors {
		f := float64(a.num) / float64(a.den)
		if a.den == 3 {
			if math.Abs(p-f) <= aboutBand+eps {
				return "About " + a.name
			}
			continue
		}
		if p > f && p <= f+nearBand+eps {
			return "Just over " + a.name
		}
		if p < f && p >= f-nearBand-eps {
			return "Nearly " + a.name
		}
	}
	switch {
	case p >= 0.9-eps:
		return "Almost all"
	case p > 0.75:
		return "Over three quarters"
	case p > 2.0/3:
		return "Over two thirds"
	case p > 0.5:
		return "Over half"
	case p > 1.0/3:
		return "Fewer than half"
	case p > 0.25:
		return "Over a quarter"
	case p >= 0.1-eps:
		return "Fewer than a quarter"
	}
	return "Fewer than one in ten"
}

// Age says how old the figures' evidence is: "status on a date" alone would
// let a stale snapshot pass for news.
type Age struct {
	// LatestEvidence is the newest date of an event backed by evidence, on
	// or before the date counted.
	LatestEvidence string `json:"latest_evidence"`
	// LatestEntry is the newest day anything was recorded in the logs.
	LatestEntry string `json:"latest_entry"`
	// Dataset names what was read; Bundled is set for the snapshot built
	// into the binary.
	Dataset string `json:"dataset"`
	Bundled bool   `json:"bundled"`
}

// DataAge finds how old the evidence behind figures as of asOf is.
func DataAge(s *dataset.Set, asOf string) Age {
	a := Age{Dataset: s.Name(), Bundled: s.Bundled, LatestEntry: s.LatestEntry()}
	for _, it := range s.Items {
		for _, e := range it.Events() {
			if e.Evidence != nil && e.Date <= asOf {
				a.LatestEvidence = max(a.LatestEvidence, e.Date)
			}
		}
	}
	return a
}

// Sentence says it in words: "The latest evidence recorded is dated
// 2026-02-06." and, for the bundled snapshot, which snapshot it is.
func (a Age) Sentence() string {
	var b strings.Builder
	if a.LatestEvidence == "" {
		b.WriteString("No evidence of progress is recorded yet.")
	} else {
		fmt.Fprintf(&b, "The latest evidence recorded is dated %s.", a.LatestEvidence)
	}
	if a.Bundled {
		fmt.Fprintf(&b, " Read from the bundled dataset: a snapshot whose latest entry is dated %s; a newer dataset may hold more.", a.LatestEntry)
	}
	return b.String()
}
