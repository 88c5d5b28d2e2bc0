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
	want := "id,theme,actor_type,title,Example Council (a.yaml),Example Council (b.yaml),Other,plans\n" +
		"AR-01,attract-and-retain,sector-only,\"'=HYPERLINK(\"\"x\"\")\",A1; A2,,X,2\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
