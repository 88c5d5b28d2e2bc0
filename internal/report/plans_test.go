package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/open-workforce/strategy/internal/coverage"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// Fictional example plans against testdata/example-partial (AR-01, AR-02,
// TF-01, TF-02, TR-01, TR-02).
const (
	councilPlan = `organisation:
  name: Example Borough Council (fictional)
  type: local-authority
title: Example workforce plan
url: https://example.org/council-plan
date: "2025-04-01"
actions:
  - {id: A1, title: Pay a living wage, owner: Commissioning, status: in-progress, serves: [AR-01]}
  - {id: A2, title: Fund learning, owner: Workforce team, status: planned, serves: [TR-01, AR-01]}
  - {id: A3, title: An idea dropped, owner: Workforce team, status: dropped, serves: [TF-01]}
`
	icsPlan = `organisation:
  name: Example ICS (fictional)
  type: integrated-care-system
title: Example ICS people plan
date: "2025-06-01"
actions:
  - {id: P1, title: Shared training offer, owner: People board, status: complete, serves: [TR-01, TR-02]}
`
	hostilePlan = `organisation:
  name: "<script>alert('org')</script> Council (fictional)"
  type: other
title: "Plan </td></tr></table><b>bold</b>"
url: "https://example.org/p\"onmouseover=\"alert('url'"
date: "2025-04-01"
actions:
  - {id: A1, title: "<img src=x onerror=alert('action')>", owner: "<i>Team</i>", status: planned, serves: [AR-02]}
  - {id: A2, title: "[click](javascript:alert('md'))", owner: Team, status: planned, serves: [TF-02]}
`
)

// readPlan parses and checks one example plan as `strategy plan coverage`
// would; a plan with errors would be refused before the report, so the test
// refuses it too.
func readPlan(t *testing.T, s *dataset.Set, name, src string) *plan.Plan {
	t.Helper()
	p, found := plan.Parse(name, []byte(src))
	if p != nil {
		found = append(found, plan.Check(p, s, plan.CheckOptions{})...)
	}
	if p == nil || len(found) > 0 {
		t.Fatalf("%s: %v", name, found)
	}
	return p
}

func renderPlans(t *testing.T, s *dataset.Set, plans []*plan.Plan) string {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, s, "2025-07-18", "", plans); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// cell is one table cell as a reader meets it: its tag, scope and text.
type cell struct {
	tag, scope, text string
}

// tableByID returns the caption and the rows of the table with id, or ok
// false when the page has no such table.
func tableByID(t *testing.T, page, id string) (caption string, rows [][]cell, ok bool) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var table *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "table" && attr(n, "id") == id {
			table = n
		}
		for c := n.FirstChild; c != nil && table == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if table == nil {
		return "", nil, false
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "caption":
				caption = text(n)
				return
			case "tr":
				var r []cell
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && (c.Data == "th" || c.Data == "td") {
						r = append(r, cell{c.Data, attr(c, "scope"), strings.TrimSpace(text(c))})
					}
				}
				rows = append(rows, r)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(table)
	return caption, rows, true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

