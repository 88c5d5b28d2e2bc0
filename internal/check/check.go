// Package check holds the rules a JSON Schema cannot express: references
// between files, unique ids, file names, date order, evidence behind every
// status, how much of the declared strategy the dataset covers, and whether
// the items contradict a published claim.
package check

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/suggest"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Options tunes the rules.
type Options struct {
	Today string // YYYY-MM-DD; progress dated after it is an error
}

// Run applies every cross-file rule to s and returns the findings, unsorted.
func Run(s *dataset.Set, opts Options) []finding.Finding {
	c := &checker{set: s, opts: opts}
	c.strategy()
	c.registry()
	c.items()
	c.coverage()
	c.claims()
	return c.out
}

type checker struct {
	set  *dataset.Set
	opts Options
	out  []finding.Finding
}

// place is where a finding points: the value at path in a file, or with
// onKey the key that holds it.
type place struct {
	file  string
	doc   *yamlnode.Doc
	onKey bool
	path  []string
}

func at(file string, doc *yamlnode.Doc, path ...string) place {
	return place{file: file, doc: doc, path: path}
}

func atKey(file string, doc *yamlnode.Doc, path ...string) place {
	return place{file: file, doc: doc, onKey: true, path: path}
}

// errorf, warnf and noticef add a finding at p; vet checks their formats.
func (c *checker) errorf(p place, rule, format string, args ...any) {
	c.add(p, finding.Error, rule, fmt.Sprintf(format, args...))
}

func (c *checker) warnf(p place, rule, format string, args ...any) {
	c.add(p, finding.Warning, rule, fmt.Sprintf(format, args...))
}

func (c *checker) noticef(p place, rule, format string, args ...any) {
	c.add(p, finding.Notice, rule, fmt.Sprintf(format, args...))
}

func (c *checker) add(p place, sev finding.Severity, rule, msg string) {
	f := finding.Finding{Path: p.file, Rule: rule, Severity: sev, Message: msg}
	if p.doc != nil {
		f.Place(p.doc, p.onKey, p.path...)
	}
	c.out = append(c.out, f)
}

func (c *checker) strategyPath() string {
	return dataset.Options{Display: c.set.Display}.Path(dataset.StrategyFile)
}
func (c *checker) actorsPath() string {
	return dataset.Options{Display: c.set.Display}.Path(dataset.ActorsFile)
}

func (c *checker) strategy() {
	st, doc := c.set.Strategy, c.set.StrategyDoc
	if st == nil {
		return
	}
	file := c.strategyPath()
	statuses := map[string]bool{}
	for i, s := range st.Statuses {
		if statuses[s.ID] {
			c.errorf(at(file, doc, "statuses", strconv.Itoa(i), "id"), "duplicate-id", "status %q is declared twice", s.ID)
		}
		statuses[s.ID] = true
	}
	if !statuses[st.LaunchStatus] {
		c.errorf(at(file, doc, "launch_status"), "unknown-status", "launch_status %q is not one of the declared statuses", st.LaunchStatus)
	}
	c.realDate(file, doc, st.Published, "published")
	// A date that is our inference must say what it was inferred from.
	for i, f := range st.Figures {
		if f.DateBasis == dataset.DateInferred && strings.TrimSpace(f.DateNote) == "" {
			c.errorf(at(file, doc, "figures", strconv.Itoa(i), "date_basis"), "missing-date-note", "an inferred date needs date_note: say what it was inferred from")
		}
	}
	for i, cl := range st.Claims {
		if cl.DateBasis == dataset.DateInferred && strings.TrimSpace(cl.DateNote) == "" {
			c.errorf(at(file, doc, "claims", strconv.Itoa(i), "date_basis"), "missing-date-note", "an inferred date needs date_note: say what it was inferred from")
		}
	}
	themes, prefixes := map[string]bool{}, map[string]bool{}
	for i, t := range st.Themes {
		ti := strconv.Itoa(i)
		if themes[t.ID] {
			c.errorf(at(file, doc, "themes", ti, "id"), "duplicate-id", "theme %q is declared twice", t.ID)
		}
		if prefixes[t.Prefix] {
			c.errorf(at(file, doc, "themes", ti, "prefix"), "duplicate-id", "theme prefix %q is used twice", t.Prefix)
		}
		themes[t.ID], prefixes[t.Prefix] = true, true
		areas := map[string]bool{}
		for j, a := range t.Areas {
			if areas[a.ID] {
				c.errorf(at(file, doc, "themes", ti, "areas", strconv.Itoa(j), "id"), "duplicate-id", "area %q is declared twice in theme %q", a.ID, t.ID)
			}
			areas[a.ID] = true
		}
	}
	for i, f := range st.Figures {
		c.realDate(file, doc, f.Date, "figures", strconv.Itoa(i), "date")
	}
	for i, cl := range st.Claims {
		ci := strconv.Itoa(i)
		c.realDate(file, doc, cl.Date, "claims", ci, "date")
		for j, s := range cl.Statuses {
			if !statuses[s] {
				c.errorf(at(file, doc, "claims", ci, "statuses", strconv.Itoa(j)), "unknown-status", "claim %q counts status %q, which is not declared", cl.ID, s)
			}
		}
		if cl.Measure == "status" && len(cl.Statuses) == 0 {
			c.errorf(atKey(file, doc, "claims", ci, "measure"), "missing-field", "claim %q measures status but lists no statuses", cl.ID)
		}
		if cl.Measure == "actor-type" && len(cl.ActorTypes) == 0 {
			c.errorf(atKey(file, doc, "claims", ci, "measure"), "missing-field", "claim %q measures actor type but lists no actor_types", cl.ID)
		}
	}
}

