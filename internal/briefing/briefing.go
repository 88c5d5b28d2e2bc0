// Package briefing writes a short plain-English briefing on one actor or one
// theme for a board paper or a champion: what the actor leads and partners
// on, what moved since a date, what is overdue and what has had no update.
// Every sentence carries its numbers and item ids, and the same data always
// gives the same words.
package briefing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// Options say what to brief on and when. Exactly one of Actor and Theme is set.
type Options struct {
	Actor string // actor id or short name
	Theme string // theme id, alias or prefix
	AsOf  string // YYYY-MM-DD: statuses as the logs stood on this day
	Since string // YYYY-MM-DD: report what moved after this day; default three months before AsOf
}

// Periods the briefing uses: the default look-back for Since, and how long
// without evidence counts as no update.
const (
	defaultSince = "3mo"
	stalePeriod  = "6mo"
	staleWords   = "six months"
)

// Briefing is a title and sections of sentences.
type Briefing struct {
	Title    string
	Sections []Section
}

// Section is a heading and its sentences, each a full sentence.
type Section struct {
	Heading   string
	Sentences []string
}

// Build writes the briefing. An unknown actor or theme, or a bad date, is an
// error naming the valid values.
func Build(s *dataset.Set, o Options) (*Briefing, error) {
	if (o.Actor == "") == (o.Theme == "") {
		return nil, fmt.Errorf("brief on exactly one actor or one theme")
	}
	if _, err := query.ParseDate(o.AsOf); err != nil {
		return nil, fmt.Errorf("as-of: %w", err)
	}
	if o.Since == "" {
		since, err := query.Add(o.AsOf, defaultSince, -1)
		if err != nil {
			return nil, err
		}
		o.Since = since
	}
	if _, err := query.ParseDate(o.Since); err != nil {
		return nil, fmt.Errorf("since: %w", err)
	}
	if o.Since > o.AsOf {
		return nil, fmt.Errorf("since %s is after the as-of date %s", o.Since, o.AsOf)
	}
	w := &writer{s: s, o: o, names: statusNames(s)}
	if o.Actor != "" {
		return w.actor()
	}
	return w.theme()
}

type writer struct {
	s     *dataset.Set
	o     Options
	names map[string]string
}

func (w *writer) actor() (*Briefing, error) {
	id := query.ResolveActor(w.s, w.o.Actor)
	if id == "" {
		return nil, fmt.Errorf("unknown actor %q: valid values are %s", w.o.Actor, strings.Join(query.ActorIDs(w.s), ", "))
	}
	a := w.s.Actor(id)
	name := sanitize.Line(cmp.Or(a.Short, a.Name))
	full := name
	if a.Short != "" && a.Name != a.Short {
		full = fmt.Sprintf("%s (%s)", name, sanitize.Line(a.Name))
	}
	b := &Briefing{Title: fmt.Sprintf("Briefing on %s, as of %s", full, w.o.AsOf)}
	lead, err := w.sel(query.Filter{Actors: []string{id}, LeadOnly: true})
	if err != nil {
		return nil, err
	}
	all, err := w.sel(query.Filter{Actors: []string{id}})
	if err != nil {
		return nil, err
	}
	partner := slices.DeleteFunc(slices.Clone(all), func(it *dataset.Item) bool { return slices.Contains(lead, it) })

	b.Sections = append(b.Sections, w.coverage(fmt.Sprintf("naming %s", name), len(all)))
	b.Sections = append(b.Sections, Section{Heading: "What " + name + " leads and partners on", Sentences: []string{
		w.breakdown(fmt.Sprintf("%s leads", name), lead),
		w.breakdown(fmt.Sprintf("%s is a partner, not a lead, on", name), partner),
	}})
	w.tail(b, all)
	return b, nil
}

