package render

import (
	"strings"
	"testing"
)

func TestAsRecords(t *testing.T) {
	recs := []ActorRecord{{ID: "dhsc", Name: "Department of Health and Social Care", Leads: 2}, {ID: "sfc", Name: "Skills for Care"}}
	id := func(r ActorRecord) string { return r.ID }
	tests := []struct {
		format   string
		done     bool
		contains string
	}{
		{"ids", true, "dhsc\nsfc\n"},
		{"json", true, "\"name\": \"Department of Health and Social Care\",\n    \"short\": \"\""},
		{"yaml", true, "- id: dhsc\n  name: Department of Health and Social Care\n"},
		{"table", false, ""},
		{"csv", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b strings.Builder
			done, err := asRecords(&b, recs, id, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if done != tt.done || !strings.Contains(b.String(), tt.contains) {
				t.Errorf("done %v, wrote %q; want done %v and %q", done, b.String(), tt.done, tt.contains)
			}
			if !done && b.Len() > 0 {
				t.Errorf("a table format wrote %q, which is the caller's to write", b.String())
			}
		})
	}
}

// A report without findings lists none for scripts, never null.
func TestFindingsJSONListsNone(t *testing.T) {
	var b strings.Builder
	if err := Findings(&b, Report{Dataset: "data", Items: 2, Valid: true}, "json"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"findings": []`) {
		t.Errorf("got %s", b.String())
	}
}
