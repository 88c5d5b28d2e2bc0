package site

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/report"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

//go:embed assets
var assets embed.FS

// The templates and assets are read on first use, not at package init:
// every run of the binary links this package, few build a site.
var siteAssets = sync.OnceValue(func() (a struct {
	tmpl    *template.Template
	css, js string
}) {
	a.tmpl = template.Must(template.New("site").Funcs(template.FuncMap{
		// rows hands a caption and rows to the "rows" template.
		"rows": func(caption string, rows []row) any {
			return struct {
				Caption string
				Rows    []row
			}{caption, rows}
		},
	}).ParseFS(assets, "assets/site.html.tmpl"))
	a.css = report.CSS() + mustRead("assets/site.css")
	a.js = mustRead("assets/site.js")
	return a
})

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// recentEvents is how many of the newest progress entries the front page
// lists under "what changed recently".
const recentEvents = 10

// frame is what every page shares: its head, the navigation and footer.
type frame struct {
	Title     string // the <title>
	SiteName  string
	AsOf      string
	Root      string // relative path to the site's root: "", "../", "../../"
	Canonical string // the page's absolute URL, with --base-url
	Feed      string // the Atom feed that follows this page, relative; "" for none
	FeedTitle string
	CSP       string
	CSS       template.CSS
	JS        template.JS // "" for pages without a script
	Plans     bool        // whether the site has a plans page
	Current   string      // which navigation entry the page belongs to
}

// link is a URL safe for an href (http or https only) or, when withheld,
// the raw value to show as text.
// link is an outside link, or the raw value as text when it is not one.
type link = report.Link

var newLink = report.NewLink

// ref is a link inside the site, or plain text when there is no page.
type ref struct {
	Text string
	Href string
}

// row is an item in a list of items.
type row struct {
	ID, Href, Title, Summary string
	Theme, ThemeName         string
	Status, StatusName       string
	Lead                     []ref
	Actors                   string // ids of lead and partners, for the filter
	Due                      string
}

func (b *builder) frame(path, title, current string) frame {
	f := frame{
		Title:    title,
		AsOf:     b.o.AsOf,
		Root:     rel(path, ""),
		CSP:      report.ContentSecurityPolicy(""),
		CSS:      template.CSS(siteAssets().css),
		Plans:    len(b.o.Plans) > 0,
		Current:  current,
		Feed:     rel(path, feedFile),
		SiteName: "Strategy tracker",
	}
	if b.s.Strategy != nil && b.s.Strategy.Title != "" {
		f.SiteName = sanitize.Line(b.s.Strategy.Title)
	}
	f.FeedTitle = "Progress on " + f.SiteName
	if path != notFoundPage {
		f.Canonical = b.absolute(path)
	}
	return f
}

func (b *builder) render(path, name string, data any) error {
	var buf bytes.Buffer
	if err := siteAssets().tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("rendering %s: %w", path, err)
	}
	return b.add(path, buf.Bytes())
}

