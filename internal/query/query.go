// Package query selects and orders the items of a dataset: the filters behind
// `strategy list` and the report pages. Everything is computed as of a date,
// so an item's status is the one its progress log recorded on that day, not
// the one in its file today.
package query

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/open-workforce/strategy/internal/dataset"
)

// Filter says which items to keep. Empty fields do not filter. Fields that
// take several values match any of them (OR); fields combine with AND.
type Filter struct {
	Themes     []string // theme ids, aliases or id prefixes (AR, TR), any case
	Actors     []string // actor ids or short names (DHSC), lead or partner
	LeadOnly   bool     // match Actors against leads only
	ActorTypes []string // derived actor types: government-only, government-with-sector, sector-only, unknown
	Statuses   []string // statuses as of AsOf
	Kinds      []string // recommendation, commitment, not-stated
	// Memberships: listed, reported, drafted
	Memberships []string
	Areas       []string // sub-area ids
	DueBefore   string   // YYYY-MM-DD: due date strictly before this day
	DueWithin   string   // duration such as 90d, 6w, 6mo, 1y: due from AsOf up to AsOf plus this
	Overdue     bool     // due before AsOf and not complete as of AsOf
	Stale       string   // duration: no evidence recorded in this long before AsOf
	Search      string   // case-insensitive text in the title or summary
	AsOf        string   // YYYY-MM-DD; required: the day statuses are read on
}

// Sort keys accepted by [Sort].
var SortKeys = []string{"id", "due", "status", "theme"}

// Memberships lists how sure an item can be of being one of the declared
// items, surest first.
var Memberships = []string{dataset.Listed, dataset.Reported, dataset.Drafted}

// Kinds lists the item kinds the schema allows.
var Kinds = []string{"recommendation", "commitment", "not-stated"}

// Complete is the status that ends an item; overdue items are not in it.
const Complete = "complete"

// Status returns the item's status as of date, or "" when its log starts later.
func Status(it *dataset.Item, date string) string {
	s, _ := it.StatusOn(date)
	return s
}

// LastEvidenceOn returns the date of the newest entry with evidence on or
// before date, or "".
func LastEvidenceOn(it *dataset.Item, date string) string {
	last := ""
	for _, e := range it.Events() {
		if e.Date > date {
			break
		}
		if e.Evidence != nil {
			last = e.Date
		}
	}
	return last
}

// Select returns the items of s that pass f, in id order. An unknown theme,
// actor, status, kind, area or actor type, or a malformed date or duration,
// is an error that lists the valid values.
func Select(s *dataset.Set, f Filter) ([]*dataset.Item, error) {
	m, err := compile(s, f)
	if err != nil {
		return nil, err
	}
	var out []*dataset.Item
	for _, it := range s.Items {
		if m.match(it) {
			out = append(out, it)
		}
	}
	return out, nil
}

type matcher struct {
	f                  Filter
	themes, actors     map[string]bool
	types, statuses    map[string]bool
	kinds, areas       map[string]bool
	memberships        map[string]bool
	dueFrom, dueTo     string // inclusive range for DueWithin
	staleBefore        string // evidence older than this day is stale
	search             string
	dueBefore, overdue bool
}

func compile(s *dataset.Set, f Filter) (*matcher, error) {
	if _, err := ParseDate(f.AsOf); err != nil {
		return nil, fmt.Errorf("as-of date: %w", err)
	}
	m := &matcher{f: f, search: strings.ToLower(strings.TrimSpace(f.Search))}
	var err error
	if m.themes, err = resolve("theme", f.Themes, ThemeNames(s), func(v string) string { return ResolveTheme(s, v) }); err != nil {
		return nil, err
	}
	if m.actors, err = resolve("actor", f.Actors, ActorIDs(s), func(v string) string { return ResolveActor(s, v) }); err != nil {
		return nil, err
	}
	if m.types, err = resolve("actor type", f.ActorTypes, dataset.ActorTypes, exact(dataset.ActorTypes)); err != nil {
		return nil, err
	}
	statuses := StatusIDs(s)
	if m.statuses, err = resolve("status", f.Statuses, statuses, exact(statuses)); err != nil {
		return nil, err
	}
	if m.kinds, err = resolve("kind", f.Kinds, Kinds, exact(Kinds)); err != nil {
		return nil, err
	}
	if m.memberships, err = resolve("membership", f.Memberships, Memberships, exact(Memberships)); err != nil {
		return nil, err
	}
	areas := AreaIDs(s)
	if m.areas, err = resolve("area", f.Areas, areas, exact(areas)); err != nil {
		return nil, err
	}
	if f.DueBefore != "" {
		if _, err := ParseDate(f.DueBefore); err != nil {
			return nil, fmt.Errorf("due-before date: %w", err)
		}
		m.dueBefore = true
	}
	if f.DueWithin != "" {
		to, err := Add(f.AsOf, f.DueWithin, 1)
		if err != nil {
			return nil, fmt.Errorf("due-within: %w", err)
		}
		m.dueFrom, m.dueTo = f.AsOf, to
	}
	if f.Stale != "" {
		before, err := Add(f.AsOf, f.Stale, -1)
		if err != nil {
			return nil, fmt.Errorf("stale: %w", err)
		}
		m.staleBefore = before
	}
	m.overdue = f.Overdue
	return m, nil
}

