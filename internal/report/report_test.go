package report

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

func load(t *testing.T, dir string) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS(dir), dataset.Options{Display: dir})
	if err != nil {
		t.Fatal(err)
	}
	if s.Strategy == nil || len(s.Items) == 0 {
		t.Fatalf("%s: no usable dataset: %v", dir, s.Findings)
	}
	return s
}

func renderHTML(t *testing.T, s *dataset.Set, asOf string) string {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, s, asOf, "", nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// parsed walks the page as a browser's parser would and collects what could
// run or fetch: elements, attributes with URLs, event handlers, and text.
type parsed struct {
	tags     map[string]int
	hrefs    []string
	handlers []string
	scripts  []string
	text     string
}

func parse(t *testing.T, page string) parsed {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	p := parsed{tags: map[string]int{}}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			p.tags[n.Data]++
			for _, a := range n.Attr {
				switch {
				case a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction":
					p.hrefs = append(p.hrefs, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					p.handlers = append(p.handlers, a.Key+"="+a.Val)
				}
			}
			if n.Data == "script" && n.FirstChild != nil {
				p.scripts = append(p.scripts, n.FirstChild.Data)
			}
		case html.TextNode:
			if n.Parent == nil || (n.Parent.Data != "script" && n.Parent.Data != "style") {
				text.WriteString(n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	p.text = text.String()
	return p
}

// TestHostileDataRendersAsText feeds the hostile example dataset, whose
// titles, notes, names and URLs carry markup, quotes, script URLs and
// control characters, and shows the page holds them as text: no element,
// handler or script comes from the data, and only http(s) URLs are linked.
func TestHostileDataRendersAsText(t *testing.T) {
	s := load(t, "../../testdata/hostile-example")
	page := renderHTML(t, s, "2025-06-01")
	p := parse(t, page)

	for _, tag := range []string{"img", "b", "i", "em", "iframe", "object", "embed", "link", "base", "meta-refresh"} {
		if p.tags[tag] > 0 {
			t.Errorf("the page has %d <%s> elements; dataset markup must stay text", p.tags[tag], tag)
		}
	}
	if p.tags["script"] != 1 || p.tags["style"] != 1 {
		t.Errorf("want exactly the page's own script and style, got %d scripts and %d styles", p.tags["script"], p.tags["style"])
	}
	if p.scripts[0] != pageAssets().js {
		t.Error("the one script is not the page's own")
	}
	if len(p.handlers) > 0 {
		t.Errorf("event handler attributes from the data: %q", p.handlers)
	}
	for _, h := range p.hrefs {
		if strings.HasPrefix(h, "#") {
			continue
		}
		if _, ok := sanitize.WebURL(h); !ok || !regexp.MustCompile(`^https?://`).MatchString(h) {
			t.Errorf("link to %q: only http(s) may be linked", h)
		}
	}
	wantLinks := []string{
		"https://example.org/a%22onmouseover=%22alert%28%27src%27%29",
		"https://example.org/evidence/tr-01?a=1&b=%3cx%3e",
	}
	for _, w := range wantLinks {
		found := false
		for _, h := range p.hrefs {
			found = found || h == w
		}
		if !found {
			t.Errorf("no Link to %q among %q", w, p.hrefs)
		}
	}
	// The markup is on the page, as text a reader can see.
	for _, want := range []string{
		"<script>alert('AR-01')</script> Pay [2J[Hrise gnp.exe",
		`Note with <a href="javascript:alert('note')">a link</a>`,
		"Attract <img src=x onerror=alert('theme')>",
		`Summary with "quotes", 'apostrophes', </td></tr></table> and <!-- a comment.`,
		"(link withheld, not http or https: javascript:alert('evidence'))",
		"(link withheld, not http or https: JaVaScRiPt:alert('source'))",
		"(link withheld, not http or https: data:text/html,<script>alert('data')</script>)",
		"<i>EDC</i>",
	} {
		if !strings.Contains(p.text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	// No control character reaches the page at all, escaped or not.
	if i := strings.IndexFunc(page, func(r rune) bool {
		return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r == 0x202e || (r >= 0x80 && r <= 0x9f)
	}); i >= 0 {
		t.Errorf("control character %q in the page near %q", page[i], page[max(0, i-40):i])
	}
	// The strategy title's "&amp;" is data, shown as typed, not an entity.
	if !strings.Contains(p.text, "strategy [31m&amp;: progress report") {
		t.Errorf("the title is not shown literally; text: %.200q", p.text)
	}
}

func TestHostileDataMarkdown(t *testing.T) {
	s := load(t, "../../testdata/hostile-example")
	var b bytes.Buffer
	if err := Markdown(&b, s, "2025-06-01", "", nil); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, bad := range []string{"<script", "<img", "<a ", "](javascript", "](JaVaScRiPt", "](data:", "\x1b", "\u202e", "\x07"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown contains %q", bad)
		}
	}
	links := regexp.MustCompile(`\]\(([^)]*)\)`).FindAllStringSubmatch(md, -1)
	if len(links) != 1 {
		t.Errorf("want the one http(s) evidence Link, got %q", links)
	}
	for _, l := range links {
		if !strings.HasPrefix(l[1], "https://") {
			t.Errorf("markdown links %q", l[1])
		}
	}
	if !strings.Contains(md, `&lt;script&gt;alert('AR-01')&lt;/script&gt;`) {
		t.Error("the hostile title is not shown escaped")
	}
}

func TestWebURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://example.org/a?b=1", true},
		{"http://example.org", true},
		{"HTTPS://example.org/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"data:text/html,<b>", false},
		{"vbscript:msgbox", false},
		{"//example.org/x", false},
		{"/relative", false},
		{"https:example.org", false},
		{"https://", false},
		{"https://example.org/\x1b[31m", false},
		{"https://exa mple.org", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, ok := sanitize.WebURL(tt.in); ok != tt.ok {
			t.Errorf("sanitize.WebURL(%q) ok = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

// TestReportFiguresMatchSummary checks the page against summary.Compute on
// the example dataset: the headline sentences, and each bar's segment
// widths and words against its group's counts.
func TestReportFiguresMatchSummary(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	const asOf = "2025-07-18"
	sum := summary.Compute(s, asOf)
	page := renderHTML(t, s, asOf)
	text := parse(t, page).text
	for _, h := range sum.Headlines {
		if !strings.Contains(text, h.Text+".") {
			t.Errorf("headline %q missing", h.Text)
		}
	}
	if !strings.Contains(text, "The dataset holds 6 of the 8 declared items (75%). Figures for all 8 are ranges: each missing item may or may not match. "+sum.Data.Sentence()) {
		t.Error("coverage sentence missing or wrong")
	}
	p := build(s, asOf, "", nil)
	groups := map[string][]summary.Group{"theme": sum.Themes, "actor-type": sum.ActorTypes, "lead": sum.Leads}
	for _, sec := range p.Sections {
		gs := groups[sec.ID]
		if len(sec.Bars) != len(gs) {
			t.Fatalf("%s: %d bars for %d groups", sec.ID, len(sec.Bars), len(gs))
		}
		for i, b := range sec.Bars {
			g := gs[i]
			progressed := g.Count("in-progress") + g.Count("complete")
			if b.Progressed != progressed || b.Total != g.Total {
				t.Errorf("%s/%s: bar %d of %d, summary %d of %d", sec.ID, g.ID, b.Progressed, b.Total, progressed, g.Total)
			}
			for _, sg := range b.Segments {
				if want := width(g.Count(sg.Status), g.Total); sg.Width != want {
					t.Errorf("%s/%s %s width %s, want %s", sec.ID, g.ID, sg.Status, sg.Width, want)
				}
				attr := `data-status="` + sg.Status + `" data-n="` + strconv.Itoa(sg.N) + `" style="width: ` + sg.Width + `"`
				if !strings.Contains(page, attr) {
					t.Errorf("page lacks %s", attr)
				}
			}
		}
	}
}

func TestWidth(t *testing.T) {
	for _, tt := range []struct {
		n, of int
		want  string
	}{{0, 5, "0%"}, {1, 3, "33.3333%"}, {5, 16, "31.25%"}, {3, 3, "100%"}, {1, 0, "0%"}} {
		if got := width(tt.n, tt.of); got != tt.want {
			t.Errorf("width(%d, %d) = %s, want %s", tt.n, tt.of, got, tt.want)
		}
	}
}

// TestDeterministic: the same data renders the same bytes.
func TestDeterministic(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	if a, b := renderHTML(t, s, "2025-07-18"), renderHTML(t, s, "2025-07-18"); a != b {
		t.Error("two renders differ")
	}
}

// TestPageIsSelfContained: nothing on the page points off it except links
// a reader chooses to follow, and the policy forbids every fetch.
func TestPageIsSelfContained(t *testing.T) {
	page := renderHTML(t, load(t, "../../data"), "2025-07-18")
	p := parse(t, page)
	for _, tag := range []string{"link", "img", "iframe"} {
		if p.tags[tag] > 0 {
			t.Errorf("page has <%s>", tag)
		}
	}
	if strings.Contains(page, "@import") || strings.Contains(page, "url(") {
		t.Error("the style sheet fetches something")
	}
	if !strings.Contains(page, "default-src &#39;none&#39;") {
		t.Error("no content security policy forbidding fetches")
	}
	for _, want := range []string{`<th scope="col">`, `<th scope="row">`, "<caption", `<label for="filter-theme">`, `lang="en-GB"`, "@media print"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestOverdueAndChanges: items past their due date and not complete say
// Overdue; the section on what changed lists the last 90 days of progress,
// one row per item per date, with what moved and the evidence link.
func TestOverdueAndChanges(t *testing.T) {
	page := renderHTML(t, load(t, "../../testdata/example-partial"), "2025-06-01")
	caption, rows, ok := tableByID(t, page, "items")
	if !ok {
		t.Fatal("no items table")
	}
	if !strings.Contains(caption, "2 items are past their due date and not complete, marked Overdue.") {
		t.Errorf("items caption = %q", caption)
	}
	overdue := map[string]bool{}
	for _, r := range rows[1:] {
		if len(r) > 5 && strings.Contains(r[5].text, "Overdue") {
			overdue[r[0].text] = true
		}
	}
	if !overdue["AR-01"] || !overdue["TF-01"] || len(overdue) != 2 {
		t.Errorf("marked overdue: %v, want AR-01 and TF-01", overdue)
	}

	_, rows, ok = tableByID(t, page, "changes-table")
	if !ok {
		t.Fatal("no table of changes")
	}
	var got []string
	for _, r := range rows[1:] {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.text)
		}
		got = append(got, strings.Join(cells, " | "))
	}
	want := []string{"2025-05-01 | TR-01: Example career pathway | In progress to Complete | guidance published"}
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%q\nwant\n%q", got, want)
	}
	if !strings.Contains(page, `href="https://example.org/evidence/tr-01b"`) {
		t.Error("the change's evidence is not linked")
	}
}

func TestOverdueAndChangesMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, load(t, "../../testdata/example-partial"), "2025-06-01", "", nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## What changed in the last 90 days",
		"| 2025-05-01 | TR-01: Example career pathway | In progress to Complete | [guidance published](https://example.org/evidence/tr-01b) |",
		"2 items are past their due date and not complete, marked Overdue.",
		"| In progress **Overdue** |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Markdown report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestChangesSince: a reader's own --since starts the section after that
// date (as brief reads it, so an event on the date itself is not listed),
// and the heading says the window in words in both formats.
func TestChangesSince(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	var h bytes.Buffer
	if err := HTML(&h, s, "2025-06-01", "2024-12-01", nil); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	if want := `<h2 id="changes">What changed after 1 December 2024</h2>`; !strings.Contains(page, want) {
		t.Errorf("HTML report lacks %q", want)
	}
	_, rows, ok := tableByID(t, page, "changes-table")
	if !ok {
		t.Fatal("no table of changes")
	}
	var dates []string
	for _, r := range rows[1:] {
		dates = append(dates, r[0].text)
	}
	// 2024-12-01 is the since date itself; 2025-09-01 is after the as-of date.
	if want := []string{"2025-05-01", "2025-03-01"}; !slices.Equal(dates, want) {
		t.Errorf("changes dated %q, want %q", dates, want)
	}

	var md bytes.Buffer
	if err := Markdown(&md, s, "2025-06-01", "2024-12-01", nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n## What changed after 1 December 2024\n",
		"Progress recorded after 2024-12-01 and on or before 2025-06-01",
		"\n| 2025-03-01 | ",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown report lacks %q:\n%s", want, md.String())
		}
	}
	if strings.Contains(md.String(), "in the last 90 days") {
		t.Error("the Markdown heading still says the default window")
	}
}