func (w *writer) theme() (*Briefing, error) {
	id := query.ResolveTheme(w.s, w.o.Theme)
	if id == "" {
		return nil, fmt.Errorf("unknown theme %q: valid values are %s", w.o.Theme, strings.Join(query.ThemeNames(w.s), ", "))
	}
	name := sanitize.Line(w.s.Theme(id).Name)
	b := &Briefing{Title: fmt.Sprintf("Briefing on the %s theme, as of %s", name, w.o.AsOf)}
	items, err := w.sel(query.Filter{Themes: []string{id}})
	if err != nil {
		return nil, err
	}
	b.Sections = append(b.Sections, w.coverage("in this theme", len(items)))
	sec := Section{Heading: "Where the theme stands", Sentences: []string{w.breakdown(fmt.Sprintf("The %s theme has", name), items)}}
	// Who leads the theme's items, most items first.
	leads := map[string][]string{}
	for _, it := range items {
		for _, l := range it.Actors.Lead {
			leads[l] = append(leads[l], it.ID)
		}
	}
	ids := make([]string, 0, len(leads))
	for l := range leads {
		ids = append(ids, l)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(len(leads[b]), len(leads[a])), cmp.Compare(a, b)) })
	if len(ids) > 0 {
		var parts []string
		for _, l := range ids {
			parts = append(parts, fmt.Sprintf("%s %d (%s)", w.actorName(l), len(leads[l]), strings.Join(leads[l], ", ")))
		}
		sec.Sentences = append(sec.Sentences, fmt.Sprintf("Leads named, by number of items: %s.", strings.Join(parts, "; ")))
	}
	b.Sections = append(b.Sections, sec)
	w.tail(b, items)
	return b, nil
}

func (w *writer) sel(f query.Filter) ([]*dataset.Item, error) {
	f.AsOf = w.o.AsOf
	return query.Select(w.s, f)
}

func (w *writer) coverage(what string, n int) Section {
	declared, present := w.s.Declared(), len(w.s.Items)
	sent := fmt.Sprintf("The dataset holds %d of the %d items the strategy declares, %d of them %s.", present, declared, n, what)
	if present < declared {
		sent += fmt.Sprintf(" The other %d are not tracked, so there may be more than this briefing shows.", declared-present)
	}
	return Section{Heading: "Coverage", Sentences: []string{sent, summary.DataAge(w.s, w.o.AsOf).Sentence()}}
}

// tail adds what moved since, what is overdue and what has had no update.
func (w *writer) tail(b *Briefing, items []*dataset.Item) {
	b.Sections = append(b.Sections,
		Section{Heading: fmt.Sprintf("Since %s", w.o.Since), Sentences: w.moved(items)},
		Section{Heading: "Overdue and without updates", Sentences: []string{w.overdue(items), w.stale(items)}},
	)
}

// breakdown says how many items there are and how many have each status.
func (w *writer) breakdown(subject string, items []*dataset.Item) string {
	if len(items) == 0 {
		return fmt.Sprintf("%s 0 items in the dataset.", subject)
	}
	by := map[string][]string{}
	for _, it := range items {
		st := query.Status(it, w.o.AsOf)
		by[st] = append(by[st], it.ID)
	}
	var parts []string
	for _, st := range query.StatusIDs(w.s) {
		if ids := by[st]; len(ids) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s (%s)", len(ids), w.status(st), strings.Join(ids, ", ")))
		} else {
			parts = append(parts, fmt.Sprintf("0 %s", w.status(st)))
		}
	}
	return fmt.Sprintf("%s %d %s: %s.", subject, len(items), prose.Plural(len(items), "item", "items"), strings.Join(parts, ", "))
}

// moved lists each item's log entries dated after Since and up to AsOf.
func (w *writer) moved(items []*dataset.Item) []string {
	var out []string
	for _, it := range items {
		prev := ""
		for _, e := range it.Events() {
			if e.Date > w.o.AsOf {
				break
			}
			if e.Date > w.o.Since {
				switch {
				case prev != "" && e.Status != prev:
					out = append(out, fmt.Sprintf("%s moved from %s to %s on %s.", it.ID, w.status(prev), w.status(e.Status), e.Date))
				case e.Evidence != nil:
					out = append(out, fmt.Sprintf("%s recorded new evidence on %s (%s, still %s).", it.ID, e.Date, sanitize.Line(e.Evidence.Kind), w.status(e.Status)))
				default:
					out = append(out, fmt.Sprintf("%s recorded an update on %s (still %s).", it.ID, e.Date, w.status(e.Status)))
				}
			}
			prev = e.Status
		}
	}
	n := len(out)
	moved := 0
	for _, it := range items {
		for _, e := range it.Events() {
			if e.Date > w.o.Since && e.Date <= w.o.AsOf {
				moved++
				break
			}
		}
	}
	head := fmt.Sprintf("%d of the %d %s recorded %d %s after %s and on or before %s.", moved, len(items), prose.Plural(len(items), "item", "items"), n, prose.Plural(n, "update", "updates"), w.o.Since, w.o.AsOf)
	if n == 0 {
		head = fmt.Sprintf("None of the %d %s recorded an update after %s and on or before %s.", len(items), prose.Plural(len(items), "item", "items"), w.o.Since, w.o.AsOf)
	}
	return append([]string{head}, out...)
}

