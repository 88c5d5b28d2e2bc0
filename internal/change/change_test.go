package change

import (
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/memfs"
)

// base is the small example dataset shared with the CLI tests: AR-01
// (in-progress) and TR-01 (complete), three items declared.
const base = "../cli/testdata/base"

const launch = `  - date: "2024-07-18"
    status: not-started
    note: Launch state.
`

func entry(date, status, note, kind, url string) string {
	return `  - date: "` + date + `"
    status: ` + status + `
    note: ` + note + `
    evidence:
      kind: ` + kind + `
      url: ` + url + `
      link: stated
`
}

// item writes an item file for the example dataset. Its theme follows its
// id's prefix.
func item(id, title, status string, entries ...string) string {
	theme, area := "train", "skills"
	if strings.HasPrefix(id, "AR-") {
		theme, area = "attract-and-retain", "pay"
	}
	return `id: ` + id + `
title: ` + title + `
summary: An example item, for tests.
kind: commitment
membership: listed
theme: ` + theme + `
theme_basis: stated
area: ` + area + `
actors:
  lead: [skills-for-care]
  partners: []
timescale:
  stated: not stated
status: ` + status + `
progress:
` + strings.Join(entries, "") + `sources:
  - url: https://example.org/source
    kind: official
`
}

func load(t *testing.T, files memfs.FS) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(memfs.Overlay{Base: os.DirFS(base), Files: files}, dataset.Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Findings {
		t.Fatalf("fixture does not load cleanly: %s", f)
	}
	return s
}

// lineOf returns the 1-based line of the first line of src containing s.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in the fixture", s)
	return 0
}

// The two states below change every way Compare tells apart:
//   - AR-01 moves in-progress -> complete on dated evidence, and is retitled;
//   - TR-01 has its second entry's note rewritten (same status);
//   - TR-02 is removed;
//   - TR-03 loses its second entry and falls back to not-started;
//   - AR-02 is added.
var (
	ar01Before = item("AR-01", "Example pay item", "in-progress",
		launch, entry("2025-06-19", "in-progress", "Named as being implemented.", "progress-review", "https://example.org/one-year"))
	ar01After = item("AR-01", "Example pay item, renamed", "complete",
		launch, entry("2025-06-19", "in-progress", "Named as being implemented.", "progress-review", "https://example.org/one-year"),
		entry("2025-09-01", "complete", "Delivered.", "guidance-published", "https://example.org/delivered"))
	tr01Before = item("TR-01", "Example training item", "complete",
		launch, entry("2024-09-18", "complete", "New guidance published.", "guidance-published", "https://example.org/guide"))
	tr01After = item("TR-01", "Example training item", "complete",
		launch, entry("2024-09-18", "complete", "Guidance published, as we now say.", "guidance-published", "https://example.org/guide"))
	tr02       = item("TR-02", "Example removed item", "not-started", launch)
	tr03Before = item("TR-03", "Example reverted item", "in-progress",
		launch, entry("2025-01-10", "in-progress", "Started.", "progress-review", "https://example.org/started"))
	tr03After = item("TR-03", "Example reverted item", "not-started", launch)
	ar02      = item("AR-02", "Example added item", "not-started", launch)
)

func states(t *testing.T) (before, after *dataset.Set) {
	before = load(t, memfs.FS{
		"items/AR-01.yaml": []byte(ar01Before),
		"items/TR-01.yaml": []byte(tr01Before),
		"items/TR-02.yaml": []byte(tr02),
		"items/TR-03.yaml": []byte(tr03Before),
	})
	after = load(t, memfs.FS{
		"items/AR-01.yaml": []byte(ar01After),
		"items/TR-01.yaml": []byte(tr01After),
		"items/TR-03.yaml": []byte(tr03After),
		"items/AR-02.yaml": []byte(ar02),
	})
	return before, after
}

func ids(refs []ItemRef) string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID+"="+r.Status)
	}
	return strings.Join(out, " ")
}

func TestCompare(t *testing.T) {
	before, after := states(t)
	r := Compare(before, after, "main", "HEAD")

	if r.Base != "main" || r.Head != "HEAD" {
		t.Errorf("labels %q, %q", r.Base, r.Head)
	}
	if got := ids(r.Added); got != "AR-02=not-started" {
		t.Errorf("added: %s", got)
	}
	if got := ids(r.Removed); got != "TR-02=not-started" {
		t.Errorf("removed: %s", got)
	}

	progress := map[string]Progress{}
	for _, p := range r.Progress {
		progress[p.ID] = p
	}
	if len(progress) != 3 {
		t.Errorf("want progress on AR-01, TR-01 and TR-03, got %+v", r.Progress)
	}
	ar := progress["AR-01"]
	if ar.From != "in-progress" || ar.To != "complete" || !ar.Moved() || ar.Added != 1 || ar.Rewrote {
		t.Errorf("AR-01: %+v", ar)
	}
	if e := ar.Entry; e == nil || e.Date != "2025-09-01" || e.Evidence == nil || e.Evidence.URL != "https://example.org/delivered" {
		t.Errorf("AR-01 newest entry: %+v", ar.Entry)
	}
	if tr := progress["TR-01"]; tr.Moved() || tr.Added != 0 || tr.Entry != nil || !tr.Rewrote {
		t.Errorf("TR-01 (note rewritten, no move): %+v", tr)
	}
	if tr := progress["TR-03"]; tr.From != "in-progress" || tr.To != "not-started" || tr.Added != 0 || !tr.Rewrote {
		t.Errorf("TR-03 (entry deleted): %+v", tr)
	}

	if len(r.Fields) != 1 || r.Fields[0] != (Field{ID: "AR-01", Field: "title", From: "Example pay item", To: "Example pay item, renamed"}) {
		t.Errorf("fields: %+v", r.Fields)
	}

	// Before: AR-01, TR-01, TR-03 counted; after: AR-01 and TR-01.
	if r.Declared != 3 || r.Before != 3 || r.After != 2 || r.PresentBefore != 4 || r.PresentAfter != 4 {
		t.Errorf("declared %d, before %d of %d, after %d of %d", r.Declared, r.Before, r.PresentBefore, r.After, r.PresentAfter)
	}
	if got := r.Headline(); got != "in progress or complete: 3/3 -> 2/3" {
		t.Errorf("headline: %s", got)
	}
	if got := r.Moves(); got != "1 item moved to not started, 1 to complete" {
		t.Errorf("moves: %s", got)
	}
	if r.Empty() {
		t.Error("report says nothing changed")
	}
}

