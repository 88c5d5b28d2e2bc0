// Package briefing writes a short plain-English briefing on the whole
// strategy, one actor or one theme for a board paper or a champion: where
// things stand, what moved since a date (with its evidence), what is
// overdue, what has had no update, and for the whole strategy what
// government alone must do and what the sector can do now. Every item is
// named by id and title, every sentence carries its numbers, and the same
// data always gives the same words.
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

// Options say what to brief on and when. At most one of Actor and Theme is
// set; with neither, the briefing is on the whole strategy.
type Options struct {
	Actor string // actor id or short name
	Theme string // theme id, alias or prefix
	AsOf  string // YYYY-MM-DD: statuses as the logs stood on this day
	// Since is YYYY-MM-DD: report what moved after this day. The default is
	// three months before AsOf for an actor or theme, and the strategy's
	// launch (its publication date) for the whole strategy.
	Since string
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
	Sentences []Sentence
}

// Sentence is one full sentence, with the link to the evidence it rests on
// when there is one.
type Sentence struct {
	Text string
	Link *Link
}

// Link is evidence a sentence cites.
type Link struct {
	Text, URL string
}

func plain(texts ...string) []Sentence {
	out := make([]Sentence, len(texts))
	for i, t := range texts {
		out[i] = Sentence{Text: t}
	}
	return out
}

