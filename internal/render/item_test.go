package render

import (
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
)

func exampleSet(t *testing.T) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../../testdata/example"), dataset.Options{Display: "example"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// With plans asked for, every item says which of them serve it, and says so
// when none does; a dropped action serves nothing.
func TestItemsServingPlans(t *testing.T) {
	s := exampleSet(t)
	src, err := os.ReadFile("../plan/testdata/example-borough-council.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, found := plan.Parse("council.yaml", src)
	if p == nil {
		t.Fatal(found)
	}
	items := []*dataset.Item{s.Item("AR-01"), s.Item("TR-01"), s.Item("TF-01")}
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"text", []string{"\nLocal plans serving it:\n  Example Borough Council", "    A1     ", "\nLocal plans serving it:\n  none of the plans given\n"}},
		{"markdown", []string{"\n### Local plans serving it\n\n- **Example Borough Council", "  - A1: ", "\n### Local plans serving it\n\nNone of the plans given.\n"}},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var b strings.Builder
			if err := Items(&b, s, items, "2026-11-27", ItemsOptions{Format: tt.format, Width: 80, WithPlans: true, Plans: []*plan.Plan{p}}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("lacks %q:\n%s", w, b.String())
				}
			}
			if strings.Contains(b.String(), "A3") {
				t.Errorf("a dropped action is listed as serving:\n%s", b.String())
			}
		})
	}
	var b strings.Builder
	if err := Items(&b, s, items, "2026-11-27", ItemsOptions{Format: "text", Width: 80}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Local plans") {
		t.Errorf("plans section without plans asked for:\n%s", b.String())
	}
}
