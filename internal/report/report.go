// Package report renders a dataset's progress as a page for people who would
// rather look than read a terminal: a self-contained HTML file (no network,
// no external fonts or scripts, readable without JavaScript and in print) or
// Markdown for a wiki. Every figure comes from [summary.Compute] and every
// list from [query], so the page cannot disagree with `strategy summary`.
package report

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/chart"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
	"github.com/open-workforce/strategy/internal/timeline"
)

// Formats are the formats [Write] accepts.
var Formats = []string{"html", "markdown"}

// page is everything a report shows, computed once for both formats. All
// dataset text in it has had control characters removed; escaping is the
// template's job.
type page struct {
	Title     string
	Publisher string
	Published string
	AsOf      string
	Declared  int
	Present   int
	Partial   bool
	Coverage  string   // the sentence on how much of the strategy is tracked
	Headlines []string // summary headlines, full sentences
	Glance    []glance
	Progress  *progress // nil when no timeline can be drawn
	Legend    []legendEntry
	Sections  []section
	Items     []row
	Overdue   string // how many items are overdue, for the items table
	Changes   changes
	Plans     *localPlans // nil without plans
	Themes    []option
	Statuses  []option
	Actors    []option
}

// progress is the share in progress or complete over time: a chart, and
// the same numbers as a table for those who cannot see it or would rather
// read them.
type progress struct {
	SVG      template.HTML // from [chart.Timeline], which escapes all text
	Caption  string
	Statuses []string // status names, the count columns' headers
	Moved    string   // the header of the share among the items present
	Range    string   // the header of the share of all declared; "" when complete
	Rows     []progressRow
	Claims   []string // each published claim beside the dataset's range that day
}

type progressRow struct {
	Date   string
	Claim  bool // the day of a published claim rather than a month end
	Counts []int
	Moved  string
	Range  string
}

// glance is one large figure at the top of the page.
type glance struct {
	Figure string // "9 of 31"
	Label  string // what it counts
	Detail string // the range over all declared items, when partial
}

type legendEntry struct {
	Class, Name string
}

// section is a bar chart: one group per row, as in `strategy summary`.
type section struct {
	ID       string // stable anchor and test hook
	Title    string
	Label    string // the group column's header
	Caption  string
	Statuses []string // status names, the count columns' headers
	Bars     []bar
}

// bar is one group's progress: a segment per progressed status (complete
// first) on a track standing for all the group's items.
type bar struct {
	Group      string // group id, for tests
	Name       string
	Total      int
	Progressed int
	Percent    int // Progressed of Total, rounded
	Segments   []segment
	Text       string // the bar's share in words, beside it
	Counts     []count
}

type segment struct {
	Status string
	Class  string
	N      int
	Width  string // CSS percentage of the track, exact to 4 decimals
}

type count struct {
	Status string
	N      int
}

// row is one item in the table of all items.
type row struct {
	ID         string
	Title      string
	Summary    string
	Theme      string // theme id, for the filter
	ThemeName  string
	Status     string // status id on AsOf, for the filter
	StatusName string
	Lead       string
	Partners   string
	Actors     string // space-separated ids, lead and partners, for the filter
	Due        string
	Timescale  string
	Update     update
	Sources    []Link
	Overdue    bool // past its due date and not complete on AsOf
}

// changes is what the progress logs recorded after Since and on or before
// AsOf: one row per item per date, newest first.
type changes struct {
	Since   string
	Heading string // the window in words: "What changed in the last 90 days"
	Events  []event
}

type event struct {
	Date     string
	ID       string
	Title    string
	Move     string // "Not started to In progress", or "Update (still In progress)"
	Evidence *Link
}

// changesWindow is how far back "what changed" looks from AsOf when the
// reader names no date of their own.
const changesWindow, changesWords = "90d", "90 days"

// update is an item's newest progress entry on or before AsOf.
type update struct {
	Date     string
	Note     string
	Evidence *Link
}

// Link is a URL that is safe to put in an href (http or https only) or, when
// it is not, the reason it was withheld; Text is what the reader sees.
type Link struct {
	Text     string
	URL      string // "" when withheld
	Withheld string // the raw value, shown as text, when not http(s)
}

type option struct {
	Value, Label string
}

// actorTypeNames say the derived actor types in words.
var actorTypeNames = map[string]string{
	dataset.GovernmentOnly:       "Government only",
	dataset.GovernmentWithSector: "Government with the sector",
	dataset.SectorOnly:           "Sector only",
	dataset.ActorTypeUnknown:     "Actor type not known",
}