func (c *checker) registry() {
	reg, doc := c.set.Registry, c.set.RegistryDoc
	if reg == nil {
		return
	}
	file := c.actorsPath()
	types := map[string]bool{}
	for i, t := range reg.Types {
		if types[t.ID] {
			c.errorf(at(file, doc, "types", strconv.Itoa(i), "id"), "duplicate-id", "actor type %q is declared twice", t.ID)
		}
		types[t.ID] = true
	}
	ids := map[string]bool{}
	for i, a := range reg.Actors {
		ai := strconv.Itoa(i)
		if ids[a.ID] {
			c.errorf(at(file, doc, "actors", ai, "id"), "duplicate-id", "actor %q is declared twice", a.ID)
		}
		ids[a.ID] = true
		if !types[a.Type] {
			c.errorf(at(file, doc, "actors", ai, "type"), "unknown-actor-type", "actor %q has type %q, which is not one of the declared types", a.ID, a.Type)
		}
	}
}

// launchish marks evidence kinds that say something will happen, not that it
// has: never enough on their own for complete.
var announcementOnly = map[string]bool{"announcement": true}

func (c *checker) items() {
	// Duplicate ids are found by the loader, which keeps one file per id.
	for _, it := range c.set.Items {
		file, doc := it.Path, it.Doc
		base := path.Base(file)
		stem := strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
		if stem != it.ID && !strings.HasPrefix(stem, it.ID+"-") {
			c.errorf(at(file, doc, "id"), "file-name", "file name %s does not start with the item's id: rename it %s.yaml", base, it.ID)
		}
		c.itemTheme(it)
		c.itemActors(it)
		c.itemProgress(it)
		if it.Timescale.Due != "" {
			c.realDate(file, doc, it.Timescale.Due, "timescale", "due")
		}
	}
}

func (c *checker) itemTheme(it *dataset.Item) {
	if c.set.Strategy == nil {
		return
	}
	th := c.set.Theme(it.Theme)
	if th == nil {
		var ids []string
		for _, t := range c.set.Strategy.Themes {
			ids = append(ids, t.ID)
		}
		c.errorf(at(it.Path, it.Doc, "theme"), "unknown-theme", "theme %q is not declared in strategy.yaml (declared: %s)", it.Theme, strings.Join(ids, ", "))
		return
	}
	if prefix, _, _ := strings.Cut(it.ID, "-"); prefix != th.Prefix {
		c.errorf(at(it.Path, it.Doc, "id"), "id-prefix", "id %s is in theme %q, whose ids start with %s-", it.ID, th.ID, th.Prefix)
	}
	for _, a := range th.Areas {
		if a.ID == it.Area {
			return
		}
	}
	var ids []string
	for _, a := range th.Areas {
		ids = append(ids, a.ID)
	}
	c.errorf(at(it.Path, it.Doc, "area"), "unknown-area", "area %q is not declared under theme %q (declared: %s)", it.Area, th.ID, strings.Join(ids, ", "))
}

func (c *checker) itemActors(it *dataset.Item) {
	if c.set.Registry == nil {
		return
	}
	lead := map[string]bool{}
	for _, role := range []string{"lead", "partners"} {
		ids := it.Actors.Lead
		if role == "partners" {
			ids = it.Actors.Partners
		}
		for i, id := range ids {
			p := []string{"actors", role, strconv.Itoa(i)}
			if c.set.Actor(id) == nil {
				c.errorf(at(it.Path, it.Doc, p...), "unknown-actor", "actor %q is not in actors.yaml%s", id, actorHint(id, c.actorNames()))
			}
			if role == "lead" {
				lead[id] = true
			} else if lead[id] {
				c.warnf(at(it.Path, it.Doc, p...), "duplicate-actor", "actor %q is both lead and partner", id)
			}
		}
	}
}

