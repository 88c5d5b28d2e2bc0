package check

import (
	"fmt"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/memfs"
)

// base is the valid example dataset of the CLI tests: two items of the
// three declared, so its only finding is the coverage notice.
const base = "../cli/testdata/base"

const today = "2026-01-01"

func run(t *testing.T, files memfs.FS) []finding.Finding {
	t.Helper()
	s, err := dataset.Load(memfs.Overlay{Base: os.DirFS(base), Files: files}, dataset.Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	return Run(s, Options{Today: today})
}

func readBase(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(path.Join(base, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// position returns the 1-based line and column of offset i in src.
func position(src string, i int) (line, col int) {
	before := src[:i]
	return strings.Count(before, "\n") + 1, i - strings.LastIndex(before, "\n")
}

func TestValidBase(t *testing.T) {
	got := run(t, nil)
	src := readBase(t, "strategy.yaml")
	line, col := position(src, strings.Index(src, "3\nlaunch_status"))
	want := finding.Finding{Path: "data/strategy.yaml", Line: line, Column: col, Rule: "coverage", Severity: finding.Notice,
		Message: "2 of the 3 declared items are present"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("the valid base should only note its coverage, got:\n%v", got)
	}
}

const claims = `claims:
  - id: most-complete
    text: Most items are complete.
    date: "2025-06-19"
    source: https://example.org/claim
    measure: status
    statuses: [complete]
    comparison: over
    threshold: 0.9
`

// Each case edits one file of the valid base (replacing old, which must
// occur once, by new; or adding the file when old is empty) and expects the
// rule to fire there, at the first occurrence of at: searched from the edit
// when the edit contains it, else from the top of the file. An empty at means
// the finding has no position. Also lists other rules the edit rightly sets
// off; any rule beyond those fails the case.
func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		at       string
		rule     string
		severity finding.Severity
		message  string // a part of the message, if it matters
		also     []string
	}{
		// strategy.yaml
		{name: "status declared twice", file: "strategy.yaml",
			old: "  - id: in-progress\n", new: "  - id: not-started\n", at: "not-started", rule: "duplicate-id", message: `status "not-started" is declared twice`},
		{name: "launch status not declared", file: "strategy.yaml",
			old: "launch_status: not-started", new: "launch_status: waiting", at: "waiting", rule: "unknown-status", also: []string{"launch-entry"}},
		{name: "published on no calendar day", file: "strategy.yaml",
			old: `published: "2024-07-18"`, new: `published: "2024-02-30"`, at: `"2024-02-30"`, rule: "invalid-date", also: []string{"launch-entry"}},
		{name: "theme declared twice", file: "strategy.yaml",
			old: "  - id: train\n", new: "  - id: attract-and-retain\n", at: "attract-and-retain", rule: "duplicate-id", message: `theme "attract-and-retain"`, also: []string{"unknown-theme"}},
		{name: "theme prefix used twice", file: "strategy.yaml",
			old: "    prefix: TR", new: "    prefix: AR", at: "AR", rule: "duplicate-id", message: `prefix "AR"`, also: []string{"id-prefix"}},
		{name: "area declared twice", file: "strategy.yaml",
			old: "      - id: skills\n        name: Skills\n", new: "      - id: skills\n        name: Skills\n      - id: skills\n        name: Skills again\n",
			at: "skills\n        name: Skills again", rule: "duplicate-id", message: `area "skills" is declared twice in theme "train"`},
		{name: "figure on no calendar day", file: "strategy.yaml",
			old: "sources:\n", new: "figures:\n  - fact: An example figure.\n    date: \"2024-13-01\"\n    source: https://example.org/f\nsources:\n",
			at: `"2024-13-01"`, rule: "invalid-date"},
		{name: "claim counts an undeclared status", file: "strategy.yaml",
			old: "sources:\n", new: strings.Replace(claims, "[complete]", "[finished]", 1) + "sources:\n",
			at: "finished", rule: "unknown-status", message: `claim "most-complete" counts status "finished"`,
			also: []string{"claim-contradicted"}},
		{name: "claim measures status without statuses", file: "strategy.yaml",
			old: "sources:\n", new: strings.Replace(claims, "    statuses: [complete]\n", "", 1) + "sources:\n",
			at: "measure", rule: "missing-field", also: []string{"claim-contradicted"}},
		{name: "claim contradicted by the items", file: "strategy.yaml",
			old: "sources:\n", new: claims + "sources:\n",
			at: "Most items", rule: "claim-contradicted", severity: finding.Warning, message: "between 1 of 3 (33%) and 2 of 3 (67%)"},
		{name: "more items than declared", file: "strategy.yaml",
			old: "declared_items: 3", new: "declared_items: 1", at: "1", rule: "coverage", message: "2 items are present but the strategy declares only 1"},

		// actors.yaml
		{name: "actor type declared twice", file: "actors.yaml",
			old: "  - id: sector-body\n", new: "  - id: central-government\n", at: "central-government", rule: "duplicate-id", also: []string{"unknown-actor-type"}},
		{name: "actor declared twice", file: "actors.yaml",
			old: "  - id: skills-for-care\n", new: "  - id: dhsc\n", at: "dhsc", rule: "duplicate-id", message: `actor "dhsc" is declared twice`, also: []string{"unknown-actor"}},
		{name: "actor of an undeclared type", file: "actors.yaml",
			old: "    type: sector-body", new: "    type: sector", at: "sector", rule: "unknown-actor-type"},

		// items
		{name: "file named for another id", file: "items/TR-01.yaml",
			old: "id: TR-01", new: "id: TR-02", at: "TR-02", rule: "file-name", message: "rename it TR-02.yaml"},
		{name: "undeclared theme", file: "items/TR-01.yaml",
			old: "theme: train", new: "theme: transform", at: "transform", rule: "unknown-theme", message: "(declared: attract-and-retain, train)"},
		{name: "id prefix of another theme", file: "items/TR-01.yaml",
			old: "theme: train\ntheme_basis: stated\narea: skills", new: "theme: attract-and-retain\ntheme_basis: stated\narea: pay",
			at: "TR-01", rule: "id-prefix", message: "whose ids start with AR-"},
		{name: "area not under the theme", file: "items/AR-01.yaml",
			old: "area: pay", new: "area: skills", at: "skills", rule: "unknown-area", message: `(declared: pay)`},
		{name: "unknown actor", file: "items/AR-01.yaml",
			old: "lead: [dhsc]", new: "lead: [dhcs]", at: "dhcs", rule: "unknown-actor", message: `actor "dhcs" is not in actors.yaml (did you mean "dhsc"?)`},
		{name: "lead and partner", file: "items/AR-01.yaml",
			old: "partners: [skills-for-care]", new: "partners: [dhsc]", at: "dhsc", rule: "duplicate-actor", severity: finding.Warning},
		{name: "launch entry on another date", file: "items/TR-01.yaml",
			old: `  - date: "2024-07-18"`, new: `  - date: "2024-07-19"`, at: `"2024-07-19"`, rule: "launch-entry", message: "on 2024-07-18, found 2024-07-19"},
		{name: "launch entry with another status", file: "items/TR-01.yaml",
			old: "    status: not-started\n", new: "    status: in-progress\n", at: "in-progress", rule: "launch-entry", message: `must be "not-started", found "in-progress"`},
		{name: "progress out of order", file: "items/AR-01.yaml",
			old: `"2025-06-19"`, new: `"2024-07-01"`, at: `"2024-07-01"`, rule: "progress-order", also: []string{"before-launch"}, message: "2024-07-01 comes after 2024-07-18"},
		{name: "progress after today", file: "items/AR-01.yaml",
			old: `"2025-06-19"`, new: `"2026-06-19"`, at: `"2026-06-19"`, rule: "future-date", message: "after today (2026-01-01)"},
		{name: "progress on no calendar day", file: "items/AR-01.yaml",
			old: `"2025-06-19"`, new: `"2025-02-29"`, at: `"2025-02-29"`, rule: "invalid-date"},
		{name: "due on no calendar day", file: "items/AR-01.yaml",
			old: `due: "2024-12-31"`, new: `due: "2024-11-31"`, at: `"2024-11-31"`, rule: "invalid-date"},
		{name: "progress without evidence", file: "items/TR-01.yaml",
			old: "    evidence:\n      kind: guidance-published\n      url: https://example.org/guide\n      link: stated\n", new: "",
			at: `date: "2024-09-18"`, rule: "missing-evidence"},
		{name: "complete on an announcement", file: "items/TR-01.yaml",
			old: "kind: guidance-published", new: "kind: announcement", at: "announcement", rule: "weak-evidence"},
		{name: "status differs from the last entry", file: "items/TR-01.yaml",
			old: "status: complete\nprogress:", new: "status: in-progress\nprogress:", at: "in-progress", rule: "status-mismatch",
			message: `status is "in-progress" but the progress log ends at "complete" (2024-09-18)`},
		{name: "an inferred date without a note", file: "strategy.yaml",
			old: "sources:\n  - https://example.org/strategy", new: "figures:\n  - fact: An example figure from an undated page.\n    date: \"2025-07-01\"\n    date_precision: month\n    date_basis: inferred\n    source: https://example.org/undated\nsources:\n  - https://example.org/strategy", at: "inferred", rule: "missing-date-note",
			message: "an inferred date needs date_note"},
		{name: "a status moves back without a correction", file: "items/TR-01.yaml",
			old: "sources:", new: trEntry(`"2025-01-10"`, "in-progress", "") + "sources:", at: "in-progress", rule: "status-regress",
			also:    []string{"status-mismatch"},
			message: "the status moves back from complete to in-progress on 2025-01-10: a status moves back only by a correction"},
		{name: "a correction names no entry", file: "items/TR-01.yaml",
			old: "sources:", new: trCorrection("2024-09-19", "in-progress") + "sources:", at: `"2024-09-19"`, rule: "bad-correction",
			also:    []string{"status-mismatch"},
			message: "the correction names no earlier entry dated 2024-09-19 (entries that can be corrected: 2024-09-18)"},
		{name: "a correction of the launch entry", file: "items/TR-01.yaml",
			old: "sources:", new: trCorrection("2024-07-18", "in-progress") + "sources:", at: `"2024-07-18"`, rule: "bad-correction",
			also:    []string{"status-mismatch"},
			message: "the launch entry records the state on publication and is not corrected"},
		{name: "a correction that changes nothing", file: "items/TR-01.yaml",
			old: "sources:", new: trCorrection("2024-09-18", "complete") + "sources:", at: "complete\n    note: A second", rule: "bad-correction",
			message: "the correction gives the status the entry of 2024-09-18 already has (complete)"},
		{name: "an entry corrected twice", file: "items/TR-01.yaml",
			old: "sources:", new: trCorrection("2024-09-18", "in-progress") + strings.Replace(trCorrection("2024-09-18", "not-started"), "Our reading", "A second reading", 1) + "sources:",
			at: `"2024-09-18"` + "\n      reason: A second", rule: "bad-correction", also: []string{"status-mismatch"},
			message: "the entry of 2024-09-18 is already corrected by the entry recorded on 2025-12-05"},
		{name: "an event found late without recorded", file: "items/TR-01.yaml",
			old: "sources:", new: trEntry(`"2024-08-01"`, "complete", "") + "sources:", at: `"2024-08-01"`, rule: "progress-order",
			message: "progress entries are in the order they were recorded: 2024-08-01 comes after 2024-09-18 (an event found late keeps its own date and adds recorded: with the day it is added)"},
		{name: "recorded before the event", file: "items/TR-01.yaml",
			old: "sources:", new: trEntry(`"2024-10-01"`, "complete", `"2024-09-30"`) + "sources:", at: `"2024-09-30"`, rule: "progress-order",
			message: "an entry is recorded on or after the day it happened: recorded 2024-09-30 is before its date 2024-10-01"},
		{name: "recorded in the future", file: "items/TR-01.yaml",
			old: "sources:", new: trEntry(`"2024-08-01"`, "complete", `"2099-01-01"`) + "sources:", at: `"2099-01-01"`, rule: "future-date",
			message: "progress is recorded on 2099-01-01, after today (2026-01-01)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := ""
			if tt.old != "" {
				src = readBase(t, tt.file)
			}
			if n := strings.Count(src, tt.old); tt.old != "" && n != 1 {
				t.Fatalf("%q occurs %d times in %s", tt.old, n, tt.file)
			}
			start := strings.Index(src, tt.old)
			edited := src[:start] + tt.new + src[start+len(tt.old):]
			from := 0
			if strings.Contains(tt.new, tt.at) {
				from = start
			}
			i := strings.Index(edited[from:], tt.at)
			if i < 0 {
				t.Fatalf("%q not in the edited %s", tt.at, tt.file)
			}
			line, col := position(edited, from+i)
			sev := cmpOr(tt.severity, finding.Error)

			got := run(t, memfs.FS{tt.file: []byte(edited)})
			var hit *finding.Finding
			rules := map[string]bool{}
			for i, f := range got {
				if f.Rule == "coverage" && f.Severity == finding.Notice && tt.rule != "coverage" {
					continue // the base's own warning
				}
				rules[f.Rule] = true
				if f.Rule == tt.rule && f.Path == "data/"+tt.file && f.Line == line && f.Column == col && f.Severity == sev {
					hit = &got[i]
				}
			}
			if hit == nil {
				t.Fatalf("want %s: %s at %s:%d:%d, got:\n%s", sev, tt.rule, tt.file, line, col, list(got))
			}
			if !strings.Contains(hit.Message, tt.message) {
				t.Errorf("message %q lacks %q", hit.Message, tt.message)
			}
			for r := range rules {
				if r != tt.rule && !slices.Contains(tt.also, r) {
					t.Errorf("unexpected %s finding:\n%s", r, list(got))
				}
			}
		})
	}
}

// trEntry is a progress entry to append to the base's TR-01; recorded may be
// empty.
func trEntry(date, status, recorded string) string {
	e := "  - date: " + date + "\n"
	if recorded != "" {
		e += "    recorded: " + recorded + "\n"
	}
	return e + "    status: " + status + "\n    note: A later entry.\n    evidence:\n      kind: progress-review\n      url: https://example.org/later\n      link: stated\n"
}

// trCorrection is a correction entry, recorded on 2025-12-05, to append to
// the base's TR-01.
func trCorrection(corrects, status string) string {
	return "  - date: \"2025-12-05\"\n    status: " + status + "\n    note: A second look at the source.\n    correction:\n      corrects: \"" + corrects + "\"\n      reason: Our reading of the source went further than it does.\n"
}

func cmpOr(s, def finding.Severity) finding.Severity {
	if s == "" {
		return def
	}
	return s
}

func list(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	return b.String()
}

// Items are placed by reading their files again after the whole dataset is
// checked (the loader keeps no tree per item). Unchanged, the re-read places
// a finding exactly; edited in between, it must give no line rather than
// whatever line now sits where the checked value was.
func TestPlacedFromTheCheckedBytes(t *testing.T) {
	const file = "items/AR-01.yaml"
	src := readBase(t, file)
	edited := strings.Replace(src, "lead: [dhsc]", "lead: [dhcs]", 1)
	line, col := position(edited, strings.Index(edited, "dhcs"))
	for _, changed := range []bool{false, true} {
		files := memfs.FS{file: []byte(edited)}
		s, err := dataset.Load(memfs.Overlay{Base: os.DirFS(base), Files: files}, dataset.Options{Display: "data"})
		if err != nil {
			t.Fatal(err)
		}
		if changed {
			// Fixed and saved from an editor while the run was under
			// way: no line of the new file holds the finding.
			files[file] = []byte("# a line more\n" + src)
		}
		var got []finding.Finding
		for _, f := range Run(s, Options{Today: today}) {
			if f.Rule == "unknown-actor" {
				got = append(got, f)
			}
		}
		if len(got) != 1 {
			t.Fatalf("changed=%v: want one unknown-actor finding, got:\n%s", changed, list(got))
		}
		f, text := got[0], got[0].String()
		switch {
		case !changed && (f.Line != line || f.Column != col):
			t.Errorf("unchanged file: finding at %d:%d, want %d:%d", f.Line, f.Column, line, col)
		case changed && f.Line != 0:
			t.Errorf("changed file: finding placed at %d:%d, want no line", f.Line, f.Column)
		case changed && !strings.Contains(text, "data/"+file+": unknown-actor: ") ||
			changed && !strings.Contains(f.Message, "the file changed while it was being checked"):
			t.Errorf("changed file: the finding should say the file changed, got %q", text)
		case changed && strings.Contains(text, "whole file"):
			t.Errorf("changed file: the finding is not about the whole file, got %q", text)
		}
	}
}
