// Package change compares two states of the dataset, as reviewers of a pull
// request need: which items were added or removed, which moved status and on
// what evidence, which other fields changed, what that does to the headline
// figure, and whether any progress log was rewritten rather than appended to.
package change

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/summary"
)

// Report is what changed between a base and a head dataset.
type Report struct {
	Base     string `json:"base"`
	Head     string `json:"head"`
	Declared int    `json:"declared"` // items the strategy declares (head)
	Before   int    `json:"before"`   // items in progress or complete at base
	After    int    `json:"after"`    // items in progress or complete at head
	// Items present in the dataset at base and head: while fewer than
	// Declared, the headline figure for the whole strategy is a range.
	PresentBefore int        `json:"present_before"`
	PresentAfter  int        `json:"present_after"`
	Added         []ItemRef  `json:"added"`
	Removed       []ItemRef  `json:"removed"`
	Progress      []Progress `json:"progress"`
	Fields        []Field    `json:"fields"`

	tallyBefore, tallyAfter summary.Tally // the counts behind the ranges
}

// ItemRef names an item.
type ItemRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
}

// Progress is an item whose log grew or whose status moved: From and To are
// its status at base and head, Entry the newest entry added.
type Progress struct {
	ID      string         `json:"id"`
	Title   string         `json:"title"`
	From    string         `json:"from"`
	To      string         `json:"to"`
	Added   int            `json:"entries_added"`
	Entry   *dataset.Entry `json:"entry,omitempty"`
	Rewrote bool           `json:"rewrote_history"` // earlier entries changed: see [AppendOnly]
}

// Moved reports whether the status changed.
func (p Progress) Moved() bool { return p.From != p.To }

