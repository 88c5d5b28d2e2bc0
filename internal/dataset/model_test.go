package dataset

import (
	"slices"
	"testing"
)

// logItem is a fictional item whose log holds a wrong move (corrected
// later), a move on our reading alone, and an event found late.
func logItem() *Item {
	return &Item{ID: "AR-01", Status: "complete", Progress: []Entry{
		{Date: "2024-07-18", Status: "not-started"},
		{Date: "2024-11-30", Status: "in-progress", Evidence: &Evidence{Link: "read"}},
		{Date: "2025-03-01", Status: "in-progress", Evidence: &Evidence{Link: "stated"}},
		{Date: "2025-09-01", Status: "complete", Evidence: &Evidence{Link: "read"}},
		{Date: "2026-01-10", Status: "not-started", Correction: &Correction{Corrects: "2024-11-30", Reason: "the source does not say this"}},
		{Date: "2025-01-15", Recorded: "2026-01-12", Status: "in-progress", Evidence: &Evidence{Link: "stated"}},
	}}
}

func TestStatusOnAppliesCorrectionsRetroactively(t *testing.T) {
	it := logItem()
	for _, tt := range []struct{ date, any, stated string }{
		{"2024-07-18", "not-started", "not-started"},
		{"2024-12-31", "not-started", "not-started"}, // the 2024-11-30 move is corrected away, even before the correction was made
		{"2025-01-15", "in-progress", "in-progress"}, // the event found late counts from its own date
		{"2025-06-30", "in-progress", "in-progress"},
		{"2025-09-01", "complete", "in-progress"}, // complete rests on our reading alone
		{"2030-01-01", "complete", "in-progress"},
	} {
		if got, _ := it.StatusOn(tt.date); got != tt.any {
			t.Errorf("StatusOn(%s) = %s, want %s", tt.date, got, tt.any)
		}
		if got, _ := it.StatedStatusOn(tt.date); got != tt.stated {
			t.Errorf("StatedStatusOn(%s) = %s, want %s", tt.date, got, tt.stated)
		}
	}
	if _, ok := it.StatusOn("2024-07-17"); ok {
		t.Error("StatusOn before launch reports a status")
	}
}

func TestEventsOrderAndCorrections(t *testing.T) {
	ev := logItem().Events()
	var dates, statuses []string
	for _, e := range ev {
		dates = append(dates, e.Date)
		statuses = append(statuses, e.Status)
	}
	if want := []string{"2024-07-18", "2024-11-30", "2025-01-15", "2025-03-01", "2025-09-01"}; !slices.Equal(dates, want) {
		t.Errorf("dates %v, want %v", dates, want)
	}
	if want := []string{"not-started", "not-started", "in-progress", "in-progress", "complete"}; !slices.Equal(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
	if ev[1].CorrectedBy == nil || ev[1].Entry.Status != "in-progress" {
		t.Errorf("the corrected entry keeps its own status and names its correction: %+v", ev[1])
	}
}

func TestAsOfKeepsCorrectionsOfShownEntries(t *testing.T) {
	c := logItem().AsOf("2024-12-31")
	if c.Status != "not-started" {
		t.Errorf("status %s, want not-started", c.Status)
	}
	var dates []string
	for _, e := range c.Progress {
		dates = append(dates, e.Date)
	}
	// the launch, the corrected entry, and the correction that undoes it
	if want := []string{"2024-07-18", "2024-11-30", "2026-01-10"}; !slices.Equal(dates, want) {
		t.Errorf("entries %v, want %v", dates, want)
	}
	if got := logItem().StatedAsOf("2030-01-01"); got.Status != "in-progress" || len(got.Progress) != 3 {
		t.Errorf("stated-only view: status %s with %d entries, want in-progress with 3", got.Status, len(got.Progress))
	}
}
