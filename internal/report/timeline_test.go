package report

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/query"
)

// The progress-over-time table holds, for every row, the counts `list
// --as-of` gives on that day, and the chart above it is inline SVG with a
// title and a description, inside the page's content security policy.
func TestProgressOverTime(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	page := renderHTML(t, s, "2025-10-15")
	caption, rows, ok := tableByID(t, page, "timeline")
	if !ok {
		t.Fatal("no #timeline table")
	}
	if !strings.Contains(caption, "from 2024-07-18 to 2025-10-15") {
		t.Errorf("caption = %q", caption)
	}
	head := rows[0]
	want := []string{"Date", "Not started", "In progress", "Complete", "In progress or complete, of the 6 present", "Of all 8 declared"}
	if len(head) != len(want) {
		t.Fatalf("header = %v", head)
	}
	for i := range want {
		if head[i].text != want[i] || head[i].scope != "col" {
			t.Errorf("header %d = %+v, want %q", i, head[i], want[i])
		}
	}
	// launch, 15 month ends, the claim's day and the last day
	if len(rows)-1 != 18 {
		t.Fatalf("%d rows", len(rows)-1)
	}
	statuses := []string{"not-started", "in-progress", query.Complete}
	claimRows := 0
	for _, r := range rows[1:] {
		date, claim := strings.CutSuffix(r[0].text, " *")
		if claim {
			claimRows++
		}
		if r[0].tag != "th" || r[0].scope != "row" {
			t.Errorf("%s: the date is not a row header", date)
		}
		moved := 0
		for i, st := range statuses {
			items, err := query.Select(s, query.Filter{AsOf: date, Statuses: []string{st}})
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := strconv.Atoi(r[i+1].text); got != len(items) {
				t.Errorf("%s: %s is %q, list --as-of gives %d", date, st, r[i+1].text, len(items))
			}
			if i > 0 {
				moved += len(items)
			}
		}
		if !strings.HasPrefix(r[4].text, fmt.Sprintf("%d (", moved)) {
			t.Errorf("%s: moved %q, want %d", date, r[4].text, moved)
		}
		if want := fmt.Sprintf("%d–%d%%", moved*100/8, ((moved+2)*100+7)/8); r[5].text != want {
			t.Errorf("%s: range %q, want %q", date, r[5].text, want)
		}
	}
	if claimRows != 1 {
		t.Errorf("%d claim rows, want 1", claimRows)
	}
	for _, want := range []string{
		`<figure class="timeline-chart">` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 405" role="img" aria-labelledby="progress-chart-title progress-chart-desc"`,
		`<title id="progress-chart-title">Items in progress or complete, 2024-07-18 to 2025-10-15</title>`,
		`<p class="claim">On 2025-06-01 it was published that “Over half of the example items are in progress or complete”. The dataset gives 3 of the 6 items present that day, so between 37% and 63% of all 8.</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
