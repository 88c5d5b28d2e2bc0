package dataset

import (
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Strategy is data/strategy.yaml: the strategy's own metadata.
type Strategy struct {
	Title          string   `yaml:"title" json:"title"`
	Publisher      string   `yaml:"publisher" json:"publisher"`
	Published      string   `yaml:"published" json:"published"`
	HorizonYears   int      `yaml:"horizon_years" json:"horizon_years"`
	DeclaredItems  int      `yaml:"declared_items" json:"declared_items"`
	DeclaredSource string   `yaml:"declared_source" json:"declared_source,omitempty"`
	LaunchStatus   string   `yaml:"launch_status" json:"launch_status"`
	Statuses       []Status `yaml:"statuses" json:"statuses"`
	Themes         []Theme  `yaml:"themes" json:"themes"`
	Figures        []Figure `yaml:"figures" json:"figures,omitempty"`
	Claims         []Claim  `yaml:"claims" json:"claims,omitempty"`
	Sources        []string `yaml:"sources" json:"sources"`
}

// Status is one value of the status vocabulary.
type Status struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description" json:"description,omitempty"`
}

// Theme is one of the strategy's themes, with its sub-areas.
type Theme struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Prefix  string   `yaml:"prefix" json:"prefix"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	Source  string   `yaml:"source" json:"source,omitempty"`
	Areas   []Area   `yaml:"areas" json:"areas"`
}

// Area is a sub-area within a theme. Basis says whether a source names
// it (stated) or the grouping is ours (inferred); most areas are ours.
type Area struct {
	ID      string `yaml:"id" json:"id"`
	Name    string `yaml:"name" json:"name"`
	Basis   string `yaml:"basis" json:"basis,omitempty"`
	NamedBy string `yaml:"named_by" json:"named_by,omitempty"`
}

// Figure is a published fact about the strategy.
type Figure struct {
	Fact          string `yaml:"fact" json:"fact"`
	Date          string `yaml:"date" json:"date"`
	DatePrecision string `yaml:"date_precision" json:"date_precision,omitempty"`
	DateBasis     string `yaml:"date_basis" json:"date_basis,omitempty"`
	DateNote      string `yaml:"date_note" json:"date_note,omitempty"`
	Source        string `yaml:"source" json:"source"`
}

// Claim is a published aggregate statement, recorded as a rule the tool can
// recompute from the items.
type Claim struct {
	ID            string   `yaml:"id" json:"id"`
	Text          string   `yaml:"text" json:"text"`
	Date          string   `yaml:"date" json:"date"`
	DatePrecision string   `yaml:"date_precision" json:"date_precision,omitempty"`
	DateBasis     string   `yaml:"date_basis" json:"date_basis,omitempty"`
	DateNote      string   `yaml:"date_note" json:"date_note,omitempty"`
	Source        string   `yaml:"source" json:"source"`
	Measure       string   `yaml:"measure" json:"measure"`
	Statuses      []string `yaml:"statuses" json:"statuses,omitempty"`
	ActorTypes    []string `yaml:"actor_types" json:"actor_types,omitempty"`
	Comparison    string   `yaml:"comparison" json:"comparison"`
	Threshold     float64  `yaml:"threshold" json:"threshold"`
}

// Registry is data/actors.yaml.
type Registry struct {
	Types  []ActorType `yaml:"types" json:"types"`
	Actors []Actor     `yaml:"actors" json:"actors"`
}

// ActorType classifies actors; Government drives the derived actor type of
// every item.
type ActorType struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Government  bool   `yaml:"government" json:"government"`
	Description string `yaml:"description" json:"description,omitempty"`
}

// Actor is anyone the strategy names as having to act.
type Actor struct {
	ID    string `yaml:"id" json:"id"`
	Name  string `yaml:"name" json:"name"`
	Short string `yaml:"short" json:"short"`
	Type  string `yaml:"type" json:"type"`
	URL   string `yaml:"url" json:"url,omitempty"`
	Note  string `yaml:"note" json:"note,omitempty"`
}

// Item is one recommendation or commitment, data/items/<ID>.yaml.
type Item struct {
	ID         string `yaml:"id" json:"id"`
	Title      string `yaml:"title" json:"title"`
	Summary    string `yaml:"summary" json:"summary"`
	Kind       string `yaml:"kind" json:"kind"`
	Membership string `yaml:"membership" json:"membership"`
	// MembershipNote says what the membership rests on, where it is not plain.
	MembershipNote string    `yaml:"membership_note" json:"membership_note,omitempty"`
	Theme          string    `yaml:"theme" json:"theme"`
	ThemeBasis     string    `yaml:"theme_basis" json:"theme_basis"`
	Area           string    `yaml:"area" json:"area"`
	Actors         Actors    `yaml:"actors" json:"actors"`
	Timescale      Timescale `yaml:"timescale" json:"timescale"`
	Wording        string    `yaml:"wording" json:"wording,omitempty"`
	Status         string    `yaml:"status" json:"status"`
	Progress       []Entry   `yaml:"progress" json:"progress"`
	Sources        []Source  `yaml:"sources" json:"sources"`
	Notes          string    `yaml:"notes" json:"notes,omitempty"`

	// ActorType is derived from the actors' types, never typed in.
	ActorType string `yaml:"-" json:"actor_type"`
	// Path is the file the item was read from, as shown to the user.
	Path string `yaml:"-" json:"-"`
	// Doc locates the item's fields in its file.
	Doc *yamlnode.Doc `yaml:"-" json:"-"`
}

// Actors names who leads an item and who partners on it.
type Actors struct {
	Lead     []string `yaml:"lead" json:"lead"`
	Partners []string `yaml:"partners" json:"partners"`
}

// Timescale is the strategy's own wording plus, where one follows, a due date.
type Timescale struct {
	Stated string `yaml:"stated" json:"stated"`
	Due    string `yaml:"due" json:"due,omitempty"`
}

// Entry is one dated step in an item's progress log.
type Entry struct {
	Date          string `yaml:"date" json:"date"`
	DatePrecision string `yaml:"date_precision" json:"date_precision,omitempty"`
	// Recorded is the day an event found late was added to the log, when
	// that is after later-dated entries; the log stays in recording order.
	Recorded   string      `yaml:"recorded" json:"recorded,omitempty"`
	Status     string      `yaml:"status" json:"status"`
	Note       string      `yaml:"note" json:"note"`
	Evidence   *Evidence   `yaml:"evidence" json:"evidence,omitempty"`
	Correction *Correction `yaml:"correction" json:"correction,omitempty"`
}

// Correction marks an entry that corrects an earlier one: the earlier entry
// stays in the log (it is history), but from its date the correction's status
// stands instead of its own.
type Correction struct {
	Corrects string `yaml:"corrects" json:"corrects"` // the date of the corrected entry
	Reason   string `yaml:"reason" json:"reason"`
}

// RecordedOn is the day the entry entered the log: Recorded when set, the
// event's own date otherwise. The log is ordered by it.
func (e *Entry) RecordedOn() string {
	if e.Recorded != "" {
		return e.Recorded
	}
	return e.Date
}

// DateInferred is the date_basis of a date that is our reading of an
// undated source.
const DateInferred = "inferred"

// Membership of the declared items: how sure we are that an item is one of
// them.
const (
	Listed   = "listed"   // an official list, or a faithful reprint of it, names it
	Reported = "reported" // a source says the strategy recommends or commits to it
	Drafted  = "drafted"  // it appears only in material about draft recommendations
)

// Confirmed reports whether the item is known to be one of the declared
// items; a drafted one may not be, so it must never narrow a bound.
func (it *Item) Confirmed() bool { return it.Membership != Drafted }

// Evidence backs a progress entry.
type Evidence struct {
	Kind  string `yaml:"kind" json:"kind"`
	URL   string `yaml:"url" json:"url"`
	Link  string `yaml:"link" json:"link"`
	Title string `yaml:"title" json:"title,omitempty"`
}

// Source is a public source for an item.
type Source struct {
	URL   string `yaml:"url" json:"url"`
	Kind  string `yaml:"kind" json:"kind"`
	Title string `yaml:"title" json:"title,omitempty"`
	Note  string `yaml:"note" json:"note,omitempty"`
}

// Derived actor types of an item.
const (
	GovernmentOnly       = "government-only"
	GovernmentWithSector = "government-with-sector"
	SectorOnly           = "sector-only"
	ActorTypeUnknown     = "unknown"
)

// ActorTypes lists the derived actor types in display order.
var ActorTypes = []string{GovernmentOnly, GovernmentWithSector, SectorOnly, ActorTypeUnknown}

// AllActors returns lead then partner ids.
func (it *Item) AllActors() []string {
	out := make([]string, 0, len(it.Actors.Lead)+len(it.Actors.Partners))
	out = append(out, it.Actors.Lead...)
	return append(out, it.Actors.Partners...)
}

// Event is one progress entry as the log now stands: events come in the
// order of their dates, and a corrected entry carries the status its
// correction says should have stood.
type Event struct {
	*Entry
	// Status stands from the entry's date: its own, or its correction's.
	Status string
	// CorrectedBy is the entry that corrects this one, if any.
	CorrectedBy *Entry
}

// Events returns the item's progress as it now stands, oldest first.
// Corrections are applied retroactively and are not events of their own: a
// figure as of any date is recomputed as we now know it.
func (it *Item) Events() []Event {
	return it.events(false)
}

// events is Events, keeping only entries backed by evidence the source
// itself ties to the item when statedOnly is set (the launch entry needs no
// evidence and always stays).
func (it *Item) events(statedOnly bool) []Event {
	out := make([]Event, 0, len(it.Progress))
	sorted := true
	for i := range it.Progress {
		e := &it.Progress[i]
		if e.Correction != nil {
			continue
		}
		if statedOnly && i > 0 && (e.Evidence == nil || e.Evidence.Link != "stated") {
			continue
		}
		if n := len(out); n > 0 && e.Date < out[n-1].Date {
			sorted = false
		}
		out = append(out, Event{Entry: e, Status: e.Status})
	}
	for i := range it.Progress {
		c := &it.Progress[i]
		if c.Correction == nil {
			continue
		}
		for j := range out {
			if out[j].Date == c.Correction.Corrects && out[j].CorrectedBy == nil && out[j].Entry != c {
				out[j].Status, out[j].CorrectedBy = c.Status, c
				break
			}
		}
	}
	if !sorted {
		slices.SortStableFunc(out, func(a, b Event) int { return strings.Compare(a.Date, b.Date) })
	}
	return out
}

// CorrectedBy maps each corrected entry of the log to the entry that
// corrects it.
func (it *Item) CorrectedBy() map[*Entry]*Entry {
	by := map[*Entry]*Entry{}
	for _, ev := range it.Events() {
		if ev.CorrectedBy != nil {
			by[ev.Entry] = ev.CorrectedBy
		}
	}
	return by
}

// MembershipMeaning says in words what each membership means.
var MembershipMeaning = map[string]string{
	Listed:   "listed (an official list, or a faithful reprint, names it)",
	Reported: "reported (a source says the strategy includes it)",
	Drafted:  "drafted (named only in material on draft recommendations: it may not be one of the declared items)",
}

// StatusOn returns the item's status as its log now stands at the end of
// date (YYYY-MM-DD), and false if the log starts later.
func (it *Item) StatusOn(date string) (string, bool) {
	return statusOn(it.events(false), date)
}

// StatedStatusOn is StatusOn counting only evidence the source itself ties
// to the item: what the status would be without our own reading.
func (it *Item) StatedStatusOn(date string) (string, bool) {
	return statusOn(it.events(true), date)
}

func statusOn(events []Event, date string) (string, bool) {
	status, ok := "", false
	for _, e := range events {
		if e.Date > date {
			break
		}
		status, ok = e.Status, true
	}
	return status, ok
}

// AsOf returns a copy of the item as its log stood at the end of date: the
// entries about events up to that day, any later correction of them (a
// correction applies retroactively), and the status they give.
func (it *Item) AsOf(date string) *Item {
	return it.asOf(date, false)
}

// StatedAsOf is AsOf with only the evidence the source itself ties to the
// item: entries that rest on our reading are left out.
func (it *Item) StatedAsOf(date string) *Item {
	return it.asOf(date, true)
}

func (it *Item) asOf(date string, statedOnly bool) *Item {
	c := *it
	events := it.events(statedOnly)
	keep := make(map[*Entry]bool, len(events))
	for _, e := range events {
		if e.Date <= date {
			keep[e.Entry] = true
			if e.CorrectedBy != nil {
				keep[e.CorrectedBy] = true
			}
		}
	}
	c.Progress = make([]Entry, 0, len(keep))
	for i := range it.Progress {
		if keep[&it.Progress[i]] {
			c.Progress = append(c.Progress, it.Progress[i])
		}
	}
	c.Status, _ = statusOn(events, date)
	return &c
}

// dropProse forgets the free text a validation run never reads again once
// the schema has checked it, so that validating a very large dataset holds
// little more than ids, dates and references.
func (it *Item) dropProse() {
	it.Summary, it.Notes, it.MembershipNote = "", "", ""
	for i := range it.Progress {
		e := &it.Progress[i]
		e.Note = ""
		if e.Evidence != nil {
			// Figures use the kind of link, never the address.
			e.Evidence.Title, e.Evidence.URL = "", ""
		}
		if e.Correction != nil {
			e.Correction.Reason = ""
		}
	}
	for i := range it.Sources {
		it.Sources[i].Title, it.Sources[i].Note, it.Sources[i].URL = "", "", ""
	}
}

// interner hands out one copy of each short value that items repeat:
// statuses, kinds, themes, actor ids and dates. Every file's parse makes its
// own copies; sharing them keeps a large dataset's memory in proportion to
// what it says rather than to how often it says it. One per worker, so no
// lock.
type interner map[string]string

func (in interner) of(s string) string {
	if c, ok := in[s]; ok {
		return c
	}
	in[s] = s
	return s
}

func (in interner) all(ss []string) {
	for i, s := range ss {
		ss[i] = in.of(s)
	}
}

// share replaces the item's vocabulary values with shared copies.
func (it *Item) share(in interner) {
	for _, p := range []*string{&it.Kind, &it.Membership, &it.Theme, &it.ThemeBasis, &it.Area, &it.Wording, &it.Status, &it.Timescale.Stated, &it.Timescale.Due} {
		*p = in.of(*p)
	}
	in.all(it.Actors.Lead)
	in.all(it.Actors.Partners)
	for i := range it.Progress {
		e := &it.Progress[i]
		e.Date, e.DatePrecision, e.Recorded, e.Status = in.of(e.Date), in.of(e.DatePrecision), in.of(e.Recorded), in.of(e.Status)
		if e.Evidence != nil {
			e.Evidence.Kind, e.Evidence.Link = in.of(e.Evidence.Kind), in.of(e.Evidence.Link)
		}
		if e.Correction != nil {
			e.Correction.Corrects = in.of(e.Correction.Corrects)
		}
	}
	for i := range it.Sources {
		it.Sources[i].Kind = in.of(it.Sources[i].Kind)
	}
}
