package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"

	"github.com/open-workforce/strategy/internal/finding"
)

func report() Report {
	return Report{
		Dataset: "data", Items: 2, Declared: 3, Errors: 1, Warnings: 1,
		Findings: []finding.Finding{
			{Path: "data/items/AR-01.yaml", Line: 4, Column: 7, Rule: "unknown-theme", Severity: finding.Error, Message: `theme "x" is not declared`},
			{Path: "data/strategy.yaml", Rule: "coverage", Severity: finding.Warning, Message: "2 of the 3 declared items are present"},
		},
	}
}

func TestFindingsText(t *testing.T) {
	var b strings.Builder
	if err := findingsText(&b, report()); err != nil {
		t.Fatal(err)
	}
	want := `data/items/AR-01.yaml:4:7: unknown-theme: theme "x" is not declared
data/strategy.yaml: warning: coverage: 2 of the 3 declared items are present (about the whole file: no line to point at)
data: checked 2 items; 2 of the 3 declared items are present; 1 error, 1 warning
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		r    Report
		want string
	}{
		{Report{Dataset: "d", Items: 1}, "d: checked 1 item; 0 errors, 0 warnings"},
		{Report{Dataset: "d", Items: 3, Declared: 3, Plans: 1, Actions: 2, Warnings: 2}, "d: checked 3 items; 3 of the 3 declared items are present; 1 plan with 2 actions; 0 errors, 2 warnings"},
		{Report{Dataset: "d", Items: 3, Plans: 2, Actions: 1, PlansOnly: true, Errors: 1}, "checked 2 plans with 1 action against the 3 items in d; 1 error, 0 warnings"},
	}
	for _, tt := range tests {
		if got := tt.r.Summary(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// GitHub reads "::level props::message" up to the first "::" and splits
// properties on "," and "=": data that holds those characters, or a newline
// that would end the command early, must be escaped as the Actions toolkit
// does, or the annotation lands on the wrong file or is lost.
func TestFindingsGitHub(t *testing.T) {
	r := Report{Dataset: "data", Items: 1, Errors: 1, Warnings: 1, Findings: []finding.Finding{
		{Path: "data/items/a,b:c%.yaml", Line: 3, Column: 5, Rule: "rule:x,y", Severity: finding.Error, Message: "50% done\r\nnext: line, here"},
		{Path: "data/strategy.yaml", Rule: "coverage", Severity: finding.Warning, Message: "1 of 3"},
	}}
	var b strings.Builder
	if err := findingsGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "::error file=data/items/a%2Cb%3Ac%25.yaml,line=3,col=5,title=rule%3Ax%2Cy::50%25 done%0Anext: line, here\n" +
		"::warning file=data/strategy.yaml,title=coverage::1 of 3\n" +
		"data: checked 1 item; 1 error, 1 warning\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestFindingsGitHubHostilePath: a path with a bidirectional override reads
// as another file once the override is dropped, perhaps a real one. The
// annotation then names no file (it must not land on the wrong one) and
// the message carries the path quoted; a dataset folder named like a
// workflow command cannot start the summary line.
func TestFindingsGitHubHostilePath(t *testing.T) {
	r := Report{Dataset: "::warning title=x::forged", Items: 1, Errors: 1, Findings: []finding.Finding{
		{Path: "d/items/AR-01\u202e.yaml", Line: 3, Column: 5, Rule: "duplicate-id", Severity: finding.Error, Message: "id AR-01 is already used by d/items/AR-01.yaml"},
	}}
	var b strings.Builder
	if err := findingsGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "::error title=duplicate-id::\"d/items/AR-01\\u202e.yaml\":3:5: id AR-01 is already used by d/items/AR-01.yaml\n" +
		"strategy: ::warning title=x::forged: checked 1 item; 1 error, 0 warnings\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var b strings.Builder
	if err := JSON(&b, report()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Messages quote ids and show URLs: no \u0022-style HTML escaping.
	if !strings.Contains(out, `"message": "theme \"x\" is not declared"`) || strings.Contains(out, `\u003c`) {
		t.Errorf("unexpected escaping:\n%s", out)
	}
	if !strings.HasSuffix(out, "}\n") || !strings.Contains(out, "\n  \"dataset\": \"data\"") {
		t.Errorf("want indented, newline-terminated JSON:\n%s", out)
	}
	var back struct {
		Valid    bool `json:"valid"`
		Findings []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Severity string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Findings) != 2 || back.Findings[0].File != "data/items/AR-01.yaml" || back.Findings[0].Line != 4 || back.Findings[1].Severity != "warning" {
		t.Errorf("findings read back as %+v", back.Findings)
	}
	var v strings.Builder
	if err := JSON(&v, map[string]string{"url": "https://example.org/?a=1&b=<2>"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.String(), `"https://example.org/?a=1&b=<2>"`) {
		t.Errorf("URL escaped: %s", v.String())
	}
}

func table() Table {
	return Table{
		Header: []string{"ID", "Title"},
		Rows: [][]string{
			{"AR-01", "Pay | rise\nnow"},
			{"TR-01", "=1+1"},
			{"TR-02", "bell\x1b[31m red"},
		},
	}
}

func write(t *testing.T, tb Table, format string, width int) string {
	t.Helper()
	var b strings.Builder
	if err := WriteTable(&b, tb, format, width); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteTableTSV(t *testing.T) {
	// No header, no padding, one line per row: what cut and awk expect.
	// A cell a spreadsheet would run as a formula is neutralised, as in CSV.
	want := "AR-01\tPay | rise now\nTR-01\t'=1+1\nTR-02\tbell[31m red\n"
	if got := write(t, table(), "tsv", 80); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestWriteTableCSV(t *testing.T) {
	want := "ID,Title\nAR-01,\"Pay | rise\nnow\"\nTR-01,'=1+1\nTR-02,bell[31m red\n"
	if got := write(t, table(), "csv", 80); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestWriteTableMarkdown(t *testing.T) {
	// Pipes would end a cell and brackets could start a link: both escaped.
	want := "| ID    | Title           |\n" +
		"|:------|:----------------|\n" +
		"| AR-01 | Pay \\| rise now |\n" +
		"| TR-01 | =1+1            |\n" +
		"| TR-02 | bell\\[31m red   |\n"
	if got := write(t, table(), "markdown", 80); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteTableBox(t *testing.T) {
	got := write(t, table(), "table", 0)
	// Headers keep their case, a newline in a cell wraps inside its column.
	for _, s := range []string{"┌───────┬", "│ ID    │ Title ", "│ AR-01 │ Pay | rise ", "│       │ now ", "│ TR-01 │ =1+1 ", "┘\n"} {
		if !strings.Contains(got, s) {
			t.Errorf("table lacks %q:\n%s", s, got)
		}
	}
	if strings.Contains(got, "\x1b") {
		t.Errorf("escape sequence reached the terminal: %q", got)
	}
	narrow := write(t, table(), "table", 20)
	for _, l := range strings.Split(strings.TrimSpace(narrow), "\n") {
		if n := len([]rune(l)); n > 20 {
			t.Errorf("line wider than 20 columns (%d): %s", n, l)
		}
	}
	if !strings.Contains(narrow, "│       │ rise ") {
		t.Errorf("long cell not wrapped to fit 20 columns:\n%s", narrow)
	}
}

func TestWriteTableEmpty(t *testing.T) {
	for _, format := range TableFormats {
		if got := write(t, Table{Header: []string{"ID"}}, format, 80); got != "" {
			t.Errorf("%s: an empty table wrote %q", format, got)
		}
	}
}

func TestWriteTableUnknownFormat(t *testing.T) {
	var b strings.Builder
	if err := WriteTable(&b, table(), "xml", 80); err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("want an error naming the format, got %v", err)
	}
}

// wide is a table whose titles hold wide (CJK, emoji) and combining
// characters, which count two columns and none.
func wide() Table {
	return Table{
		Header:   []string{"ID", "Status", "Due", "Lead", "Title"},
		Optional: []int{3},
		Rows: [][]string{
			{"AR-01", "in-progress", "2025-03-31", "DHSC, Skills for Care", "Pay 🙂 rise for care workers across England, agreed with 🙂 unions"},
			{"AR-02", "not-started", "", "", "介護職員の賃金 改善計画 と 研修 の 拡充 を 進める 介護職員の賃金"},
			{"AR-03", "complete", "2026-01-01", "CQC", "Cafe\u0301 re\u0301sume\u0301 na\u0131\u0308ve combining accents across a long title here"},
		},
	}
}

// TestWriteTableFitsWidth checks every line of a box table against an
// independent, grapheme-aware measure: at each width no line is wider than
// the terminal, all lines of the box are equally wide (the fitter and
// tablewriter agree on every character), and one-word cells stay whole.
func TestWriteTableFitsWidth(t *testing.T) {
	for _, width := range []int{40, 60, 80, 120, 200} {
		got := write(t, wide(), "table", width)
		lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
		box := 0
		for _, l := range lines {
			w := displaywidth.String(l)
			if w > width {
				t.Errorf("width %d: line is %d wide: %s", width, w, l)
			}
			if strings.HasPrefix(l, "│") || strings.HasPrefix(l, "┌") {
				if box == 0 {
					box = w
				} else if w != box {
					t.Errorf("width %d: box line %d wide, first was %d: %s", width, w, box, l)
				}
			}
		}
		for _, word := range []string{"AR-01", "in-progress", "not-started", "2025-03-31"} {
			if !strings.Contains(got, word) {
				t.Errorf("width %d: %q broken or missing:\n%s", width, word, got)
			}
		}
	}
}

func TestWriteTableHidesOptionalColumns(t *testing.T) {
	wideOut := write(t, wide(), "table", 200)
	if !strings.Contains(wideOut, "Skills for Care") || strings.Contains(wideOut, "Not shown") {
		t.Errorf("at 200 columns every column shows:\n%s", wideOut)
	}
	narrow := write(t, wide(), "table", 60)
	if strings.Contains(narrow, "Lead") || !strings.Contains(narrow, "Not shown at 60 columns: lead") {
		t.Errorf("at 60 columns the lead column is hidden and named:\n%s", narrow)
	}
}

func TestWriteTableRecordsWhenNothingFits(t *testing.T) {
	got := write(t, wide(), "table", 30)
	for _, s := range []string{"─[ 1 ]", "ID      AR-01\n", "Status  in-progress\n", "Due     -\n"} {
		if !strings.Contains(got, s) {
			t.Errorf("records lack %q:\n%s", s, got)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w := displaywidth.String(l); w > 30 {
			t.Errorf("record line %d wide: %s", w, l)
		}
	}
}

func TestWriteTableShrinksBarsFirst(t *testing.T) {
	tb := Table{Header: []string{"Theme", "Share", ""}, Rows: [][]string{
		{"Attract and retain", "5 of 16", strings.Repeat("█", 10) + strings.Repeat("░", 10)},
		{"Train", "1 of 2", strings.Repeat("█", 10) + strings.Repeat("░", 10)},
	}}
	got := write(t, tb, "table", 40)
	if !strings.Contains(got, "│ Attract and retain │") {
		t.Errorf("the label wrapped before the bar shrank:\n%s", got)
	}
	if !strings.Contains(got, "│ 5 of 16 │ ███░░ │") {
		t.Errorf("bar not scaled to keep its half share:\n%s", got)
	}
}

func TestWriteTableMissingValues(t *testing.T) {
	tb := Table{Header: []string{"ID", "Due"}, Rows: [][]string{{"AR-01", ""}}}
	if got := write(t, tb, "csv", 80); got != "ID,Due\nAR-01,\n" {
		t.Errorf("CSV leaves a missing value empty, got %q", got)
	}
	if got := write(t, tb, "tsv", 80); got != "AR-01\t-\n" {
		t.Errorf("TSV shows a missing value as -, got %q", got)
	}
	if got := write(t, tb, "markdown", 80); !strings.Contains(got, "| AR-01 | -   |") {
		t.Errorf("Markdown shows a missing value as -, got %q", got)
	}
}

// TSV is the default in a pipe, and the usual way into a spreadsheet: every
// formula prefix is neutralised, and plain values are left alone.
func TestWriteTableTSVFormulas(t *testing.T) {
	tb := Table{Header: []string{"id", "title"}, Rows: [][]string{
		{"+44 20", "@SUM(A1)"}, {"-2+3", "=cmd|' /C calc'!A0"}, {"", "plain - text"}, {"TR-01", "=\tx"},
	}}
	want := "'+44 20\t'@SUM(A1)\n'-2+3\t'=cmd|' /C calc'!A0\n-\tplain - text\nTR-01\t'= x\n"
	if got := write(t, tb, "tsv", 80); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A notice is information: it is printed, counted as neither an error nor
// a warning, and GitHub shows it as a notice.
func TestNotice(t *testing.T) {
	r := Report{Dataset: "data", Items: 2, Declared: 3, Findings: []finding.Finding{
		{Path: "data/strategy.yaml", Rule: "coverage", Severity: finding.Notice, Message: "2 of the 3 declared items are present"},
	}}
	if errs, warns := finding.Count(r.Findings); errs != 0 || warns != 0 {
		t.Errorf("a notice counted as %d errors, %d warnings", errs, warns)
	}
	var b strings.Builder
	if err := findingsGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "::notice file=data/strategy.yaml,title=coverage::2 of the 3") {
		t.Errorf("GitHub output: %q", b.String())
	}
	if got := r.Findings[0].String(); got != "data/strategy.yaml: notice: coverage: 2 of the 3 declared items are present (about the whole file: no line to point at)" {
		t.Errorf("text: %q", got)
	}
}