// Build writes the briefing. An unknown actor or theme, or a bad date, is an
// error naming the valid values.
func Build(s *dataset.Set, o Options) (*Briefing, error) {
	if o.Actor != "" && o.Theme != "" {
		return nil, fmt.Errorf("brief on one actor or one theme, not both")
	}
	if _, err := query.ParseDate(o.AsOf); err != nil {
		return nil, fmt.Errorf("as-of: %w", err)
	}
	if o.Since == "" && o.Actor == "" && o.Theme == "" && s.Strategy != nil && s.Strategy.Published != "" && s.Strategy.Published <= o.AsOf {
		o.Since = s.Strategy.Published
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
	switch {
	case o.Actor != "":
		return w.actor()
	case o.Theme != "":
		return w.theme()
	}
	return w.whole()
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
	many := pluralName(name)
	b.Sections = append(b.Sections, Section{Heading: "What " + name + " leads and partners on", Sentences: plain(
		w.breakdown(fmt.Sprintf("%s %s", name, agree(many, "leads", "lead")), lead),
		w.breakdown(fmt.Sprintf("%s %s", name, agree(many, "is a partner, not a lead, on", "are partners, not leads, on")), partner),
	)})
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
	sec := Section{Heading: "Where the theme stands", Sentences: plain(w.breakdown(fmt.Sprintf("The %s theme has", name), items))}
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
		sec.Sentences = append(sec.Sentences, Sentence{Text: fmt.Sprintf("Leads named, by number of items: %s.", strings.Join(parts, "; "))})
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
	return Section{Heading: "Coverage", Sentences: plain(sent, summary.DataAge(w.s, w.o.AsOf).Sentence())}
}

// whole briefs on the whole strategy: the headline, what moved since
// launch, what is overdue, what government alone must do and what the
// sector can do now.
func (w *writer) whole() (*Briefing, error) {
	title := "the strategy"
	if w.s.Strategy != nil && w.s.Strategy.Title != "" {
		title = sanitize.Line(w.s.Strategy.Title)
	}
	b := &Briefing{Title: fmt.Sprintf("Briefing on %s, as of %s", title, w.o.AsOf)}
	items, err := w.sel(query.Filter{})
	if err != nil {
		return nil, err
	}
	progressed, complete := 0, 0
	for _, it := range items {
		switch query.Status(it, w.o.AsOf) {
		case query.Complete:
			complete++
			progressed++
		case "in-progress":
			progressed++
		}
	}
	n := len(items)
	headline := plain(
		fmt.Sprintf("%d of %d tracked items %s in progress or complete on %s, and %d of %d %s complete.",
			progressed, n, agreeN(progressed, "is", "are"), w.o.AsOf, complete, n, agreeN(complete, "is", "are")),
		w.counts(items),
	)
	declared := w.s.Declared()
	cov := fmt.Sprintf("The dataset tracks %d of the %d items the strategy declares.", n, declared)
	if n < declared {
		cov += fmt.Sprintf(" The other %d are not tracked, so the figures for the whole strategy may be higher.", declared-n)
	}
	b.Sections = append(b.Sections, Section{Heading: "Headline", Sentences: append(plain(cov, summary.DataAge(w.s, w.o.AsOf).Sentence()), headline...)})
	b.Sections = append(b.Sections, Section{Heading: w.sinceHeading(), Sentences: w.moved(items)})
	b.Sections = append(b.Sections, Section{Heading: "Overdue and without updates", Sentences: plain(w.overdue(items), w.stale(items))})
	for _, g := range []struct{ heading, what, actorType string }{
		{"What government alone must do", "only government can do", dataset.GovernmentOnly},
		{"What the sector can do now", "the sector can do without government", dataset.SectorOnly},
	} {
		typed, err := w.sel(query.Filter{ActorTypes: []string{g.actorType}})
		if err != nil {
			return nil, err
		}
		var open []string
		for _, it := range typed {
			if st := query.Status(it, w.o.AsOf); st != query.Complete {
				open = append(open, fmt.Sprintf("%s (%s)", w.item(it), w.status(st)))
			}
		}
		sent := fmt.Sprintf("%d of the %d tracked %s that %s %s not complete on %s", len(open), len(typed), agreeN(len(typed), "item", "items"), g.what, agreeN(len(open), "is", "are"), w.o.AsOf)
		if len(open) > 0 {
			sent += ": " + strings.Join(open, "; ")
		}
		b.Sections = append(b.Sections, Section{Heading: g.heading, Sentences: plain(sent + ".")})
	}
	return b, nil
}

func (w *writer) sinceHeading() string {
	if w.o.Actor == "" && w.o.Theme == "" && w.s.Strategy != nil && w.o.Since == w.s.Strategy.Published {
		return fmt.Sprintf("Since launch on %s", w.o.Since)
	}
	// The window opens after the day named, as the line below it says.
	return fmt.Sprintf("After %s", w.o.Since)
}

// item names an item by id and title, as a reader needs it.
func (w *writer) item(it *dataset.Item) string {
	if it.Title == "" {
		return it.ID
	}
	return fmt.Sprintf("%s “%s”", it.ID, sanitize.Line(it.Title))
}

func agreeN(n int, one, many string) string { return prose.Plural(n, one, many) }

func agree(many bool, one, more string) string {
	if many {
		return more
	}
	return one
}

// pluralName guesses whether a name is plural ("Councils", "Employers",
// "ICSs", "Health and care systems") from its last word ending in a
// lower-case s; acronyms ("DHSC", "BASW") and "... England" are singular.
func pluralName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	return len(last) > 2 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// tail adds what moved since, what is overdue and what has had no update.
func (w *writer) tail(b *Briefing, items []*dataset.Item) {
	b.Sections = append(b.Sections,
		Section{Heading: w.sinceHeading(), Sentences: w.moved(items)},
		Section{Heading: "Overdue and without updates", Sentences: plain(w.overdue(items), w.stale(items))},
	)
}

// counts says how many tracked items have each status, without naming
// them: the whole strategy's items are named in the sections that follow,
// where something is to be done about them.
func (w *writer) counts(items []*dataset.Item) string {
	by := map[string]int{}
	for _, it := range items {
		by[query.Status(it, w.o.AsOf)]++
	}
	var parts []string
	for _, st := range query.StatusIDs(w.s) {
		parts = append(parts, fmt.Sprintf("%d %s", by[st], w.status(st)))
	}
	return fmt.Sprintf("By status: %s.", strings.Join(parts, ", "))
}

// breakdown says how many items there are and how many have each status.
func (w *writer) breakdown(subject string, items []*dataset.Item) string {
	if len(items) == 0 {
		return fmt.Sprintf("%s 0 items in the dataset.", subject)
	}
	by := map[string][]string{}
	for _, it := range items {
		st := query.Status(it, w.o.AsOf)
		by[st] = append(by[st], w.item(it))
	}
	var parts []string
	for _, st := range query.StatusIDs(w.s) {
		if names := by[st]; len(names) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s (%s)", len(names), w.status(st), strings.Join(names, "; ")))
		} else {
			parts = append(parts, fmt.Sprintf("0 %s", w.status(st)))
		}
	}
	return fmt.Sprintf("%s %d %s: %s.", subject, len(items), prose.Plural(len(items), "item", "items"), strings.Join(parts, ", "))
}