// ActorTypeName says a derived actor type in words: "Government only".
func ActorTypeName(id string) string { return cmp.Or(actorTypeNames[id], id) }

// build computes the page for s as of asOf (YYYY-MM-DD), with what changed
// after since (YYYY-MM-DD; "" for the last 90 days) and the coverage of
// plans when there are any.
func build(s *dataset.Set, asOf, since string, plans []*plan.Plan) *page {
	sum := summary.Compute(s, asOf)
	p := &page{
		AsOf:     asOf,
		Declared: sum.Declared,
		Present:  sum.Present,
		Partial:  sum.Partial(),
	}
	if s.Strategy != nil {
		p.Title = sanitize.Line(s.Strategy.Title)
		p.Publisher = sanitize.Line(s.Strategy.Publisher)
		p.Published = s.Strategy.Published
	}
	statusName := StatusNames(s)
	p.Coverage = sum.Coverage() + " " + sum.Data.Sentence()
	if sum.Evidence == "stated" {
		p.Coverage += " Only evidence whose source itself ties the event to the item is counted."
	}
	for _, h := range sum.Headlines {
		p.Headlines = append(p.Headlines, h.Text+".")
	}
	p.Glance = glances(sum)
	p.Progress = newProgress(s, asOf, statusName)
	for i := len(summary.Progressed) - 1; i >= 0; i-- {
		st := summary.Progressed[i]
		p.Legend = append(p.Legend, legendEntry{Class: "seg-" + st, Name: statusName(st)})
	}
	p.Legend = append(p.Legend, legendEntry{Class: "seg-rest", Name: "Not yet in progress"})

	p.Sections = []section{
		newSection("theme", "Progress by theme", "Theme", sum.Themes, statusName, func(g summary.Group) string { return g.Name }),
		newSection("actor-type", "Progress by actor type", "Who must act", sum.ActorTypes, statusName, func(g summary.Group) string {
			return cmp.Or(actorTypeNames[g.ID], g.Name)
		}),
		newSection("lead", "Progress by lead actor", "Lead actor", sum.Leads, statusName, func(g summary.Group) string { return g.Name }),
	}
	p.Sections[0].Caption = "Items in progress or complete in each theme, among the items the dataset holds."
	p.Sections[1].Caption = "Items in progress or complete by who must act: government only, government with the sector, or the sector alone."
	p.Sections[2].Caption = "Items in progress or complete by lead actor. An item with several leads counts under each."

	overdue := 0
	for _, it := range s.Items {
		r := newRow(s, it, asOf, statusName)
		if r.Overdue {
			overdue++
		}
		p.Items = append(p.Items, r)
	}
	if overdue > 0 {
		p.Overdue = fmt.Sprintf("%d %s past %s due date and not complete, marked Overdue.", overdue, plural(overdue, "item is", "items are"), plural(overdue, "its", "their"))
	}
	p.Changes = newChanges(s, asOf, since, statusName)
	p.Plans = newLocalPlans(s, plans, asOf)
	p.Themes, p.Statuses, p.Actors = filterOptions(s, statusName)
	return p
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func newChanges(s *dataset.Set, asOf, since string, statusName func(string) string) changes {
	c := changes{Since: since, Heading: "What changed after " + prose.Date(since)}
	if since == "" {
		var err error
		if since, err = query.Add(asOf, changesWindow, -1); err != nil {
			return changes{}
		}
		c = changes{Since: since, Heading: "What changed in the last " + changesWords}
	}
	for _, e := range query.Events(s.Items, since, asOf) {
		ev := event{Date: e.Date, ID: sanitize.Line(e.Item.ID), Title: sanitize.Line(e.Item.Title)}
		switch {
		case e.From == "":
			ev.Move = "First entry: " + statusName(e.To)
		case e.Moved():
			ev.Move = statusName(e.From) + " to " + statusName(e.To)
		default:
			ev.Move = "Update (still " + statusName(e.To) + ")"
		}
		if e.Evidence != nil {
			l := NewLink(e.Evidence.URL, cmp.Or(e.Evidence.Title, strings.ReplaceAll(e.Evidence.Kind, "-", " "), "evidence"))
			ev.Evidence = &l
		}
		c.Events = append(c.Events, ev)
	}
	return c
}

// StatusNames names each status as strategy.yaml does, for people; an id
// it does not declare is shown as written, made safe.
func StatusNames(s *dataset.Set) func(string) string {
	names := map[string]string{}
	if s.Strategy != nil {
		for _, st := range s.Strategy.Statuses {
			names[st.ID] = sanitize.Line(st.Name)
		}
	}
	return func(id string) string {
		if id == "" {
			return "No status yet"
		}
		return cmp.Or(names[id], sanitize.Line(id))
	}
}

func glances(sum *summary.Summary) []glance {
	g := []glance{{
		Figure: fmt.Sprintf("%d of %d", sum.Present, sum.Declared),
		Label:  "declared items are tracked in this dataset",
	}}
	for _, f := range []struct {
		id    string
		label string
	}{{summary.HeadlineProgressed, "in progress or complete"}, {summary.HeadlineComplete, "complete"}} {
		h := sum.Headline(f.id)
		gl := glance{Figure: fmt.Sprintf("%d of %d", h.Share.N, sum.Present), Label: "tracked items " + plural(h.Share.N, "is", "are") + " " + f.label}
		if sum.Partial() {
			gl.Detail = fmt.Sprintf("so between %d%% and %d%% of all %d", h.Low.PercentFloor(), h.High.PercentCeil(), sum.Declared)
		} else {
			gl.Detail = fmt.Sprintf("%d%% of all %d", h.Low.Percent(), sum.Declared)
		}
		if h.ReadAlone != nil && *h.ReadAlone > 0 {
			gl.Detail += fmt.Sprintf("; %d on our reading alone", *h.ReadAlone)
		}
		g = append(g, gl)
	}
	return g
}

func newSection(id, title, label string, groups []summary.Group, statusName func(string) string, name func(summary.Group) string) section {
	sec := section{ID: id, Title: title, Label: label}
	if len(groups) > 0 {
		for _, c := range groups[0].Counts {
			sec.Statuses = append(sec.Statuses, statusName(c.Status))
		}
	}
	for _, g := range groups {
		b := bar{Group: g.ID, Name: sanitize.Line(name(g)), Total: g.Total}
		for i := len(summary.Progressed) - 1; i >= 0; i-- {
			st := summary.Progressed[i]
			n := g.Count(st)
			b.Progressed += n
			b.Segments = append(b.Segments, segment{Status: st, Class: "seg-" + st, N: n, Width: width(n, g.Total)})
		}
		b.Percent = summary.Share{N: b.Progressed, Of: g.Total}.Percent()
		for _, c := range g.Counts {
			b.Counts = append(b.Counts, count{Status: statusName(c.Status), N: c.N})
		}
		// The row's cells give each status's count; the bar's own words
		// repeat the share it draws.
		b.Text = fmt.Sprintf("%d of %d (%d%%)", b.Progressed, g.Total, b.Percent)
		sec.Bars = append(sec.Bars, b)
	}
	return sec
}

// width is n of total as a CSS percentage with four decimals, so a bar's
// length matches its numbers to well under a pixel.
func width(n, total int) string {
	if total <= 0 {
		return "0%"
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", float64(n)*100/float64(total)), "0"), ".") + "%"
}

func newRow(s *dataset.Set, it *dataset.Item, asOf string, statusName func(string) string) row {
	status := query.Status(it, asOf)
	r := row{
		ID:         sanitize.Line(it.ID),
		Title:      sanitize.Line(it.Title),
		Summary:    sanitize.Line(it.Summary),
		Theme:      it.Theme,
		ThemeName:  it.Theme,
		Status:     status,
		StatusName: statusName(status),
		Lead:       actorList(s, it.Actors.Lead),
		Partners:   actorList(s, it.Actors.Partners),
		Actors:     strings.Join(it.AllActors(), " "),
		Due:        it.Timescale.Due,
		Timescale:  sanitize.Line(it.Timescale.Stated),
		Overdue:    query.Overdue(it, asOf),
	}
	if th := s.Theme(it.Theme); th != nil {
		r.ThemeName = sanitize.Line(th.Name)
	}
	for _, e := range it.Events() {
		if e.Date > asOf {
			break
		}
		r.Update = update{Date: e.Date, Note: sanitize.Line(e.Note)}
		if e.Evidence != nil {
			l := NewLink(e.Evidence.URL, cmp.Or(e.Evidence.Title, "evidence"))
			r.Update.Evidence = &l
		}
	}
	for i, src := range it.Sources {
		r.Sources = append(r.Sources, NewLink(src.URL, cmp.Or(src.Title, fmt.Sprintf("source %d", i+1))))
	}
	return r
}

func actorList(s *dataset.Set, ids []string) string {
	var out []string
	for _, id := range ids {
		name := id
		if a := s.Actor(id); a != nil && a.Short != "" {
			name = a.Short
		}
		out = append(out, sanitize.Line(name))
	}
	return strings.Join(out, ", ")
}

// NewLink keeps raw only when it is an absolute http(s) URL with a host:
// anything else (javascript:, data:, relative paths, control characters)
// is shown as text and never linked, whatever the schema let through.
func NewLink(raw, text string) Link {
	l := Link{Text: sanitize.Line(text)}
	if u, ok := sanitize.WebURL(raw); ok {
		l.URL = u
	} else {
		l.Withheld = sanitize.Line(raw)
	}
	return l
}

func filterOptions(s *dataset.Set, statusName func(string) string) (themes, statuses, actors []option) {
	if s.Strategy != nil {
		for _, t := range s.Strategy.Themes {
			themes = append(themes, option{t.ID, sanitize.Line(t.Name)})
		}
	}
	for _, st := range query.StatusIDs(s) {
		statuses = append(statuses, option{st, statusName(st)})
	}
	seen := map[string]bool{}
	for _, it := range s.Items {
		for _, id := range it.AllActors() {
			if seen[id] {
				continue
			}
			seen[id] = true
			label := id
			if a := s.Actor(id); a != nil {
				label = a.Name
				if a.Short != "" && a.Short != a.Name {
					label = fmt.Sprintf("%s (%s)", a.Short, a.Name)
				}
			}
			actors = append(actors, option{id, sanitize.Line(label)})
		}
	}
	slices.SortFunc(actors, func(a, b option) int { return cmp.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)) })
	return themes, statuses, actors
}

