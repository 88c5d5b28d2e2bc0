package query

import (
	"cmp"
	"slices"

	"github.com/open-workforce/strategy/internal/dataset"
)

// Event is what one item's log recorded on one day: a day with several
// entries is one event, so a reader gets one line per item per date.
type Event struct {
	Date string
	Item *dataset.Item
	// From and To are the item's status at the end of the day before and
	// of the day itself; From is "" when the log starts on Date.
	From, To string
	// Evidence is the newest evidence recorded that day, or nil.
	Evidence *dataset.Evidence
	Note     string // the day's last note
}

// Moved reports whether the status changed that day.
func (e Event) Moved() bool { return e.From != e.To }

// Events returns what the items' logs recorded after since and on or before
// asOf (both YYYY-MM-DD; since "" means from the start), newest first, then
// by item id. Entries come from [dataset.Item.Events] and statuses from
// [dataset.Item.StatusOn], so they are the ones every other figure uses.
func Events(items []*dataset.Item, since, asOf string) []Event {
	var out []Event
	for _, it := range items {
		var ev *Event
		// The log as it now stands: corrections apply to the entries they
		// correct and are not events of their own.
		for _, e := range it.Events() {
			if e.Date <= since || e.Date > asOf {
				continue
			}
			if ev == nil || ev.Date != e.Date {
				if ev != nil {
					out = append(out, *ev)
				}
				ev = &Event{Date: e.Date, Item: it}
				if before, err := Add(e.Date, "1d", -1); err == nil {
					ev.From = Status(it, before)
				}
				ev.To = Status(it, e.Date)
			}
			if e.Evidence != nil {
				ev.Evidence = e.Evidence
			}
			if e.Note != "" {
				ev.Note = e.Note
			}
		}
		if ev != nil {
			out = append(out, *ev)
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.Item.ID, b.Item.ID))
	})
	return out
}

// Overdue reports whether the item was past its due date and not complete
// on date.
func Overdue(it *dataset.Item, date string) bool {
	due := it.Timescale.Due
	return due != "" && due < date && Status(it, date) != Complete
}