// actorHint suggests the actor id meant, quoted as the unknown one is, by
// id, short name or full name: a slip of two letters ("dhcs"), an
// abbreviation ("nhse" for nhs-england) or a name ("Skills for Care").
func actorHint(id string, actors []suggest.Named) string {
	if near := suggest.ByName(id, actors); near != "" {
		return suggest.Hint(strconv.Quote(near))
	}
	return ""
}

func (c *checker) actorNames() []suggest.Named {
	var out []suggest.Named
	if c.set.Registry != nil {
		for _, a := range c.set.Registry.Actors {
			out = append(out, suggest.Named{ID: a.ID, Names: []string{a.Short, a.Name}})
		}
	}
	return out
}

func (c *checker) itemProgress(it *dataset.Item) {
	file, doc := it.Path, it.Doc
	if len(it.Progress) == 0 {
		return
	}
	st := c.set.Strategy
	if st != nil {
		first := it.Progress[0]
		if first.Date != st.Published {
			c.errorf(at(file, doc, "progress", "0", "date"), "launch-entry", "the first progress entry must record the launch state on %s, found %s", st.Published, first.Date)
		} else if first.Status != st.LaunchStatus {
			c.errorf(at(file, doc, "progress", "0", "status"), "launch-entry", "the launch entry's status must be %q, found %q", st.LaunchStatus, first.Status)
		}
	}
	// ordered is false once a date is unreadable or out of order: the log as
	// corrected cannot be built then, and rules on it would only echo that.
	prev, ordered := "", true
	for i, e := range it.Progress {
		ei := strconv.Itoa(i)
		okDate := c.realDate(file, doc, e.Date, "progress", ei, "date")
		ordered = ordered && okDate
		okRec := okDate
		if e.Recorded != "" {
			okRec = c.realDate(file, doc, e.Recorded, "progress", ei, "recorded")
			if okRec && okDate && e.Recorded < e.Date {
				c.errorf(at(file, doc, "progress", ei, "recorded"), "progress-order", "an entry is recorded on or after the day it happened: recorded %s is before its date %s", e.Recorded, e.Date)
			}
		}
		key := e.RecordedOn()
		if okRec && prev != "" && key < prev {
			field := "date"
			if e.Recorded != "" {
				field = "recorded"
			}
			c.errorf(at(file, doc, "progress", ei, field), "progress-order", "progress entries are in the order they were recorded: %s comes after %s (an event found late keeps its own date and adds recorded: with the day it is added)", key, prev)
			ordered = false
		}
		if okDate && c.opts.Today != "" && e.Date > c.opts.Today {
			c.errorf(at(file, doc, "progress", ei, "date"), "future-date", "progress is dated %s, after today (%s)", e.Date, c.opts.Today)
		}
		if okRec && e.Recorded != "" && c.opts.Today != "" && e.Recorded > c.opts.Today {
			c.errorf(at(file, doc, "progress", ei, "recorded"), "future-date", "progress is recorded on %s, after today (%s)", e.Recorded, c.opts.Today)
		}
		if okRec {
			prev = key
		}
		if e.Correction != nil {
			c.correction(it, i)
			continue
		}
		if i > 0 && okDate && st != nil && e.Date < st.Published {
			c.errorf(at(file, doc, "progress", ei, "date"), "before-launch", "progress is dated %s, before the strategy was published on %s", e.Date, st.Published)
			ordered = false
		}
		if i > 0 && e.Evidence == nil {
			c.errorf(atKey(file, doc, "progress", ei), "missing-evidence", "progress entry %s has no evidence: every change after launch cites a dated public source", e.Date)
		}
		if e.Status == "complete" && e.Evidence != nil && announcementOnly[e.Evidence.Kind] {
			c.errorf(at(file, doc, "progress", ei, "evidence", "kind"), "weak-evidence", "complete is never backed by an announcement alone: cite what was delivered")
		}
	}
	if !ordered {
		return
	}
	c.regressions(it)
	events := it.Events()
	if len(events) == 0 {
		return
	}
	// A misspelt status ("in progress") is the schema's invalid-value
	// finding, with its did-you-mean; a mismatch on top would only bury it.
	if last := events[len(events)-1]; it.Status != last.Status && strings.NewReplacer(" ", "-", "_", "-").Replace(strings.TrimSpace(it.Status)) != last.Status {
		log := "the progress log"
		if slices.ContainsFunc(it.Progress, func(e dataset.Entry) bool { return e.Correction != nil }) {
			log += ", as corrected,"
		}
		c.errorf(at(file, doc, "status"), "status-mismatch", "status is %q but %s ends at %q (%s)", it.Status, log, last.Status, last.Date)
	}
}

