package plan

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
)

// base loads the fictional example dataset (AR-01, TR-01; 3 declared).
func base(t testing.TB) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../cli/testdata/base"), dataset.Options{Display: "base"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Items) != 2 {
		t.Fatalf("base dataset has %d items, want 2: %v", len(s.Items), s.Findings)
	}
	return s
}

const head = "organisation: {name: Example (fictional), type: other}\ntitle: Example plan\ndate: \"2025-04-01\"\n"

// parseCheck parses and checks src against the base dataset.
func parseCheck(t *testing.T, s *dataset.Set, src string) (*Plan, []finding.Finding) {
	t.Helper()
	p, fs := Parse("plan.yaml", []byte(src))
	if p != nil {
		fs = append(fs, Check(p, s, CheckOptions{})...)
	}
	finding.Sort(fs)
	return p, fs
}

func TestExamplePlanIsValid(t *testing.T) {
	s := base(t)
	p, fs := Read(os.DirFS("testdata"), "example-borough-council.yaml", "example.yaml")
	if p == nil || len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	if got := Check(p, s, CheckOptions{}); len(got) > 0 {
		t.Fatalf("check: %v", got)
	}
	if got, want := strings.Join(p.Served(), ","), "AR-01,TR-01"; got != want {
		t.Errorf("Served() = %s, want %s", got, want)
	}
	if got := len(p.Serving("TR-01")); got != 1 {
		t.Errorf("Serving(TR-01) = %d actions, want 1: the dropped one does not count", got)
	}
}

func TestFindings(t *testing.T) {
	s := base(t)
	tests := []struct {
		name string
		src  string
		want string // the first finding, as printed
	}{
		{"missing item with a near miss", head + "actions:\n  - {id: A1, title: Pay, owner: Team, status: planned, serves: [AR-1]}\n",
			`plan.yaml:5:65: plan-unknown-item: actions[0].serves[0]: no national item "AR-1" in base (did you mean AR-01?)`},
		{"missing item, well formed", head + "actions:\n  - id: A1\n    title: Pay\n    owner: Team\n    status: planned\n    serves: [AR-01, TF-07]\n",
			`plan.yaml:9:21: plan-unknown-item: actions[0].serves[1]: no national item "TF-07" in base; it holds 2 of the 3 declared items: map the action to the items it has`},
		{"missing item, not an id", head + "actions:\n  - id: A1\n    title: Pay\n    owner: Team\n    status: planned\n    serves: [pay]\n",
			`plan.yaml:9:14: plan-unknown-item: actions[0].serves[0]: no national item "pay" in base; national ids look like TR-02 (run 'strategy list' to see them)`},
		{"lower-case id", head + "actions:\n  - id: A1\n    title: Pay\n    owner: Team\n    status: planned\n    serves: [tr-01]\n",
			`plan.yaml:9:14: plan-unknown-item: actions[0].serves[0]: no national item "tr-01" in base (did you mean TR-01?)`},
		{"duplicate local id", head + "actions:\n  - {id: A1, title: Pay, owner: Team, status: planned, serves: [AR-01]}\n  - {id: A1, title: Learn, owner: Team, status: planned, serves: [TR-01]}\n",
			`plan.yaml:6:10: plan-duplicate-id: actions[1].id: "A1" is already the id of the action on line 5; local ids must be unique within the plan`},
		{"duplicate key", head + "actions:\n  - id: A1\n    title: Pay\n    title: Pay again\n    owner: Team\n    status: planned\n    serves: [AR-01]\n",
			`plan.yaml:7:5: yaml-duplicate-key: key "title" already defined at line 6`},
		{"date not on the calendar", head + "actions:\n  - {id: A1, title: Pay, owner: Team, status: planned, due: \"2026-02-30\", serves: [AR-01]}\n",
			`plan.yaml:5:61: plan-invalid-date: actions[0].due: "2026-02-30" is not a calendar date`},
		{"unquoted date", "organisation: {name: Example (fictional), type: other}\ntitle: Example plan\ndate: 2025-04-01\nactions: []\n",
			`plan.yaml:3:7: yaml-unquoted-date: quote the date ("2025-04-01") so that every YAML parser reads it as text`},
		{"unknown status", head + "actions:\n  - {id: A1, title: Pay, owner: Team, status: finished, serves: [AR-01]}\n",
			`plan.yaml:5:47: invalid-value: actions[0].status: "finished" is not one of planned, in-progress, complete, paused, dropped`},
		{"no national id", head + "actions:\n  - {id: A1, title: Pay, owner: Team, status: planned, serves: []}\n",
			`plan.yaml:5:64: too-few: actions[0].serves: expected at least 1 entry, found 0`},
		{"unknown field", head + "actions: []\nstrategy: national\n",
			`plan.yaml:5:1: unknown-field: unknown field "strategy" (allowed: actions, date, notes, organisation, title, url)`},
		{"unknown organisation type", "organisation: {name: Example (fictional), type: council}\ntitle: Example plan\ndate: \"2025-04-01\"\nactions: []\n",
			`plan.yaml:1:49: invalid-value: organisation.type: "council" is not one of local-authority, integrated-care-system, region, provider, other`},
		{"not a mapping", "- a\n", `plan.yaml:1:1: not-mapping: expected a mapping of keys to values, found a list`},
		{"empty", "", `plan.yaml:1:1: yaml-empty: file holds no YAML document`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := parseCheck(t, s, tt.src)
			if len(fs) == 0 {
				t.Fatalf("no findings, want %s", tt.want)
			}
			if got := fs[0].String(); got != tt.want {
				t.Errorf("got  %s\nwant %s\nall: %v", got, tt.want, fs)
			}
		})
	}
}