func h2s(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`<h2 id="([^"]+)">`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPlansSectionOnlyWithPlans: the page without plans is the page it was;
// with plans it gains "Local plans", just before the table of all items.
func TestPlansSectionOnlyWithPlans(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	without := renderPlans(t, s, nil)
	if strings.Contains(without, "local-plans") || strings.Contains(without, "plan-coverage") {
		t.Error("the page without plans has a plans section")
	}
	if _, _, ok := tableByID(t, without, "plan-coverage"); ok {
		t.Error("the page without plans has the coverage table")
	}
	if without != renderHTML(t, s, "2025-07-18") {
		t.Error("an empty list of plans changes the page")
	}

	with := renderPlans(t, s, []*plan.Plan{readPlan(t, s, "plans/council.yaml", councilPlan)})
	got := strings.Join(h2s(t, with), " ")
	if want := "headlines progress-over-time theme actor-type lead changes local-plans all-items"; got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	if _, _, ok := tableByID(t, with, "plan-coverage"); !ok {
		t.Error("no coverage table with a plan")
	}
	var md bytes.Buffer
	if err := Markdown(&md, s, "2025-07-18", "", nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Local plans") {
		t.Error("the Markdown without plans has a plans section")
	}
}

// TestPlanCellsMatchCoverage reads the table back as a reader would and
// checks each cell against coverage.Compute: the serving local actions, or
// "Not served" in words, and the count of plans serving each item.
func TestPlanCellsMatchCoverage(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	plans := []*plan.Plan{readPlan(t, s, "plans/council.yaml", councilPlan), readPlan(t, s, "plans/ics.yaml", icsPlan)}
	rep := coverage.Compute(s, plans)
	page := renderPlans(t, s, plans)

	caption, rows, ok := tableByID(t, page, "plan-coverage")
	if !ok {
		t.Fatal("no coverage table")
	}
	if !strings.Contains(caption, "Not served") {
		t.Errorf("the caption does not say how an unserved cell reads: %q", caption)
	}
	wantHead := []cell{{"th", "col", "ID"}, {"th", "col", "Item"}, {"th", "col", "Theme"}, {"th", "col", "National status"},
		{"th", "col", "Example Borough Council (fictional)"}, {"th", "col", "Example ICS (fictional)"}, {"th", "col", "Plans serving it"}}
	if fmt.Sprint(rows[0]) != fmt.Sprint(wantHead) {
		t.Errorf("header %v, want %v", rows[0], wantHead)
	}
	body := rows[1:]
	if len(body) != len(rep.Across.Items) || len(body) != len(s.Items) {
		t.Fatalf("%d rows for %d items", len(body), len(rep.Across.Items))
	}
	for i, it := range rep.Across.Items {
		r := body[i]
		if len(r) != 4+len(plans)+1 {
			t.Fatalf("row %d has %d cells", i, len(r))
		}
		if r[0] != (cell{"th", "row", it.ID}) || r[1].text != it.Title {
			t.Errorf("row %d starts %v %v, want %s %s", i, r[0], r[1], it.ID, it.Title)
		}
		for j, pr := range rep.Plans {
			want := "Not served"
			for _, sv := range pr.Served {
				if sv.ID == it.ID {
					want = sv.ActionsText()
				}
			}
			if got := r[4+j].text; got != want {
				t.Errorf("%s against %s: %q, want %q", it.ID, pr.File, got, want)
			}
		}
		if got, want := r[len(r)-1].text, fmt.Sprintf("%d of %d", it.Plans, len(plans)); got != want {
			t.Errorf("%s: plans serving it %q, want %q", it.ID, got, want)
		}
	}
	// Spot checks a person made by reading the plans: a dropped action
	// serves nothing, and an item two actions serve names both.
	for id, want := range map[string]string{"AR-01": "A1 (in progress), A2 (planned)|Not served|1 of 2", "TR-01": "A2 (planned)|P1 (complete)|2 of 2", "TF-01": "Not served|Not served|0 of 2"} {
		for _, r := range body {
			if r[0].text == id {
				if got := r[4].text + "|" + r[5].text + "|" + r[6].text; got != want {
					t.Errorf("%s: %q, want %q", id, got, want)
				}
			}
		}
	}

	text := parse(t, page).text
	for _, want := range []string{
		"Example Borough Council (fictional) serves 2 of the 6 national items in the dataset (33%).",
		"Example ICS (fictional) serves 2 of the 6 national items in the dataset (33%).",
		"3 actions, 1 dropped or paused and not counted.",
		"Together the 2 plans serve 3 of the 6 national items in the dataset (50%); 3 are served by no plan.",
		"not all 8 the strategy declares",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}

	var md bytes.Buffer
	if err := Markdown(&md, s, "2025-07-18", "", plans); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n## Local plans\n",
		"| ID | Item | Theme | National status | Example Borough Council (fictional) | Example ICS (fictional) | Plans serving it |",
		"| AR-01 | " + sanitize.Markdown(s.Item("AR-01").Title) + " | ",
		" | A1 (in progress), A2 (planned) | Not served | 1 of 2 |",
		" | Not served | Not served | 0 of 2 |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Index(md.String(), "## Local plans") > strings.Index(md.String(), "## All items") {
		t.Error("markdown: local plans after all items")
	}
}

