package render

import (
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/coverage"
	"github.com/open-workforce/strategy/internal/plan"
)

func TestPlanHeading(t *testing.T) {
	tests := []struct {
		name, org, title, want string
	}{
		{"both", "Northshire County Council", "Workforce plan 2025", "Northshire County Council: Workforce plan 2025"},
		{"title names the owner", "Northshire County Council", "northshire county council workforce plan", "northshire county council workforce plan"},
		{"no title", "Northshire County Council", "", "Northshire County Council"},
		{"no organisation", "", "Workforce plan", "Workforce plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := planHeading(tt.org, tt.title); got != tt.want {
				t.Errorf("planHeading(%q, %q) = %q, want %q", tt.org, tt.title, got, tt.want)
			}
		})
	}
}

// Two plans of one organisation get a column each, told apart by file;
// a cell lists the serving actions, and a formula from a plan file is
// neutralised.
func TestCoverageCSV(t *testing.T) {
	org := plan.Organisation{Name: "Example Council"}
	rep := coverage.Report{
		Plans: []coverage.PlanReport{{File: "a.yaml", Organisation: org}, {File: "b.yaml", Organisation: org}, {File: "c.yaml", Organisation: plan.Organisation{Name: "Other"}}},
		Across: coverage.Across{Items: []coverage.ItemPlans{{
			Item:     coverage.Item{ID: "AR-01", Title: "=HYPERLINK(\"x\")", Theme: "attract-and-retain", ActorType: "sector-only"},
			Plans:    2,
			ServedBy: []coverage.PlanRefs{{File: "a.yaml", Actions: []string{"A1", "A2"}}, {File: "c.yaml", Actions: []string{"X"}}},
		}}},
	}
	var b strings.Builder
	if err := Coverage(&b, rep, "csv", 80); err != nil {
		t.Fatal(err)
	}
	want := "id,theme,actor_type,title,Example Council (a.yaml),Example Council (b.yaml),Other,plans,overdue_actions\n" +
		"AR-01,attract-and-retain,sector-only,\"'=HYPERLINK(\"\"x\"\")\",A1; A2,,X,2,\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// The CSV's last column names the serving actions that are overdue, by the
// rule `plan check` and the text output use: due before today and not
// complete. An action due today, one complete after its due date and one
// with no due date are not overdue; with several plans each late action
// is named with its plan's column, and a formula in that name is
// neutralised there too.
func TestCoverageCSVOverdue(t *testing.T) {
	const today = "2026-11-27"
	council := &plan.Plan{Path: "council.yaml", Organisation: plan.Organisation{Name: "Example Council"}, Actions: []plan.Action{
		{ID: "A1", Status: plan.InProgress, Due: "2026-11-26", Serves: []string{"AR-01"}},
		{ID: "A2", Status: plan.Planned, Due: today, Serves: []string{"AR-01"}},
		{ID: "A3", Status: plan.Complete, Due: "2026-06-30", Serves: []string{"TR-01"}},
		{ID: "A4", Status: plan.Planned, Serves: []string{"TR-01"}},
	}}
	other := &plan.Plan{Path: "other.yaml", Organisation: plan.Organisation{Name: "=Other"}, Actions: []plan.Action{
		{ID: "A1", Status: plan.Planned, Due: "2025-01-01", Serves: []string{"AR-01"}},
	}}
	items := []coverage.ItemPlans{
		{Item: coverage.Item{ID: "AR-01", Title: "Pay", Theme: "attract-and-retain", ActorType: "sector-only"}, Plans: 2,
			ServedBy: []coverage.PlanRefs{{File: "other.yaml", Actions: []string{"A1"}}, {File: "council.yaml", Actions: []string{"A1", "A2"}}}},
		{Item: coverage.Item{ID: "TR-01", Title: "Train", Theme: "train", ActorType: "sector-only"}, Plans: 1,
			ServedBy: []coverage.PlanRefs{{File: "council.yaml", Actions: []string{"A3", "A4"}}}},
	}

	t.Run("one plan", func(t *testing.T) {
		rep := coverage.Report{
			Plans:  []coverage.PlanReport{{File: "council.yaml", Organisation: council.Organisation}},
			Across: coverage.Across{Items: []coverage.ItemPlans{items[0], items[1]}},
		}
		rep.Across.Items[0].ServedBy = rep.Across.Items[0].ServedBy[1:] // the council's only
		rep.Across.Items[0].Plans = 1
		rep.MarkOverdue([]*plan.Plan{council}, today)
		var b strings.Builder
		if err := Coverage(&b, rep, "csv", 80); err != nil {
			t.Fatal(err)
		}
		want := "id,theme,actor_type,title,Example Council,plans,overdue_actions\n" +
			"AR-01,attract-and-retain,sector-only,Pay,A1; A2,1,A1\n" +
			"TR-01,train,sector-only,Train,A3; A4,1,\n"
		if b.String() != want {
			t.Errorf("got\n%s\nwant\n%s", b.String(), want)
		}
	})

	t.Run("several plans", func(t *testing.T) {
		rep := coverage.Report{
			Plans:  []coverage.PlanReport{{File: "other.yaml", Organisation: other.Organisation}, {File: "council.yaml", Organisation: council.Organisation}},
			Across: coverage.Across{Items: items},
		}
		rep.MarkOverdue([]*plan.Plan{other, council}, today)
		var b strings.Builder
		if err := Coverage(&b, rep, "csv", 80); err != nil {
			t.Fatal(err)
		}
		want := "id,theme,actor_type,title,'=Other,Example Council,plans,overdue_actions\n" +
			"AR-01,attract-and-retain,sector-only,Pay,A1,A1; A2,2,'=Other: A1; Example Council: A1\n" +
			"TR-01,train,sector-only,Train,,A3; A4,1,\n"
		if b.String() != want {
			t.Errorf("got\n%s\nwant\n%s", b.String(), want)
		}
	})
}