func TestURLRequiredUnderDataPlans(t *testing.T) {
	s := base(t)
	p, fs := Parse("data/plans/x.yaml", []byte(head+"actions: []\n"))
	if p == nil || len(fs) > 0 {
		t.Fatal(fs)
	}
	if got := Check(p, s, CheckOptions{}); len(got) != 0 {
		t.Errorf("url is optional for a plan kept elsewhere: %v", got)
	}
	got := Check(p, s, CheckOptions{RequireURL: true})
	if len(got) != 1 || got[0].Rule != "plan-url-required" || got[0].Line != 1 {
		t.Errorf("RequireURL: %v", got)
	}
}

func TestTooManyActions(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "actions:\n")
	for range 100000 {
		b.WriteString("- {}\n")
	}
	p, fs := Parse("big.yaml", []byte(b.String()))
	if p != nil {
		t.Fatal("a plan over the action limit was accepted")
	}
	want := fmt.Sprintf("big.yaml:%d:3: plan-too-many-actions: actions: 100000 actions, more than the 10000 a plan may hold (this is action 10001); a local plan has tens: split it, one file per plan", 5+MaxActions)
	if len(fs) != 1 || fs[0].String() != want {
		t.Errorf("got %v\nwant %s", fs, want)
	}
}

func TestTooLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "actions:\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "  - id: A%d\n    title: Action number %d\n    owner: Team\n    status: planned\n    serves: [AR-01]\n", i, i)
	}
	fsys := fstest.MapFS{"big.yaml": {Data: []byte(b.String())}}
	p, fs := Read(fsys, "big.yaml", "big.yaml")
	if p != nil || len(fs) != 1 || fs[0].Rule != "plan-too-large" {
		t.Fatalf("got %v", fs)
	}
	// The finding names the line where the limit falls.
	lines := strings.SplitAfter(b.String(), "\n")
	n := 0
	for i, l := range lines {
		n += len(l)
		if n > MaxFileSize {
			if fs[0].Line != i+1 {
				t.Errorf("line %d, want %d", fs[0].Line, i+1)
			}
			break
		}
	}
}

func TestSchemaMaxItemsMatchesLimit(t *testing.T) {
	src, err := os.ReadFile("../../data/schema/plan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), fmt.Sprintf(`"maxItems": %d`, MaxActions)) {
		t.Errorf("plan.schema.json's actions maxItems is not %d, the loader's limit", MaxActions)
	}
}