func (w *writer) overdue(items []*dataset.Item) string {
	var parts []string
	for _, it := range items {
		due, st := it.Timescale.Due, query.Status(it, w.o.AsOf)
		if due != "" && due < w.o.AsOf && st != query.Complete {
			parts = append(parts, fmt.Sprintf("%s (due %s, %s)", it.ID, due, w.status(st)))
		}
	}
	undated := 0
	for _, it := range items {
		if it.Timescale.Due == "" {
			undated++
		}
	}
	s := fmt.Sprintf("%d of the %d %s %s past %s due date and not complete on %s", len(parts), len(items), prose.Plural(len(items), "item", "items"), prose.Plural(len(parts), "is", "are"), prose.Plural(len(parts), "its", "their"), w.o.AsOf)
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + fmt.Sprintf("; %d %s no due date to judge by.", undated, prose.Plural(undated, "has", "have"))
}

func (w *writer) stale(items []*dataset.Item) string {
	cutoff, err := query.Add(w.o.AsOf, stalePeriod, -1)
	if err != nil {
		return fmt.Sprintf("Cannot judge updates: %v.", err)
	}
	var parts []string
	open := 0
	for _, it := range items {
		if query.Status(it, w.o.AsOf) == query.Complete {
			continue // finished items need no news
		}
		open++
		last := query.LastEvidenceOn(it, w.o.AsOf)
		switch {
		case last == "":
			parts = append(parts, it.ID+" (no evidence since launch)")
		case last < cutoff:
			parts = append(parts, fmt.Sprintf("%s (last evidence %s)", it.ID, last))
		}
	}
	s := fmt.Sprintf("%d of the %d %s not complete on %s had no evidence recorded after %s, %s earlier", len(parts), open, prose.Plural(open, "item", "items"), w.o.AsOf, cutoff, staleWords)
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + "."
}

func (w *writer) status(id string) string {
	if n, ok := w.names[id]; ok {
		return n
	}
	return cmp.Or(id, "no status")
}

func (w *writer) actorName(id string) string {
	if a := w.s.Actor(id); a != nil {
		return sanitize.Line(cmp.Or(a.Short, a.Name))
	}
	return id
}

func statusNames(s *dataset.Set) map[string]string {
	m := map[string]string{}
	if s.Strategy != nil {
		for _, st := range s.Strategy.Statuses {
			m[st.ID] = strings.ToLower(sanitize.Line(st.Name))
		}
	}
	return m
}

// Text renders the briefing for a terminal or an email: a title, headings
// and each sentence as a bullet wrapped to width columns.
func (b *Briefing) Text(width int) string {
	var sb strings.Builder
	sb.WriteString(b.Title + "\n")
	for _, sec := range b.Sections {
		fmt.Fprintf(&sb, "\n%s\n", sec.Heading)
		for _, s := range sec.Sentences {
			// Past a point a narrower terminal only makes the text
			// harder to read, so lines keep at least 20 columns.
			for i, line := range prose.Wrap(s, max(width-2, 20)) {
				if i == 0 {
					sb.WriteString("- " + line + "\n")
				} else {
					sb.WriteString("  " + line + "\n")
				}
			}
		}
	}
	return sanitize.Text(sb.String())
}

// Markdown renders the briefing for a board paper or a wiki.
func (b *Briefing) Markdown() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s\n", mdText(b.Title))
	for _, sec := range b.Sections {
		fmt.Fprintf(&sb, "\n## %s\n\n", mdText(sec.Heading))
		for _, s := range sec.Sentences {
			fmt.Fprintf(&sb, "- %s\n", mdText(s))
		}
	}
	return sb.String()
}

// mdText keeps dataset names from becoming markup or links.
var mdText = sanitize.Markdown