func (m *matcher) match(it *dataset.Item) bool {
	f := m.f
	status := Status(it, f.AsOf)
	due := it.Timescale.Due
	switch {
	case m.themes != nil && !m.themes[it.Theme],
		m.types != nil && !m.types[it.ActorType],
		m.statuses != nil && !m.statuses[status],
		m.kinds != nil && !m.kinds[it.Kind],
		m.memberships != nil && !m.memberships[it.Membership],
		m.areas != nil && !m.areas[it.Area],
		m.actors != nil && !m.hasActor(it),
		m.dueBefore && (due == "" || due >= f.DueBefore),
		m.dueTo != "" && (due == "" || due < m.dueFrom || due > m.dueTo),
		m.overdue && (due == "" || due >= f.AsOf || status == Complete),
		m.staleBefore != "" && !m.stale(it),
		m.search != "" && !strings.Contains(strings.ToLower(it.Title+"\n"+it.Summary), m.search):
		return false
	}
	return true
}

func (m *matcher) hasActor(it *dataset.Item) bool {
	ids := it.Actors.Lead
	if !m.f.LeadOnly {
		ids = it.AllActors()
	}
	for _, id := range ids {
		if m.actors[id] {
			return true
		}
	}
	return false
}

// stale reports an item whose newest evidence, or its launch entry when it has
// none, is older than the stale cut-off.
func (m *matcher) stale(it *dataset.Item) bool {
	if len(it.Progress) == 0 || it.Progress[0].Date > m.f.AsOf {
		return false
	}
	last := LastEvidenceOn(it, m.f.AsOf)
	if last == "" {
		last = it.Progress[0].Date
	}
	return last < m.staleBefore
}

// resolve maps each wanted value through canon; "" from canon means unknown.
// It returns nil when nothing is wanted, so the filter is skipped.
func resolve(what string, wanted []string, valid []string, canon func(string) string) (map[string]bool, error) {
	if len(wanted) == 0 {
		return nil, nil
	}
	out := map[string]bool{}
	for _, w := range wanted {
		id := canon(strings.TrimSpace(w))
		if id == "" {
			return nil, fmt.Errorf("unknown %s %q: valid values are %s", what, w, strings.Join(valid, ", "))
		}
		out[id] = true
	}
	return out, nil
}

func exact(valid []string) func(string) string {
	return func(v string) string {
		for _, id := range valid {
			if strings.EqualFold(id, v) {
				return id
			}
		}
		return ""
	}
}

// ResolveTheme returns the theme id that v names: an id, an alias or an id
// prefix, in any case; "" when none does.
func ResolveTheme(s *dataset.Set, v string) string {
	if s.Strategy == nil {
		return ""
	}
	for _, t := range s.Strategy.Themes {
		if strings.EqualFold(t.ID, v) || strings.EqualFold(t.Prefix, v) {
			return t.ID
		}
		for _, a := range t.Aliases {
			if strings.EqualFold(a, v) {
				return t.ID
			}
		}
	}
	return ""
}

// ResolveActor returns the actor id that v names, by id or short name in any
// case; "" when none does.
func ResolveActor(s *dataset.Set, v string) string {
	if s.Registry == nil {
		return ""
	}
	for _, a := range s.Registry.Actors {
		if strings.EqualFold(a.ID, v) || strings.EqualFold(a.Short, v) {
			return a.ID
		}
	}
	return ""
}