func TestMarshalRoundTrips(t *testing.T) {
	s := base(t)
	p := &Plan{
		Organisation: Organisation{Name: "Example: Council # (fictional)", Type: "local-authority"},
		Title:        "yes", URL: "https://example.org/plan?a=1#x", Date: "2025-04-01",
		Notes: "Two\nlines",
		Actions: []Action{
			{ID: "1.2", Title: "- starts like a list", Owner: "'quoted'", Status: InProgress, Due: "2026-03-31", Serves: []string{"AR-01", "TR-01"}, Notes: "true"},
			{ID: "A2", Title: "Plain title", Owner: "Team", Status: Dropped, Serves: []string{"TR-01"}},
		},
	}
	out := Marshal(p, Header{SchemaRef: SchemaURL, Comment: []string{"", "a comment"}})
	if !strings.HasPrefix(string(out), "# yaml-language-server: $schema="+SchemaURL+"\n#\n# a comment\n") {
		t.Errorf("header:\n%s", out)
	}
	got, fs := Parse("out.yaml", out)
	if got == nil || len(fs) > 0 {
		t.Fatalf("%v\n%s", fs, out)
	}
	if fs := Check(got, s, CheckOptions{RequireURL: true}); len(fs) > 0 {
		t.Fatal(fs)
	}
	got.Path, got.Doc = "", nil
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", *got, *p)
	}
}

func TestStarterIsValidAndListsItems(t *testing.T) {
	s := base(t)
	p := &Plan{Organisation: Organisation{Name: "Example ICS (fictional)", Type: "integrated-care-system"}, Title: "Example plan", Date: "2025-04-01"}
	out := string(Starter(p, s, "../schema/plan.schema.json"))
	got, fs := Parse("new.yaml", []byte(out))
	if got == nil || len(fs) > 0 {
		t.Fatalf("%v\n%s", fs, out)
	}
	for _, want := range []string{
		"# yaml-language-server: $schema=../schema/plan.schema.json\n",
		"actions: []\n",
		"#     serves: [TR-01]", // the example names a sector-only item
		"# National items: the 2 in the dataset of the 3 the strategy declares, by theme.",
		"# Attract and retain (attract-and-retain)\n#   AR-01  Example pay item\n",
		"# Train (train)\n#   TR-01  Example training item  [sector]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("starter lacks %q:\n%s", want, out)
		}
	}
}

func BenchmarkParseCheck10k(b *testing.B) {
	s := base(b)
	var sb strings.Builder
	sb.WriteString(head + "actions:\n")
	for i := range MaxActions {
		fmt.Fprintf(&sb, "  - id: A%d\n    title: Action number %d\n    owner: Team\n    status: planned\n    serves: [AR-01, TR-01]\n", i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		p, fs := Parse("p.yaml", src)
		if p == nil || len(fs) > 0 {
			b.Fatal(fs)
		}
		if fs := Check(p, s, CheckOptions{}); len(fs) > 0 {
			b.Fatal(fs)
		}
	}
}

// A paused action serves nothing while it is paused, as a dropped one
// never does; an action past its due date and not complete is overdue.
func TestActionCountsAndOverdue(t *testing.T) {
	for st, want := range map[string]bool{Planned: true, InProgress: true, Complete: true, Paused: false, Dropped: false} {
		if got := (Action{Status: st}).Counts(); got != want {
			t.Errorf("%s counts: %v, want %v", st, got, want)
		}
	}
	for st, want := range map[string]bool{Planned: true, InProgress: true, Paused: true, Complete: false, Dropped: false} {
		if got := (Action{Status: st, Due: "2025-03-31"}).Overdue("2025-04-01"); got != want {
			t.Errorf("%s overdue: %v, want %v", st, got, want)
		}
	}
	if (Action{Status: Planned, Due: "2025-03-31"}).Overdue("2025-03-31") || (Action{Status: Planned}).Overdue("2099-01-01") {
		t.Error("an action is overdue only after its due date")
	}
}