// correction checks the entry at index i, which corrects an earlier one: it
// names exactly one earlier entry, other than the launch state and other
// than a correction, that nothing else corrects, and changes its status.
func (c *checker) correction(it *dataset.Item, i int) {
	file, doc, e := it.Path, it.Doc, it.Progress[i]
	ei := strconv.Itoa(i)
	target := e.Correction.Corrects
	var matches []int
	for j := range i {
		if it.Progress[j].Date == target && it.Progress[j].Correction == nil {
			matches = append(matches, j)
		}
	}
	switch {
	case len(matches) == 0:
		var dates []string
		for j := 1; j < i; j++ {
			if it.Progress[j].Correction == nil {
				dates = append(dates, it.Progress[j].Date)
			}
		}
		hint := "it has no earlier entry to correct"
		if len(dates) > 0 {
			hint = "entries that can be corrected: " + strings.Join(dates, ", ")
		}
		c.errorf(at(file, doc, "progress", ei, "correction", "corrects"), "bad-correction", "the correction names no earlier entry dated %s (%s)", target, hint)
		return
	case len(matches) > 1:
		c.errorf(at(file, doc, "progress", ei, "correction", "corrects"), "bad-correction", "%d earlier entries are dated %s, so the correction cannot say which it corrects", len(matches), target)
		return
	case matches[0] == 0:
		c.errorf(at(file, doc, "progress", ei, "correction", "corrects"), "bad-correction", "the launch entry records the state on publication and is not corrected")
		return
	}
	for j := range i {
		if o := it.Progress[j].Correction; o != nil && o.Corrects == target {
			c.errorf(at(file, doc, "progress", ei, "correction", "corrects"), "bad-correction", "the entry of %s is already corrected by the entry recorded on %s", target, it.Progress[j].Date)
			return
		}
	}
	if orig := it.Progress[matches[0]]; orig.Status == e.Status {
		c.errorf(at(file, doc, "progress", ei, "status"), "bad-correction", "the correction gives the status the entry of %s already has (%s): give the status that should have stood", target, e.Status)
	}
}

// regressions reports a status that moves back along the log as corrected:
// only a correction may undo a move.
func (c *checker) regressions(it *dataset.Item) {
	rank := map[string]int{}
	if st := c.set.Strategy; st != nil {
		for i, s := range st.Statuses {
			rank[s.ID] = i
		}
	}
	prev := ""
	for _, e := range it.Events() {
		r, ok := rank[e.Status]
		p, okPrev := rank[prev]
		if ok && okPrev && r < p {
			i := 0
			for j := range it.Progress {
				if &it.Progress[j] == e.Entry {
					i = j
				}
			}
			c.errorf(at(it.Path, it.Doc, "progress", strconv.Itoa(i), "status"), "status-regress", "the status moves back from %s to %s on %s: a status moves back only by a correction (add an entry with correction: {corrects: DATE, reason: ...} naming the entry that was wrong)", prev, e.Status, e.Date)
		}
		if ok {
			prev = e.Status
		}
	}
}

// realDate reports a YYYY-MM-DD string that names no calendar day.
func (c *checker) realDate(file string, doc *yamlnode.Doc, s string, p ...string) bool {
	if s == "" {
		return false
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		if len(s) == 10 {
			c.errorf(at(file, doc, p...), "invalid-date", "%q is not a real calendar date", s)
		}
		return false // malformed dates are the schema's to report
	}
	return true
}

func (c *checker) coverage() {
	st := c.set.Strategy
	if st == nil {
		return
	}
	n, declared := len(c.set.Items), st.DeclaredItems
	switch {
	case n > declared:
		c.errorf(at(c.strategyPath(), c.set.StrategyDoc, "declared_items"), "coverage", "%d items are present but the strategy declares only %d", n, declared)
	case n < declared:
		// Information, not a fault: it stays true until the dataset is
		// complete, so it must not fail --strict.
		c.noticef(at(c.strategyPath(), c.set.StrategyDoc, "declared_items"), "coverage", "%d of the %d declared items are present", n, declared)
	}
}