// ThemeNames lists theme ids with their aliases and prefix, for messages.
func ThemeNames(s *dataset.Set) []string {
	if s.Strategy == nil {
		return nil
	}
	var out []string
	for _, t := range s.Strategy.Themes {
		names := append([]string{t.Prefix}, t.Aliases...)
		out = append(out, fmt.Sprintf("%s (%s)", t.ID, strings.Join(names, ", ")))
	}
	return out
}

// ThemeIDs lists the declared theme ids in order.
func ThemeIDs(s *dataset.Set) []string {
	if s.Strategy == nil {
		return nil
	}
	var out []string
	for _, t := range s.Strategy.Themes {
		out = append(out, t.ID)
	}
	return out
}

// ActorIDs lists the registry's actor ids in order.
func ActorIDs(s *dataset.Set) []string {
	if s.Registry == nil {
		return nil
	}
	var out []string
	for _, a := range s.Registry.Actors {
		out = append(out, a.ID)
	}
	return out
}

// StatusIDs lists the declared statuses in order, or the schema's three when
// the metadata is unusable.
func StatusIDs(s *dataset.Set) []string {
	if s.Strategy == nil || len(s.Strategy.Statuses) == 0 {
		return []string{"not-started", "in-progress", Complete}
	}
	var out []string
	for _, st := range s.Strategy.Statuses {
		out = append(out, st.ID)
	}
	return out
}

// AreaIDs lists every declared sub-area id once, in declaration order.
func AreaIDs(s *dataset.Set) []string {
	if s.Strategy == nil {
		return nil
	}
	var out []string
	for _, t := range s.Strategy.Themes {
		for _, a := range t.Areas {
			if !slices.Contains(out, a.ID) {
				out = append(out, a.ID)
			}
		}
	}
	return out
}

// Sort orders items in place by key (one of [SortKeys]), then by id. Items
// without a due date sort last by due; statuses sort in declared order.
func Sort(s *dataset.Set, items []*dataset.Item, key, asOf string) error {
	var by func(a, b *dataset.Item) int
	switch key {
	case "", "id":
		by = func(a, b *dataset.Item) int { return 0 }
	case "due":
		by = func(a, b *dataset.Item) int {
			da, db := a.Timescale.Due, b.Timescale.Due
			if (da == "") != (db == "") {
				return cmp.Compare(len(db), len(da)) // missing due dates last
			}
			return cmp.Compare(da, db)
		}
	case "status":
		order := StatusIDs(s)
		rank := func(it *dataset.Item) int {
			i := slices.Index(order, Status(it, asOf))
			if i < 0 {
				return len(order)
			}
			return i
		}
		by = func(a, b *dataset.Item) int { return cmp.Compare(rank(a), rank(b)) }
	case "theme":
		order := ThemeIDs(s)
		by = func(a, b *dataset.Item) int {
			return cmp.Compare(slices.Index(order, a.Theme), slices.Index(order, b.Theme))
		}
	default:
		return fmt.Errorf("unknown sort key %q: valid values are %s", key, strings.Join(SortKeys, ", "))
	}
	slices.SortStableFunc(items, func(a, b *dataset.Item) int {
		return cmp.Or(by(a, b), cmp.Compare(a.ID, b.ID))
	})
	return nil
}

// ParseDate checks a YYYY-MM-DD calendar date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD", s)
	}
	return t, nil
}

// Add moves date by a duration such as 90d, 6w, 6mo or 1y, forwards (sign 1)
// or backwards (sign -1), and returns the new YYYY-MM-DD.
func Add(date, duration string, sign int) (string, error) {
	t, err := ParseDate(date)
	if err != nil {
		return "", err
	}
	n, unit, err := ParseDuration(duration)
	if err != nil {
		return "", err
	}
	n *= sign
	switch unit {
	case "d":
		t = t.AddDate(0, 0, n)
	case "w":
		t = t.AddDate(0, 0, 7*n)
	case "mo":
		t = t.AddDate(0, n, 0)
	case "y":
		t = t.AddDate(n, 0, 0)
	}
	return t.Format(time.DateOnly), nil
}

// ParseDuration splits a calendar duration such as 90d, 6w, 6mo or 1y into
// its count and unit (d, w, mo, y).
func ParseDuration(s string) (int, string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, unit := range []string{"mo", "d", "w", "y"} {
		num, ok := strings.CutSuffix(s, unit)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 0 || n > 100000 {
			break
		}
		return n, unit, nil
	}
	return 0, "", fmt.Errorf("%q is not a duration: use a whole number and d, w, mo or y, e.g. 90d, 6mo, 1y", s)
}