// newProgress counts the items at every month end from publication to asOf
// with [timeline.Compute], as `strategy timeline` does, and draws them. It
// returns nil when there is no publication date to start from.
func newProgress(s *dataset.Set, asOf string, statusName func(string) string) *progress {
	tl, err := timeline.Compute(s, timeline.Options{To: asOf, Today: asOf})
	if err != nil {
		return nil
	}
	var svg bytes.Buffer
	if err := chart.Timeline(&svg, tl, chart.Options{Fluid: true, IDPrefix: "progress-chart"}); err != nil {
		return nil
	}
	pr := &progress{
		SVG:     template.HTML(svg.String()), // #nosec: chart escapes every string through sanitize.XML
		Caption: fmt.Sprintf("The numbers behind the chart: the items by status at the end of each month from %s to %s, and on the day of each published claim (marked *).", tl.From, tl.To),
		Moved:   fmt.Sprintf("In progress or complete, of the %d present", tl.Present),
	}
	for _, st := range tl.Statuses {
		pr.Statuses = append(pr.Statuses, statusName(st))
	}
	partial := tl.Declared > tl.Present
	if partial {
		pr.Range = fmt.Sprintf("Of all %d declared", tl.Declared)
	}
	row := func(date string, claim bool, counts []timeline.Count, moved summary.Share, low, high summary.Share) {
		r := progressRow{Date: date, Claim: claim, Moved: fmt.Sprintf("%d (%d%%)", moved.N, moved.Percent())}
		for _, c := range counts {
			r.Counts = append(r.Counts, c.N)
		}
		if partial {
			r.Range = fmt.Sprintf("%d–%d%%", low.PercentFloor(), high.PercentCeil())
		}
		pr.Rows = append(pr.Rows, r)
	}
	claims := tl.Claims
	for _, p := range tl.Overall.Points {
		for len(claims) > 0 && claims[0].Date < p.Date {
			c := claims[0]
			row(c.Date, true, c.Counts, c.Moved, c.Low, c.High)
			claims = claims[1:]
		}
		row(p.Date, false, p.Counts, p.Moved, *p.Low, *p.High)
	}
	for _, c := range tl.Claims {
		pr.Claims = append(pr.Claims, fmt.Sprintf("On %s it was published that “%s”. The dataset gives %d of the %d items present that day, so %s of all %d.",
			c.Date, sanitize.Line(c.Text), c.Moved.N, c.Moved.Of, rangeWords(c.Low, c.High), c.Low.Of))
	}
	return pr
}

// rangeWords is a share of all declared items in words, as a range when
// the dataset is partial.
func rangeWords(low, high summary.Share) string {
	if low == high {
		return fmt.Sprintf("%d%%", low.Percent())
	}
	return fmt.Sprintf("between %d%% and %d%%", low.PercentFloor(), high.PercentCeil())
}