func (b *builder) pages() error {
	steps := []func() error{b.index, b.notFound, b.themePages, b.actorPages}
	if len(b.o.Plans) > 0 {
		steps = append(steps, b.plansPage)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for _, it := range b.s.Items {
		if err := b.itemPage(it); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) row(from string, it *dataset.Item) row {
	status := query.Status(it, b.o.AsOf)
	r := row{
		ID:         sanitize.Line(it.ID),
		Href:       rel(from, itemPage(it.ID)),
		Title:      sanitize.Line(it.Title),
		Summary:    sanitize.Line(it.Summary),
		Theme:      it.Theme,
		ThemeName:  sanitize.Line(it.Theme),
		Status:     status,
		StatusName: b.statusName(status),
		Lead:       b.actorRefs(from, it.Actors.Lead, true),
		Actors:     strings.Join(it.AllActors(), " "),
		Due:        it.Timescale.Due,
	}
	if th := b.s.Theme(it.Theme); th != nil {
		r.ThemeName = sanitize.Line(th.Name)
	}
	return r
}

func (b *builder) rows(from string, items []*dataset.Item) []row {
	out := make([]row, 0, len(items))
	for _, it := range items {
		out = append(out, b.row(from, it))
	}
	return out
}

// actorRefs names actors, by short name when short, linking those with a page.
func (b *builder) actorRefs(from string, ids []string, short bool) []ref {
	var out []ref
	for _, id := range ids {
		r := ref{Text: sanitize.Line(id)}
		if a := b.s.Actor(id); a != nil {
			r.Text = sanitize.Line(a.Name)
			if short && a.Short != "" {
				r.Text = sanitize.Line(a.Short)
			}
		}
		if b.hasActorPage(id) {
			r.Href = rel(from, actorPage(id))
		}
		out = append(out, r)
	}
	return out
}

// change is a progress entry in a list of recent changes.
type change struct {
	Date, ItemID, ItemTitle, Href, Status, StatusName, Note string
}

func (b *builder) changes(from string, evs []event, n int) []change {
	var out []change
	for _, e := range evs[:min(n, len(evs))] {
		out = append(out, change{
			Date: e.Entry.Date, ItemID: sanitize.Line(e.Item.ID), ItemTitle: sanitize.Line(e.Item.Title),
			Href: rel(from, itemPage(e.Item.ID)) + "#log-" + fmt.Sprint(e.Index+1), Status: e.Status, StatusName: b.statusName(e.Status),
			Note: sanitize.Line(e.Entry.Note),
		})
	}
	return out
}

type option struct{ Value, Label string }

func (b *builder) index() error {
	overview, err := report.Overview(b.s, b.o.AsOf)
	if err != nil {
		return err
	}
	overdue, err := query.Select(b.s, query.Filter{AsOf: b.o.AsOf, Overdue: true})
	if err != nil {
		return err
	}
	query.Sort(b.s, overdue, "due", b.o.AsOf) //nolint:errcheck // "due" is a known key
	f := b.frame(indexPage, "", "home")
	f.Title = f.SiteName + ": progress"
	f.JS = template.JS(siteAssets().js)
	f.CSP = report.ContentSecurityPolicy(siteAssets().js)
	data := struct {
		F         frame
		Published string
		Publisher string
		Overview  template.HTML
		Recent    []change
		Overdue   []row
		Items     []row
		Themes    []option
		Statuses  []option
		Actors    []option
	}{F: f, Overview: overview, Recent: b.changes(indexPage, b.events(b.s.Items), recentEvents), Overdue: b.rows(indexPage, overdue), Items: b.rows(indexPage, b.s.Items)}
	if st := b.s.Strategy; st != nil {
		data.Published, data.Publisher = st.Published, sanitize.Line(st.Publisher)
	}
	for _, t := range b.themes() {
		data.Themes = append(data.Themes, option{t.ID, sanitize.Line(t.Name)})
	}
	for _, st := range query.StatusIDs(b.s) {
		data.Statuses = append(data.Statuses, option{st, b.statusName(st)})
	}
	seen := map[string]bool{}
	for _, it := range b.s.Items {
		for _, id := range it.AllActors() {
			if !seen[id] {
				seen[id] = true
				label := id
				if a := b.s.Actor(id); a != nil {
					label = cmp.Or(a.Short, a.Name)
				}
				data.Actors = append(data.Actors, option{id, sanitize.Line(label)})
			}
		}
	}
	slices.SortFunc(data.Actors, func(x, y option) int { return cmp.Compare(strings.ToLower(x.Label), strings.ToLower(y.Label)) })
	return b.render(indexPage, "index", data)
}

func (b *builder) notFound() error {
	f := b.frame(notFoundPage, "Page not found", "")
	// GitHub Pages and most servers answer a missing page at any depth with
	// this one, so its links cannot be relative: they start from the base
	// URL, or from the server's root without one.
	f.Root = cmp.Or(b.o.BaseURL, "/")
	f.Feed = f.Root + feedFile
	return b.render(notFoundPage, "notfound", struct{ F frame }{f})
}

// entry is one line of an item's progress log.
type entry struct {
	Anchor     string
	Date       string
	MonthOnly  bool
	After      bool // dated after the site's day
	Status     string
	StatusName string
	Note       string
	Evidence   *evidence
	Marks      []string // what later knowledge changed about it
	Correction string   // for a correction: what it corrects, and why
}

type evidence struct {
	Kind, Strength string
	Link           link
}

// strengthWords say what an evidence link's strength means.
var strengthWords = map[string]string{
	"stated": "the source itself ties it to this item",
	"read":   "our reading: the source does exactly what the item asks but does not name it",
}

type field struct {
	Name  string
	Value string
	Refs  []ref
}

type servingPlan struct {
	Organisation, Title, File string
	Actions                   []planAction
}

type planAction struct {
	ID, Title, Owner, Status, Due string
}

func (b *builder) itemPage(it *dataset.Item) error {
	path := itemPage(it.ID)
	status := query.Status(it, b.o.AsOf)
	f := b.frame(path, sanitize.Line(it.ID+": "+it.Title), "items")
	f.Feed, f.FeedTitle = rel(path, itemFeed(it.ID)), "Progress on "+sanitize.Line(it.ID)
	themeRef := ref{Text: sanitize.Line(it.Theme)}
	if th := b.s.Theme(it.Theme); th != nil {
		themeRef.Text = sanitize.Line(th.Name)
		if safeSegment(th.ID) {
			themeRef.Href = rel(path, themePage(th.ID))
		}
	}
	area := it.Area
	if th := b.s.Theme(it.Theme); th != nil {
		for _, a := range th.Areas {
			if a.ID == it.Area {
				area = a.Name
			}
		}
	}
	timescale := it.Timescale.Stated
	if it.Timescale.Due != "" {
		timescale += " (due " + it.Timescale.Due + ")"
	}
	fields := []field{
		{Name: "Status", Value: fmt.Sprintf("%s (as of %s)", b.statusName(status), b.o.AsOf)},
		{Name: "Kind", Value: it.Kind},
		{Name: "Theme", Refs: []ref{themeRef}, Value: fmt.Sprintf("/ %s (%s)", sanitize.Line(area), sanitize.Line(it.ThemeBasis))},
		{Name: "Lead", Refs: b.actorRefs(path, it.Actors.Lead, false), Value: noneIfEmpty(it.Actors.Lead)},
		{Name: "Partners", Refs: b.actorRefs(path, it.Actors.Partners, false), Value: noneIfEmpty(it.Actors.Partners)},
		{Name: "Actor type", Value: it.ActorType},
		{Name: "Timescale", Value: sanitize.Line(timescale)},
	}
	if m := membership(it); m != "" {
		fields = append(fields, field{Name: "Membership", Value: m})
	}
	if it.Wording != "" {
		fields = append(fields, field{Name: "Wording", Value: sanitize.Line(it.Wording)})
	}
	fields = append(fields, field{Name: "File", Value: sanitize.Line(it.Path)})
	var log []entry
	correctedBy := it.CorrectedBy()
	for i := range it.Progress {
		e := &it.Progress[i]
		en := entry{
			Anchor: fmt.Sprintf("log-%d", i+1), Date: e.Date, MonthOnly: e.DatePrecision == "month", After: e.Date > b.o.AsOf && e.Correction == nil,
			Status: e.Status, StatusName: b.statusName(e.Status), Note: sanitize.Text(strings.TrimSpace(e.Note)),
		}
		if e.Recorded != "" {
			en.Marks = append(en.Marks, "recorded "+e.Recorded)
		}
		if c := correctedBy[e]; c != nil {
			en.Marks = append(en.Marks, fmt.Sprintf("corrected on %s: %s stands instead", c.Date, b.statusName(c.Status)))
		}
		if c := e.Correction; c != nil {
			en.Correction = sanitize.Line(fmt.Sprintf("Correction of the entry of %s: %s", c.Corrects, c.Reason))
		}
		if ev := e.Evidence; ev != nil {
			strength := sanitize.Line(ev.Link)
			if w := strengthWords[ev.Link]; w != "" {
				strength += ": " + w
			}
			en.Evidence = &evidence{Kind: sanitize.Line(ev.Kind), Strength: strength, Link: newLink(ev.URL, cmp.Or(ev.Title, ev.URL))}
		}
		log = append(log, en)
	}
	var sources []link
	for i, src := range it.Sources {
		l := newLink(src.URL, cmp.Or(src.Title, fmt.Sprintf("source %d", i+1)))
		if src.Kind != "" {
			l.Text += " (" + sanitize.Line(src.Kind) + ")"
		}
		sources = append(sources, l)
	}
	var plans []servingPlan
	for _, p := range b.o.Plans {
		acts := p.Serving(it.ID)
		if len(acts) == 0 {
			continue
		}
		sp := servingPlan{Organisation: sanitize.Line(p.Organisation.Name), Title: sanitize.Line(p.Title), File: sanitize.Line(p.Path)}
		for _, a := range acts {
			sp.Actions = append(sp.Actions, planAction{ID: sanitize.Line(a.ID), Title: sanitize.Line(a.Title), Owner: sanitize.Line(a.Owner), Status: sanitize.Line(a.Status), Due: a.Due})
		}
		plans = append(plans, sp)
	}
	return b.render(path, "item", struct {
		F          frame
		ID, Title  string
		Summary    string
		Fields     []field
		Log        []entry
		Sources    []link
		Notes      string
		HasPlans   bool
		Plans      []servingPlan
		JSON, Feed string
	}{
		F: f, ID: sanitize.Line(it.ID), Title: sanitize.Line(it.Title), Summary: sanitize.Text(strings.TrimSpace(it.Summary)),
		Fields: fields, Log: log, Sources: sources, Notes: sanitize.Text(strings.TrimSpace(it.Notes)),
		HasPlans: len(b.o.Plans) > 0, Plans: plans,
		JSON: rel(path, apiDir+"items/"+it.ID+".json"), Feed: f.Feed,
	})
}

func membership(it *dataset.Item) string {
	if it.Membership == "" {
		return ""
	}
	out := cmp.Or(dataset.MembershipMeaning[it.Membership], sanitize.Line(it.Membership))
	if it.MembershipNote != "" {
		out += "; " + sanitize.Line(it.MembershipNote)
	}
	return out
}

func noneIfEmpty(ids []string) string {
	if len(ids) == 0 {
		return "None named"
	}
	return ""
}

// group is a set of items with how far they have got, in words.
type group struct {
	Sentence string
	Items    []row
}

// progressSentence says how many of items are in progress or complete.
func (b *builder) progressSentence(items []*dataset.Item, what string) string {
	if len(items) == 0 {
		return fmt.Sprintf("No item in the dataset %s.", what)
	}
	moved, complete := 0, 0
	for _, it := range items {
		st := query.Status(it, b.o.AsOf)
		if slices.Contains(summary.Progressed, st) {
			moved++
		}
		if st == query.Complete {
			complete++
		}
	}
	return fmt.Sprintf("%s %s: %d in progress or complete (%d%%), %d of them complete, on %s.",
		prose.Count(len(items), "item"), what, moved, summary.Share{N: moved, Of: len(items)}.Percent(), complete, b.o.AsOf)
}

type themeSummary struct {
	Name, Href, Sentence string
}

func (b *builder) themePages() error {
	var list []themeSummary
	for _, t := range b.themes() {
		path := themePage(t.ID)
		var items []*dataset.Item
		for _, it := range b.s.Items {
			if it.Theme == t.ID {
				items = append(items, it)
			}
		}
		sentence := b.progressSentence(items, "in this theme")
		list = append(list, themeSummary{Name: sanitize.Line(t.Name), Href: rel(themesPage, path), Sentence: sentence})
		var areas []string
		for _, a := range t.Areas {
			areas = append(areas, sanitize.Line(a.Name))
		}
		if err := b.render(path, "theme", struct {
			F     frame
			Name  string
			Areas []string
			Group group
		}{b.frame(path, sanitize.Line(t.Name), "themes"), sanitize.Line(t.Name), areas, group{sentence, b.rows(path, items)}}); err != nil {
			return err
		}
	}
	return b.render(themesPage, "themes", struct {
		F      frame
		Themes []themeSummary
	}{b.frame(themesPage, "Themes", "themes"), list})
}

type actorSummary struct {
	Name, Short, Href, Type string
	Leads, Partners         int
}

func (b *builder) actorPages() error {
	var list []actorSummary
	for _, a := range b.actors() {
		path := actorPage(a.ID)
		var leads, partners, all []*dataset.Item
		for _, it := range b.s.Items {
			lead, partner := slices.Contains(it.Actors.Lead, a.ID), slices.Contains(it.Actors.Partners, a.ID)
			if lead {
				leads = append(leads, it)
			}
			if partner {
				partners = append(partners, it)
			}
			if lead || partner {
				all = append(all, it)
			}
		}
		list = append(list, actorSummary{Name: sanitize.Line(a.Name), Short: sanitize.Line(a.Short), Href: rel(actorsPage, path), Type: sanitize.Line(a.Type), Leads: len(leads), Partners: len(partners)})
		f := b.frame(path, sanitize.Line(a.Name), "actors")
		f.Feed, f.FeedTitle = rel(path, actorFeed(a.ID)), "Progress on items naming "+sanitize.Line(cmp.Or(a.Short, a.Name))
		gov, _ := b.s.IsGovernment(a.ID)
		var web *link
		if a.URL != "" {
			l := newLink(a.URL, a.URL)
			web = &l
		}
		evs := b.events(all)
		if err := b.render(path, "actor", struct {
			F                 frame
			Name, Short, Type string
			Government        bool
			Note              string
			Web               *link
			Leads, Partners   group
			Recent            []change
			Moves             int
		}{
			F: f, Name: sanitize.Line(a.Name), Short: sanitize.Line(a.Short), Type: sanitize.Line(a.Type), Government: gov,
			Note: sanitize.Line(a.Note), Web: web,
			Leads:    group{b.progressSentence(leads, "led by "+sanitize.Line(cmp.Or(a.Short, a.Name))), b.rows(path, leads)},
			Partners: group{b.progressSentence(partners, "with "+sanitize.Line(cmp.Or(a.Short, a.Name))+" as a partner"), b.rows(path, partners)},
			Recent:   b.changes(path, evs, recentEvents), Moves: len(evs),
		}); err != nil {
			return err
		}
	}
	return b.render(actorsPage, "actors", struct {
		F      frame
		Actors []actorSummary
	}{b.frame(actorsPage, "Actors", "actors"), list})
}

func (b *builder) plansPage() error {
	section, err := report.PlansSection(b.s, b.o.Plans)
	if err != nil {
		return err
	}
	return b.render(plansPage, "plans", struct {
		F       frame
		Section template.HTML
	}{b.frame(plansPage, "Local plans", "plans"), section})
}