func TestCompareSame(t *testing.T) {
	before, _ := states(t)
	r := Compare(before, before, "a", "b")
	if !r.Empty() || r.Moves() != "no status changes" || r.Before != r.After {
		t.Errorf("a dataset compared with itself: %+v", r)
	}
	if fs := AppendOnly(before, before, "a"); len(fs) != 0 {
		t.Errorf("append-only findings on an unchanged dataset: %v", fs)
	}
}

func TestMovesPlural(t *testing.T) {
	r := Report{Progress: []Progress{
		{ID: "A", From: "not-started", To: "complete"},
		{ID: "B", From: "not-started", To: "in-progress"},
		{ID: "C", From: "not-started", To: "in-progress"},
		{ID: "D", From: "complete", To: "complete", Added: 1},
	}}
	if got := r.Moves(); got != "2 items moved to in progress, 1 to complete" {
		t.Errorf("moves: %s", got)
	}
}

// While items are missing, the headline gives counts among the items present
// and the range each allows for the whole strategy.
func TestHeadlinePartial(t *testing.T) {
	r := Report{Declared: 56, Before: 9, PresentBefore: 31, After: 10, PresentAfter: 31}
	if got, want := r.Headline(), "in progress or complete: 9/31 present -> 10/31 present (16-61% -> 17-63% of the 56 declared)"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAppendOnly(t *testing.T) {
	before, after := states(t)
	got := AppendOnly(before, after, "main")
	want := []finding.Finding{
		{Path: "data/items/TR-01.yaml", Line: lineOf(t, tr01After, `- date: "2024-09-18"`), Column: 5, Rule: "append-only", Severity: finding.Error,
			Message: "progress entry 2 of main (2024-09-18, complete, evidence https://example.org/guide) was edited: note changed; progress logs are append-only: restore it and add a new entry instead"},
		{Path: "data/items/TR-02.yaml", Rule: "append-only", Severity: finding.Error,
			Message: "item TR-02 was removed since main, and its progress log with it: ids never change and items stay; restore the file"},
		{Path: "data/items/TR-03.yaml", Line: lineOf(t, tr03After, "progress:"), Column: 1, Rule: "append-only", Severity: finding.Error,
			Message: "progress entry 2 of main (2025-01-10, in-progress, evidence https://example.org/started) was deleted: progress logs are append-only; restore it"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

// Entries are matched by date, status and evidence, not by position:
// deleting the third of four names the third, and leaves the fourth alone;
// an edit names the fields that changed.
func TestAppendOnlyMatchesByIdentity(t *testing.T) {
	ev := func(u string) *dataset.Evidence {
		return &dataset.Evidence{Kind: "announcement", URL: u, Link: "stated"}
	}
	log := []dataset.Entry{
		{Date: "2024-07-18", Status: "not-started"},
		{Date: "2025-01-10", Status: "in-progress", Note: "opened", Evidence: ev("https://example.org/1")},
		{Date: "2025-06-01", Status: "in-progress", Note: "more", Evidence: ev("https://example.org/2")},
		{Date: "2025-12-18", Status: "complete", Note: "done", Evidence: ev("https://example.org/3")},
	}
	deleted := append(append([]dataset.Entry{}, log[:2]...), log[3])
	got := entryProblems(log, deleted)
	if len(got) != 1 || got[0].base != 2 || got[0].head != -1 {
		t.Errorf("deleting entry 3 of 4: %+v, want entry 3 deleted and nothing else", got)
	}
	edited := append([]dataset.Entry{}, log...)
	e := edited[2]
	e.Note, e.Evidence = "rewritten", &dataset.Evidence{Kind: "announcement", URL: "https://example.org/2", Link: "read"}
	edited[2] = e
	got = entryProblems(log, edited)
	if len(got) != 1 || got[0].base != 2 || got[0].head != 2 || strings.Join(got[0].fields, ",") != "note,evidence.link" {
		t.Errorf("editing entry 3: %+v, want entry 3 edited in note and evidence.link", got)
	}
	restatused := append([]dataset.Entry{}, log...)
	restatused[1].Status = "complete"
	got = entryProblems(log, restatused)
	if len(got) != 1 || got[0].base != 1 || strings.Join(got[0].fields, ",") != "status" {
		t.Errorf("changing entry 2's status: %+v, want an edit of its status", got)
	}
	inserted := append(append(append([]dataset.Entry{}, log[:2]...), dataset.Entry{Date: "2025-03-01", Status: "in-progress"}), log[2:]...)
	got = entryProblems(log, inserted)
	if len(got) != 1 || got[0].base != -1 || got[0].head != 2 {
		t.Errorf("inserting an entry: %+v, want one inserted entry", got)
	}
	if got := entryProblems(log, append(append([]dataset.Entry{}, log...), dataset.Entry{Date: "2026-01-01", Status: "complete"})); len(got) != 0 {
		t.Errorf("appending is fine: %+v", got)
	}
}