// TestHostilePlanRendersAsText: a plan is text from outside the dataset, so
// its names, titles and URL may carry markup and script URLs. They must
// reach the page and the Markdown as text, and only http(s) is linked.
func TestHostilePlanRendersAsText(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	hostile := readPlan(t, s, "plans/hostile.yaml", hostilePlan)
	// The schema refuses a script URL; the page must not rely on that.
	script := readPlan(t, s, "plans/script-url.yaml", councilPlan)
	script.URL = "javascript:alert('plan')"
	plans := []*plan.Plan{hostile, script}
	page := renderPlans(t, s, plans)
	p := parse(t, page)

	for _, tag := range []string{"img", "b", "i"} {
		if p.tags[tag] > 0 {
			t.Errorf("the page has %d <%s> elements; plan markup must stay text", p.tags[tag], tag)
		}
	}
	if p.tags["script"] != 1 || p.scripts[0] != pageAssets().js {
		t.Errorf("want only the page's own script, got %d", p.tags["script"])
	}
	if len(p.handlers) > 0 {
		t.Errorf("event handlers from the plan: %q", p.handlers)
	}
	var links []string
	for _, h := range p.hrefs {
		if strings.HasPrefix(h, "#") {
			continue
		}
		if _, ok := sanitize.WebURL(h); !ok || !regexp.MustCompile(`^https?://`).MatchString(h) {
			t.Errorf("link to %q: only http(s) may be linked", h)
		}
		links = append(links, h)
	}
	if want := `https://example.org/p%22onmouseover=%22alert%28%27url%27`; !strings.Contains(strings.Join(links, " "), want) {
		t.Errorf("the plan's http URL is not linked, escaped, as %q: %q", want, links)
	}
	for _, want := range []string{
		"<script>alert('org')</script> Council (fictional) serves 2 of the 6 national items in the dataset",
		"“Plan </td></tr></table><b>bold</b>”",
		"A1: <img src=x onerror=alert('action')> (planned)",
		"A2: [click](javascript:alert('md')) (planned)",
		"(link withheld, not http or https: javascript:alert('plan'))",
	} {
		if !strings.Contains(p.text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	_, rows, _ := tableByID(t, page, "plan-coverage")
	if got := rows[0][4]; got != (cell{"th", "col", "<script>alert('org')</script> Council (fictional)"}) {
		t.Errorf("the hostile organisation's column header is %v", got)
	}

	var b bytes.Buffer
	if err := Markdown(&b, s, "2025-07-18", "", plans); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, bad := range []string{"<script", "<img", "<b>"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown contains %q", bad)
		}
	}
	// Brackets from the plan are escaped, so every Link is an http(s) one
	// (the dataset's evidence, and the plan's own URL).
	for _, l := range regexp.MustCompile(`(?:^|[^\\])\]\(([^)]*)\)`).FindAllStringSubmatch(md, -1) {
		if !strings.HasPrefix(l[1], "https://") || strings.Contains(strings.ToLower(l[1]), "javascript") {
			t.Errorf("markdown links %q", l[1])
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert('org')&lt;/script&gt; Council (fictional)",
		"(link withheld, not http or https: javascript:alert('plan'))",
		`A2: \[click\](javascript:alert('md')) (planned)`,
		"[the published plan](https://example.org/p%22onmouseover=%22alert%28%27url%27)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

// The local plans section shows each plan's bars per theme, as 'plan
// coverage' does, and each national item's own status beside its coverage.
func TestPlansThemesAndStatus(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	plans := []*plan.Plan{readPlan(t, s, "plans/council.yaml", councilPlan)}
	page := renderPlans(t, s, plans)
	_, rows, ok := tableByID(t, page, "plan-1-themes")
	if !ok {
		t.Fatal("no table of themes for the plan")
	}
	rep := coverage.Compute(s, plans)
	if len(rows)-1 != len(rep.Plans[0].Themes) {
		t.Fatalf("%d theme rows, want %d", len(rows)-1, len(rep.Plans[0].Themes))
	}
	for i, sh := range rep.Plans[0].Themes {
		want := fmt.Sprintf("%d of %d (%d%%)", sh.Served, sh.Total, share(sh))
		if r := rows[i+1]; r[0].text != sh.Name || r[1].text != want {
			t.Errorf("theme row %d: %v, want %s %s", i, r, sh.Name, want)
		}
	}
	_, rows, _ = tableByID(t, page, "plan-coverage")
	for _, r := range rows[1:] {
		it := s.Item(r[0].text)
		if want := StatusNames(s)(query.Status(it, "2025-07-18")); r[3].text != want {
			t.Errorf("%s: national status %q, want %q", it.ID, r[3].text, want)
		}
	}
}

// The Markdown report draws the same bars per theme for each plan, with the
// text bar 'plan coverage' and summary draw, and its actions after them.
func TestPlansThemesMarkdown(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	plans := []*plan.Plan{readPlan(t, s, "plans/council.yaml", councilPlan)}
	var b bytes.Buffer
	if err := Markdown(&b, s, "2025-07-18", "", plans); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	intro := "  - National items it serves, by theme (as `strategy plan coverage` shows them):\n"
	at := strings.Index(md, intro)
	if at < 0 {
		t.Fatalf("markdown lacks the plan's themes:\n%s", md)
	}
	var want strings.Builder
	want.WriteString(intro)
	for _, sh := range coverage.Compute(s, plans).Plans[0].Themes {
		fmt.Fprintf(&want, "    - %s: %s %d of %d (%d%%)\n", sanitize.Markdown(sh.Name), render.Bar(sh.Served, sh.Total, 10), sh.Served, sh.Total, share(sh))
	}
	want.WriteString("  - Its actions:\n    - A1: ")
	if got := md[at:min(len(md), at+want.Len())]; got != want.String() {
		t.Errorf("plan themes in Markdown:\n%s\nwant\n%s", got, want.String())
	}
	// One theme drawn out in full, so the test does not only agree with itself.
	if line := "    - Attract and retain: █████░░░░░ 1 of 2 (50%)\n"; !strings.Contains(md, line) {
		t.Errorf("markdown lacks %q:\n%s", line, md[at:])
	}
}