// Field is a change to one other field of an item.
type Field struct {
	ID    string `json:"id"`
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// Empty reports whether nothing changed.
func (r Report) Empty() bool {
	return len(r.Added)+len(r.Removed)+len(r.Progress)+len(r.Fields) == 0
}

// Counted says whether a status counts towards the headline figure.
func Counted(status string) bool { return status == "in-progress" || status == "complete" }

// Compare reports what changed from base to head.
func Compare(base, head *dataset.Set, baseLabel, headLabel string) Report {
	r := Report{Base: baseLabel, Head: headLabel, Declared: head.Declared(),
		PresentBefore: len(base.Items), PresentAfter: len(head.Items),
		Added: []ItemRef{}, Removed: []ItemRef{}, Progress: []Progress{}, Fields: []Field{}}
	old := map[string]*dataset.Item{}
	for _, it := range base.Items {
		old[it.ID] = it
		if Counted(it.Status) {
			r.Before++
		}
		r.tallyBefore.Add(it, Counted(it.Status), true)
	}
	seen := map[string]bool{}
	for _, it := range head.Items {
		if Counted(it.Status) {
			r.After++
		}
		r.tallyAfter.Add(it, Counted(it.Status), true)
		seen[it.ID] = true
		b := old[it.ID]
		if b == nil {
			r.Added = append(r.Added, ItemRef{it.ID, it.Title, it.Status})
			continue
		}
		if p, ok := progress(b, it); ok {
			r.Progress = append(r.Progress, p)
		}
		r.Fields = append(r.Fields, fields(b, it)...)
	}
	for _, it := range base.Items {
		if !seen[it.ID] {
			r.Removed = append(r.Removed, ItemRef{it.ID, it.Title, it.Status})
		}
	}
	return r
}

func progress(b, h *dataset.Item) (Progress, bool) {
	p := Progress{ID: h.ID, Title: h.Title, From: b.Status, To: h.Status}
	p.Rewrote = prefixChanged(b.Progress, h.Progress) >= 0
	if n := len(h.Progress) - len(b.Progress); n > 0 {
		p.Added = n
		e := h.Progress[len(h.Progress)-1]
		p.Entry = &e
	}
	return p, p.Moved() || p.Added > 0 || p.Rewrote
}

// prefixChanged returns the index of the first base entry that head no longer
// holds unchanged, or -1 when head only appends.
func prefixChanged(base, head []dataset.Entry) int {
	if len(entryProblems(base, head)) == 0 {
		return -1
	}
	for i, e := range base {
		if i >= len(head) || !sameEntry(e, head[i]) {
			return i
		}
	}
	return len(base)
}

func sameEntry(a, b dataset.Entry) bool {
	if (a.Evidence == nil) != (b.Evidence == nil) {
		return false
	}
	if a.Evidence != nil && *a.Evidence != *b.Evidence {
		return false
	}
	if (a.Correction == nil) != (b.Correction == nil) {
		return false
	}
	if a.Correction != nil && *a.Correction != *b.Correction {
		return false
	}
	a.Evidence, b.Evidence = nil, nil
	a.Correction, b.Correction = nil, nil
	return a == b
}

// entryKey is what identifies a progress entry across versions: its date,
// status and evidence. Entries are matched by it, not by position, so that
// deleting the third of four entries is reported as that entry deleted, not
// as the third differing and the fourth deleted.
func entryKey(e dataset.Entry) string {
	url := ""
	if e.Evidence != nil {
		url = e.Evidence.URL
	}
	return e.Date + "\x00" + e.Status + "\x00" + url
}

// entryProblem is one base entry that head edited or deleted, or one head
// entry inserted among entries base already held.
type entryProblem struct {
	base, head int      // indexes; -1 when absent
	fields     []string // for an edit: what changed
}

// entryProblems matches base's entries to head's, in order, by identity
// (date, status, evidence); a base entry left over is matched to a left-over
// head entry as an edit, and otherwise was deleted.
func entryProblems(base, head []dataset.Entry) []entryProblem {
	pair := make([]int, len(base))
	used := make([]bool, len(head))
	next := 0
	for i, e := range base {
		pair[i] = -1
		for k := next; k < len(head); k++ {
			if !used[k] && entryKey(head[k]) == entryKey(e) {
				pair[i], used[k], next = k, true, k+1
				break
			}
		}
	}
	// A base entry left over was edited if head holds one left over that
	// shares its date, else its evidence, else its place in the log.
	evidenceURL := func(e dataset.Entry) string {
		if e.Evidence == nil {
			return ""
		}
		return e.Evidence.URL
	}
	for _, same := range []func(i, k int) bool{
		func(i, k int) bool { return head[k].Date == base[i].Date },
		func(i, k int) bool { return evidenceURL(base[i]) != "" && evidenceURL(head[k]) == evidenceURL(base[i]) },
		func(i, k int) bool { return k == i },
	} {
		for i := range base {
			if pair[i] >= 0 {
				continue
			}
			for k := range head {
				if !used[k] && same(i, k) {
					pair[i], used[k] = k, true
					break
				}
			}
		}
	}
	var out []entryProblem
	last := -1
	for i, k := range pair {
		switch {
		case k < 0:
			out = append(out, entryProblem{base: i, head: -1})
		case !sameEntry(base[i], head[k]):
			out = append(out, entryProblem{base: i, head: k, fields: entryFields(base[i], head[k])})
		}
		last = max(last, k)
	}
	for k := 0; k < last; k++ {
		if !used[k] {
			out = append(out, entryProblem{base: -1, head: k})
		}
	}
	return out
}

// entryFields names the fields that differ between two versions of an entry.
func entryFields(a, b dataset.Entry) []string {
	var out []string
	add := func(name, x, y string) {
		if x != y {
			out = append(out, name)
		}
	}
	add("date", a.Date, b.Date)
	add("date_precision", a.DatePrecision, b.DatePrecision)
	add("recorded", a.Recorded, b.Recorded)
	add("status", a.Status, b.Status)
	add("note", a.Note, b.Note)
	var ea, eb dataset.Evidence
	if a.Evidence != nil {
		ea = *a.Evidence
	}
	if b.Evidence != nil {
		eb = *b.Evidence
	}
	if (a.Evidence == nil) != (b.Evidence == nil) {
		out = append(out, "evidence")
	} else {
		add("evidence.kind", ea.Kind, eb.Kind)
		add("evidence.url", ea.URL, eb.URL)
		add("evidence.link", ea.Link, eb.Link)
		add("evidence.title", ea.Title, eb.Title)
	}
	var ca, cb dataset.Correction
	if a.Correction != nil {
		ca = *a.Correction
	}
	if b.Correction != nil {
		cb = *b.Correction
	}
	if (a.Correction == nil) != (b.Correction == nil) || ca != cb {
		out = append(out, "correction")
	}
	return out
}

// describe names an entry so that a reader can find it: its date and status,
// and its evidence when it has some.
func describe(e dataset.Entry) string {
	d := fmt.Sprintf("%s, %s", e.Date, e.Status)
	if e.Evidence != nil && e.Evidence.URL != "" {
		d += ", evidence " + e.Evidence.URL
	}
	return d
}

func fields(b, h *dataset.Item) []Field {
	type pair struct{ name, from, to string }
	pairs := []pair{
		{"title", b.Title, h.Title},
		{"summary", b.Summary, h.Summary},
		{"kind", b.Kind, h.Kind},
		{"theme", b.Theme, h.Theme},
		{"theme_basis", b.ThemeBasis, h.ThemeBasis},
		{"area", b.Area, h.Area},
		{"actors.lead", list(b.Actors.Lead), list(h.Actors.Lead)},
		{"actors.partners", list(b.Actors.Partners), list(h.Actors.Partners)},
		{"timescale.stated", b.Timescale.Stated, h.Timescale.Stated},
		{"timescale.due", b.Timescale.Due, h.Timescale.Due},
		{"wording", b.Wording, h.Wording},
		{"sources", sources(b.Sources), sources(h.Sources)},
		{"notes", b.Notes, h.Notes},
	}
	var out []Field
	for _, p := range pairs {
		if p.from != p.to {
			out = append(out, Field{h.ID, p.name, p.from, p.to})
		}
	}
	return out
}

func list(s []string) string { return strings.Join(s, ", ") }

func sources(ss []dataset.Source) string {
	var urls []string
	for _, s := range ss {
		urls = append(urls, s.URL)
	}
	return strings.Join(urls, ", ")
}

// AppendOnly reports every progress entry present at base that head edits or
// deletes, located in head's file: progress logs only grow, so that what was
// claimed on a date stays on record.
func AppendOnly(base, head *dataset.Set, baseLabel string) []finding.Finding {
	now := map[string]*dataset.Item{}
	for _, it := range head.Items {
		now[it.ID] = it
	}
	var out []finding.Finding
	for _, b := range base.Items {
		h := now[b.ID]
		if h == nil {
			// Ids never change and items are never removed: a deleted
			// file, or one renamed to a new id with its log rewritten,
			// would take recorded progress out of every figure.
			out = append(out, finding.Finding{Path: b.Path, Rule: "append-only", Severity: finding.Error,
				Message: fmt.Sprintf("item %s was removed since %s, and its progress log with it: ids never change and items stay; restore the file", b.ID, baseLabel)})
			continue
		}
		for _, p := range entryProblems(b.Progress, h.Progress) {
			f := finding.Finding{Path: h.Path, Rule: "append-only", Severity: finding.Error}
			loc := []string{"progress"}
			switch {
			case p.base < 0:
				e := h.Progress[p.head]
				loc = append(loc, strconv.Itoa(p.head))
				f.Message = fmt.Sprintf("progress entry (%s) was inserted among entries already recorded at %s: progress logs are append-only; move it to the end of the log", describe(e), baseLabel)
			case p.head < 0:
				e := b.Progress[p.base]
				f.Message = fmt.Sprintf("progress entry %d of %s (%s) was deleted: progress logs are append-only; restore it", p.base+1, baseLabel, describe(e))
			default:
				e := b.Progress[p.base]
				loc = append(loc, strconv.Itoa(p.head))
				f.Message = fmt.Sprintf("progress entry %d of %s (%s) was edited: %s changed; progress logs are append-only: restore it and add a new entry instead",
					p.base+1, baseLabel, describe(e), strings.Join(p.fields, ", "))
			}
			if h.Doc != nil {
				f.Place(h.Doc, true, loc...)
			}
			out = append(out, f)
		}
	}
	finding.Sort(out)
	return out
}

// Headline is the one-line effect on the headline figure: with every
// declared item present, "in progress or complete: 28/56 -> 30/56";
// otherwise the counts among the items present and the range each stands
// for among all declared, "in progress or complete: 9/31 present -> 10/31
// present (16-61% -> 18-63% of the 56 declared)".
func (r Report) Headline() string {
	if r.PresentBefore-r.tallyBefore.Unconfirmed >= r.Declared && r.PresentAfter-r.tallyAfter.Unconfirmed >= r.Declared {
		return fmt.Sprintf("in progress or complete: %d/%d -> %d/%d", r.Before, r.Declared, r.After, r.Declared)
	}
	// Items that may not be among the declared ones bound nothing.
	span := func(t summary.Tally) string {
		low, high := t.Bounds(r.Declared)
		if low == high {
			return fmt.Sprintf("%d%%", low.Percent())
		}
		return fmt.Sprintf("%d-%d%%", low.PercentFloor(), high.PercentCeil())
	}
	return fmt.Sprintf("in progress or complete: %d/%d present -> %d/%d present (%s -> %s of the %d declared)",
		r.Before, r.PresentBefore, r.After, r.PresentAfter,
		span(summary.Tally{Present: r.PresentBefore, N: r.Before, Unconfirmed: r.tallyBefore.Unconfirmed, UnconfirmedN: r.tallyBefore.UnconfirmedN}),
		span(summary.Tally{Present: r.PresentAfter, N: r.After, Unconfirmed: r.tallyAfter.Unconfirmed, UnconfirmedN: r.tallyAfter.UnconfirmedN}),
		r.Declared)
}

// Moves summarises status moves by target status, e.g. "2 items moved to
// in progress, 1 to complete"; "no status changes" when none moved.
func (r Report) Moves() string {
	counts := map[string]int{}
	var order []string
	for _, p := range r.Progress {
		if !p.Moved() {
			continue
		}
		if counts[p.To] == 0 {
			order = append(order, p.To)
		}
		counts[p.To]++
	}
	if len(order) == 0 {
		return "no status changes"
	}
	rank := map[string]int{"not-started": 0, "in-progress": 1, "complete": 2}
	slices.SortStableFunc(order, func(a, b string) int { return rank[a] - rank[b] })
	var parts []string
	for i, s := range order {
		words := strings.ReplaceAll(s, "-", " ")
		if i == 0 {
			item := "items"
			if counts[s] == 1 {
				item = "item"
			}
			parts = append(parts, fmt.Sprintf("%d %s moved to %s", counts[s], item, words))
		} else {
			parts = append(parts, fmt.Sprintf("%d to %s", counts[s], words))
		}
	}
	return strings.Join(parts, ", ")
}