// moved says what each item's log recorded after Since and up to AsOf:
// one sentence per item per date, naming the item, what moved and the
// evidence.
func (w *writer) moved(items []*dataset.Item) []Sentence {
	events := query.Events(items, w.o.Since, w.o.AsOf)
	slices.SortStableFunc(events, func(a, b query.Event) int { return cmp.Compare(a.Date, b.Date) }) // oldest first, as a story
	var out []Sentence
	seen := map[string]bool{}
	for _, e := range events {
		seen[e.Item.ID] = true
		var what string
		switch {
		case e.From == "":
			what = fmt.Sprintf("entered the log as %s", w.status(e.To))
		case e.Moved():
			what = fmt.Sprintf("moved from %s to %s", w.status(e.From), w.status(e.To))
		case e.Evidence != nil:
			what = fmt.Sprintf("recorded new evidence, still %s", w.status(e.To))
		default:
			what = fmt.Sprintf("recorded an update, still %s", w.status(e.To))
		}
		sent := Sentence{Text: fmt.Sprintf("%s: %s %s.", e.Date, w.item(e.Item), what)}
		if e.Evidence != nil {
			sent.Link = &Link{Text: sanitize.Line(cmp.Or(e.Evidence.Title, strings.ReplaceAll(e.Evidence.Kind, "-", " "), "evidence")), URL: e.Evidence.URL}
		}
		out = append(out, sent)
	}
	n, items_ := len(out), len(items)
	head := fmt.Sprintf("%d of the %d %s recorded %d %s after %s and on or before %s.", len(seen), items_, prose.Plural(items_, "item", "items"), n, prose.Plural(n, "update", "updates"), w.o.Since, w.o.AsOf)
	if n == 0 {
		head = fmt.Sprintf("None of the %d %s recorded an update after %s and on or before %s.", items_, prose.Plural(items_, "item", "items"), w.o.Since, w.o.AsOf)
	}
	return append([]Sentence{{Text: head}}, out...)
}

func (w *writer) overdue(items []*dataset.Item) string {
	var parts []string
	for _, it := range items {
		due, st := it.Timescale.Due, query.Status(it, w.o.AsOf)
		if due != "" && due < w.o.AsOf && st != query.Complete {
			parts = append(parts, fmt.Sprintf("%s (due %s, %s)", w.item(it), due, w.status(st)))
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
		s += ": " + strings.Join(parts, "; ")
	}
	return s + fmt.Sprintf(". %d %s no due date to judge by.", undated, prose.Plural(undated, "has", "have"))
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
			parts = append(parts, w.item(it)+" (no evidence since launch)")
		case last < cutoff:
			parts = append(parts, fmt.Sprintf("%s (last evidence %s)", w.item(it), last))
		}
	}
	s := fmt.Sprintf("%d of the %d %s not complete on %s had no evidence recorded after %s, %s earlier", len(parts), open, prose.Plural(open, "item", "items"), w.o.AsOf, cutoff, staleWords)
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, "; ")
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
// and each sentence as a bullet wrapped to width columns, the evidence's
// address after it so that it survives being pasted anywhere.
func (b *Briefing) Text(width int) string {
	var sb strings.Builder
	for _, line := range prose.Wrap(b.Title, max(width, 20)) {
		sb.WriteString(line + "\n")
	}
	for _, sec := range b.Sections {
		fmt.Fprintf(&sb, "\n%s\n", sec.Heading)
		for _, s := range sec.Sentences {
			text := s.Text
			if s.Link != nil {
				if u, ok := sanitize.WebURL(s.Link.URL); ok {
					text += fmt.Sprintf(" Evidence: %s, %s", s.Link.Text, u)
				} else {
					text += fmt.Sprintf(" Evidence: %s (no web address)", s.Link.Text)
				}
			}
			// Past a point a narrower terminal only makes the text
			// harder to read, so lines keep at least 20 columns.
			for i, line := range prose.Wrap(text, max(width-2, 20)) {
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

// Markdown renders the briefing for a board paper or a wiki, each piece of
// evidence a link.
func (b *Briefing) Markdown() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s\n", mdText(b.Title))
	for _, sec := range b.Sections {
		fmt.Fprintf(&sb, "\n## %s\n\n", mdText(sec.Heading))
		for _, s := range sec.Sentences {
			fmt.Fprintf(&sb, "- %s", mdText(s.Text))
			if s.Link != nil {
				fmt.Fprintf(&sb, " Evidence: %s", sanitize.MarkdownLink(s.Link.Text, s.Link.URL))
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// mdText keeps dataset names from becoming markup or links.
var mdText = sanitize.Markdown
