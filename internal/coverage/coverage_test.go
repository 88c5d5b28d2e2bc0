package coverage

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
)

func TestCompute(t *testing.T) {
	s, err := dataset.Load(os.DirFS("../cli/testdata/base"), dataset.Options{Display: "base"})
	if err != nil {
		t.Fatal(err)
	}
	council, fs := plan.Read(os.DirFS("../plan/testdata"), "example-borough-council.yaml", "council.yaml")
	if council == nil || len(fs) > 0 {
		t.Fatal(fs)
	}
	// A second plan that serves TR-01 only through a dropped action.
	other := &plan.Plan{Path: "ics.yaml", Organisation: plan.Organisation{Name: "Example ICS (fictional)", Type: "integrated-care-system"},
		Actions: []plan.Action{{ID: "X", Status: plan.Dropped, Serves: []string{"TR-01"}}}}

	r := Compute(s, []*plan.Plan{council, other})
	if r.Items != 2 || r.Declared != 3 {
		t.Errorf("items %d of %d, want 2 of 3", r.Items, r.Declared)
	}
	c := r.Plans[0]
	if c.Actions != 3 || c.Counted != 2 {
		t.Errorf("actions %d counted %d, want 3 and 2", c.Actions, c.Counted)
	}
	if got := served(c.Served); got != "AR-01:A1,A2 TR-01:A2" {
		t.Errorf("served = %s", got)
	}
	if c.Total != (Share{Served: 2, Total: 2}) || len(c.Unserved) != 0 {
		t.Errorf("total %+v, unserved %+v", c.Total, c.Unserved)
	}
	o := r.Plans[1]
	if len(o.Served) != 0 || o.Total.Served != 0 {
		t.Errorf("a dropped action served something: %+v", o.Served)
	}
	if len(o.Unserved) != 2 || o.Unserved[0].Theme != "attract-and-retain" || o.Unserved[1].Items[0].ID != "TR-01" {
		t.Errorf("unserved by theme, in theme order: %+v", o.Unserved)
	}
	if len(o.Themes) != 2 || o.Themes[0] != (Share{Theme: "attract-and-retain", Name: "Attract and retain", Served: 0, Total: 1}) {
		t.Errorf("themes = %+v", o.Themes)
	}
	a := r.Across
	if a.Plans != 2 || a.Total != (Share{Served: 2, Total: 2}) {
		t.Errorf("across = %+v", a)
	}
	if a.Items[0].ID != "AR-01" || a.Items[0].Plans != 1 || a.Items[0].ServedBy[0].Organisation != "Example Borough Council (fictional)" {
		t.Errorf("across items = %+v", a.Items)
	}
}

func TestUnservedSectorOnlyFirst(t *testing.T) {
	s, err := dataset.Load(os.DirFS("../../data"), dataset.Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	r := Compute(s, []*plan.Plan{{Path: "empty.yaml"}})
	for _, g := range r.Plans[0].Unserved {
		seenOther := false
		for _, it := range g.Items {
			if it.ActorType != dataset.SectorOnly {
				seenOther = true
			} else if seenOther {
				t.Errorf("%s: sector-only %s after a non-sector item", g.Theme, it.ID)
			}
		}
	}
	if r.Plans[0].Total.Total != len(s.Items) {
		t.Errorf("N = %d, want the %d items present", r.Plans[0].Total.Total, len(s.Items))
	}
	b, err := json.Marshal(Compute(s, nil))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"plans":[]`) {
		t.Errorf("no plans is an empty list in JSON: %s", b[:80])
	}
}

func served(ss []Served) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID+":"+strings.Join(s.Actions, ","))
	}
	return strings.Join(out, " ")
}
