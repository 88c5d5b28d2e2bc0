// Package site builds a dataset's static web site: a front page with the
// headline figures, a page per item, theme and actor, Atom feeds, a sitemap
// and a versioned JSON API (api/v1). Every figure comes from the packages
// the commands use (summary, query, record, report), so the site cannot
// disagree with `strategy summary` or `strategy list`. The build is
// deterministic: the same dataset and day give the same bytes.
package site

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/report"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// Options say what to build.
type Options struct {
	AsOf string // YYYY-MM-DD: the day statuses are read on (today)
	// BaseURL is the absolute http(s) URL the site is served from. With it,
	// feeds and the sitemap use absolute links; without it, feeds link
	// relative to themselves and no sitemap is written (a sitemap must give
	// absolute URLs).
	BaseURL string
	Plans   []*plan.Plan // local plans, checked; nil for none
}

// Sink takes the site's files as they are built, one at a time, so that a
// build holds the dataset and one page rather than the whole site. A path is
// slash-separated and relative to the site's root; a path given twice keeps
// its last bytes. A Sink may keep data, so a builder never reuses it.
type Sink interface {
	Put(path string, data []byte) error
}

// safeSegment says whether an id may name a folder of the site: a letter or
// digit, then letters, digits, dots, hyphens or underscores, at most 100 in
// all. The schema's ids all do; a hostile or broken one must not reach the
// file system ("..", "/", a drive letter).
func safeSegment(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i, r := range s {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || (r != '.' && r != '-' && r != '_')) {
			return false
		}
	}
	return true
}

// CheckBaseURL returns the base URL with one trailing slash, or an error
// when it is not an absolute http(s) URL.
func CheckBaseURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, ok := sanitize.WebURL(raw)
	if !ok {
		return "", fmt.Errorf("--base-url %q is not an absolute http or https URL (for example https://example.github.io/strategy/)", raw)
	}
	p, err := url.Parse(u)
	if err != nil || p.RawQuery != "" || p.Fragment != "" {
		return "", fmt.Errorf("--base-url %q must not have a query or fragment", raw)
	}
	return strings.TrimRight(u, "/") + "/", nil
}

// Build builds the site for s into sink. It checks the day, the base URL
// and that every id can name a folder before it puts any file, and stops at
// the first file that cannot be rendered or put.
func Build(s *dataset.Set, o Options, sink Sink) error {
	o, err := check(s, o)
	if err != nil {
		return err
	}
	return buildChecked(s, o, sink)
}

// check returns o with its base URL in canonical form, or why s cannot be
// built: nothing may be written before it passes.
func check(s *dataset.Set, o Options) (Options, error) {
	if _, err := query.ParseDate(o.AsOf); err != nil {
		return o, fmt.Errorf("as-of date: %w", err)
	}
	base, err := CheckBaseURL(o.BaseURL)
	if err != nil {
		return o, err
	}
	o.BaseURL = base
	for _, it := range s.Items {
		if !safeSegment(it.ID) {
			return o, fmt.Errorf("%s: item id %q cannot name a page of the site; run 'strategy validate'", it.Path, it.ID)
		}
	}
	return o, nil
}

// buildChecked builds the checked site: each step puts its files as it renders
// them, and the sitemap, last, needs only their paths.
func buildChecked(s *dataset.Set, o Options, sink Sink) error {
	b := &builder{s: s, o: o, sink: sink, sum: summary.Compute(s, o.AsOf), statusName: report.StatusNames(s)}
	for _, step := range []func() error{b.pages, b.feeds, b.api, b.sitemap} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

type builder struct {
	s          *dataset.Set
	o          Options
	sum        *summary.Summary
	statusName func(string) string
	sink       Sink
	html       []string // the pages, for the sitemap
}

func (b *builder) add(path string, data []byte) error {
	if err := b.sink.Put(path, data); err != nil {
		return err
	}
	if strings.HasSuffix(path, ".html") && path != notFoundPage {
		b.html = append(b.html, path)
	}
	return nil
}

// Where things are. Pages are folders with an index.html, so that their
// URLs stay the same whatever serves them.
const (
	indexPage    = "index.html"
	notFoundPage = "404.html"
	feedFile     = "feed.xml"
	themesPage   = "themes/index.html"
	actorsPage   = "actors/index.html"
	plansPage    = "plans/index.html"
	apiDir       = "api/v1/"
)

func itemPage(id string) string  { return "items/" + id + "/index.html" }
func itemFeed(id string) string  { return "items/" + id + "/" + feedFile }
func themePage(id string) string { return "themes/" + id + "/index.html" }
func actorPage(id string) string { return "actors/" + id + "/index.html" }
func actorFeed(id string) string { return "actors/" + id + "/" + feedFile }

// rel is the link from the page at from to the file at to, both relative to
// the site's root. Links name index.html explicitly, so the site also works
// opened from a folder on disk, where a folder link shows a listing.
func rel(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

// pretty is a page's public URL path: its folder, without index.html.
func pretty(path string) string {
	if path == indexPage {
		return ""
	}
	return strings.TrimSuffix(path, indexPage)
}

// absolute is the public URL of path under the base URL, or "" without one.
func (b *builder) absolute(path string) string {
	if b.o.BaseURL == "" {
		return ""
	}
	return b.o.BaseURL + pretty(path)
}

// actorIDs are the registry's actors that can have a page, in registry order.
func (b *builder) actors() []dataset.Actor {
	if b.s.Registry == nil {
		return nil
	}
	var out []dataset.Actor
	seen := map[string]bool{}
	for _, a := range b.s.Registry.Actors {
		if safeSegment(a.ID) && !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

func (b *builder) themes() []dataset.Theme {
	if b.s.Strategy == nil {
		return nil
	}
	var out []dataset.Theme
	seen := map[string]bool{}
	for _, t := range b.s.Strategy.Themes {
		if safeSegment(t.ID) && !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, t)
		}
	}
	return out
}

// hasActorPage reports whether id has a page to link to.
func (b *builder) hasActorPage(id string) bool {
	return b.s.Actor(id) != nil && safeSegment(id)
}

// event is one progress event after launch, on or before the site's day,
// as the log now stands (a corrected entry carries its correction's status).
type event struct {
	Item   *dataset.Item
	Index  int // the entry's place in the item's log
	Entry  *dataset.Entry
	Status string
}

// events returns the progress events of items dated after the strategy was
// published and on or before AsOf, newest first by the day they entered
// the log (ties by date, item id, then log order): the entries of the
// feeds and of "what changed recently". Corrections are not events of their
// own (see [dataset.Item.Events]).
func (b *builder) events(items []*dataset.Item) []event {
	launch := ""
	if b.s.Strategy != nil {
		launch = b.s.Strategy.Published
	}
	var out []event
	for _, it := range items {
		index := make(map[*dataset.Entry]int, len(it.Progress))
		for i := range it.Progress {
			index[&it.Progress[i]] = i
		}
		for _, e := range it.Events() {
			// Dated events, as statuses count them: an event found late
			// counts from its own date, whenever it was recorded.
			if e.Date > launch && e.Date <= b.o.AsOf {
				out = append(out, event{Item: it, Index: index[e.Entry], Entry: e.Entry, Status: e.Status})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y event) int {
		return cmp.Or(cmp.Compare(y.Entry.RecordedOn(), x.Entry.RecordedOn()), cmp.Compare(y.Entry.Date, x.Entry.Date),
			cmp.Compare(x.Item.ID, y.Item.ID), cmp.Compare(x.Index, y.Index))
	})
	return out
}

func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}
