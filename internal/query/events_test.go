package query

import (
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

func TestEventsOneLinePerItemPerDate(t *testing.T) {
	ev := &dataset.Evidence{Kind: "announcement", URL: "https://example.org/b"}
	it := &dataset.Item{ID: "AR-01", Progress: []dataset.Entry{
		{Date: "2024-07-18", Status: "not-started"},
		{Date: "2025-02-01", Status: "not-started", Note: "first"},
		{Date: "2025-02-01", Status: "in-progress", Note: "second", Evidence: ev},
		{Date: "2025-02-01", Status: "in-progress", Note: "third"},
		{Date: "2025-05-01", Status: "in-progress", Note: "later"},
	}}
	other := &dataset.Item{ID: "TR-01", Progress: []dataset.Entry{{Date: "2025-05-01", Status: "complete"}}}
	got := Events([]*dataset.Item{other, it}, "2024-07-18", "2025-06-01")
	if len(got) != 3 {
		t.Fatalf("got %d events, want 3 (one per item per date): %+v", len(got), got)
	}
	// Newest first, then by id.
	if got[0].Item.ID != "AR-01" || got[0].Date != "2025-05-01" || got[1].Item.ID != "TR-01" || got[2].Date != "2025-02-01" {
		t.Errorf("order: %+v", got)
	}
	feb := got[2]
	if feb.From != "not-started" || feb.To != "in-progress" || !feb.Moved() || feb.Evidence != ev || feb.Note != "third" {
		t.Errorf("2025-02-01 event = %+v", feb)
	}
	if got[1].From != "" || got[1].To != "complete" {
		t.Errorf("a log starting inside the window moves from nothing: %+v", got[1])
	}
	if got[0].Moved() {
		t.Errorf("an update that keeps the status is not a move: %+v", got[0])
	}
	if n := len(Events([]*dataset.Item{it}, "2025-02-01", "2025-04-30")); n != 0 {
		t.Errorf("window (2025-02-01, 2025-04-30] holds %d events, want 0", n)
	}
}

func TestOverdue(t *testing.T) {
	it := &dataset.Item{Timescale: dataset.Timescale{Due: "2025-03-31"}, Progress: []dataset.Entry{{Date: "2024-07-18", Status: "in-progress"}, {Date: "2025-06-01", Status: "complete"}}}
	for date, want := range map[string]bool{"2025-03-31": false, "2025-04-01": true, "2025-06-01": false} {
		if got := Overdue(it, date); got != want {
			t.Errorf("Overdue on %s = %v, want %v", date, got, want)
		}
	}
}
