package briefing

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func example(t *testing.T) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS("../../testdata/example-partial"), dataset.Options{Display: "example"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// The golden files were read line by line against testdata/example-partial: EDC
// leads AR-01, TF-01 and TR-01 and partners on TR-02; AR-01 (due
// 2024-12-31) and TF-01 (due 2025-03-31) are open on 2025-07-18.
func TestBuildGolden(t *testing.T) {
	s := example(t)
	b, err := Build(s, Options{Actor: "edc", AsOf: "2025-07-18", Since: "2025-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "actor-edc.md", b.Markdown())
	b, err = Build(s, Options{Theme: "TR", AsOf: "2025-07-18", Since: "2025-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "theme-train.txt", b.Text(100))
}

// TestEverySentenceHasNumbersAndIDs: a sentence about items names them, and
// every sentence carries a figure.
func TestEverySentenceHasNumbersAndIDs(t *testing.T) {
	s := example(t)
	for _, o := range []Options{
		{Actor: "example-department", AsOf: "2025-07-18"},
		{Actor: "council", AsOf: "2025-07-18"},
		{Theme: "transform", AsOf: "2025-07-18", Since: "2024-07-18"},
		{AsOf: "2025-07-18"},
	} {
		b, err := Build(s, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range b.Sections {
			for _, st := range sec.Sentences {
				sent := st.Text
				if !strings.ContainsAny(sent, "0123456789") {
					t.Errorf("%+v: no number in %q", o, sent)
				}
				if !strings.HasSuffix(sent, ".") {
					t.Errorf("%+v: not a full sentence: %q", o, sent)
				}
			}
		}
	}
}

func TestDefaultSince(t *testing.T) {
	b, err := Build(example(t), Options{Actor: "edc", AsOf: "2025-07-18"})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Sections[2].Heading; got != "After 2025-04-18" {
		t.Errorf("heading %q, want three months before as-of", got)
	}
	// TR-01 completed on 2025-05-01, inside the window.
	if got := b.Sections[2].Sentences; len(got) != 2 || got[1].Text != "2025-05-01: TR-01 “Example career pathway” moved from in progress to complete." || got[1].Link == nil {
		t.Errorf("moved: %+v", got)
	}
}

func TestDeterministic(t *testing.T) {
	s := example(t)
	o := Options{Actor: "edc", AsOf: "2025-07-18", Since: "2024-07-18"}
	a, _ := Build(s, o)
	b, _ := Build(s, o)
	if a.Text(80) != b.Text(80) || a.Markdown() != b.Markdown() {
		t.Error("two builds differ")
	}
}

func TestBuildErrors(t *testing.T) {
	s := example(t)
	tests := []struct {
		o    Options
		want string
	}{
		{Options{Actor: "edc", Theme: "train", AsOf: "2025-07-18"}, "one actor or one theme, not both"},
		{Options{Actor: "nobody", AsOf: "2025-07-18"}, `unknown actor "nobody": valid values are example-department, example-council, example-skills`},
		{Options{Theme: "nope", AsOf: "2025-07-18"}, `unknown theme "nope"`},
		{Options{Actor: "edc", AsOf: "2025-07-18", Since: "2025-13-01"}, `since: "2025-13-01" is not a date`},
		{Options{Actor: "edc", AsOf: "2025-07-18", Since: "2025-08-01"}, "since 2025-08-01 is after the as-of date 2025-07-18"},
	}
	for _, tt := range tests {
		_, err := Build(s, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.o, err, tt.want)
		}
	}
}

func TestHostileNames(t *testing.T) {
	s, err := dataset.Load(os.DirFS("../../testdata/hostile-example"), dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(s, Options{Actor: "example-department", AsOf: "2025-06-01"})
	if err != nil {
		t.Fatal(err)
	}
	if txt := b.Text(80); strings.ContainsAny(txt, "\x07\x1b") {
		t.Errorf("control characters in text: %q", txt)
	}
	if md := b.Markdown(); strings.Contains(md, "<i>") || strings.Contains(md, "<b>") {
		t.Errorf("markup in markdown: %q", md)
	}
}

// TestWholeStrategy: with no actor or theme the briefing covers the whole
// strategy, from launch by default, and says what government alone must do
// and what the sector can do now.
func TestWholeStrategy(t *testing.T) {
	s := example(t)
	b, err := Build(s, Options{AsOf: "2025-07-18"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "whole.txt", b.Text(100))
	var headings []string
	for _, sec := range b.Sections {
		headings = append(headings, sec.Heading)
	}
	want := []string{"Headline", "Since launch on " + s.Strategy.Published, "Overdue and without updates", "What government alone must do", "What the sector can do now"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", headings, want)
	}
}

// One line per item per date, however many entries the day has.
func TestOneLinePerItemPerDate(t *testing.T) {
	s := example(t)
	for _, it := range s.Items {
		if it.ID == "TR-01" {
			extra := it.Progress[len(it.Progress)-1]
			extra.Note = "a second entry the same day"
			it.Progress = append(it.Progress, extra)
		}
	}
	b, err := Build(s, Options{Theme: "train", AsOf: "2025-07-18", Since: "2025-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.Text(200), "2025-05-01: TR-01"); n != 1 {
		t.Errorf("TR-01 has %d lines for 2025-05-01:\n%s", n, b.Text(200))
	}
}

func TestPluralNames(t *testing.T) {
	for name, want := range map[string]bool{"Councils": true, "Employers": true, "ICSs": true, "Health and care systems": true,
		"DHSC": false, "NHS England": false, "Skills for Care": false, "BASW": false, "Home Office": false, "Cross-sector partnership": false} {
		if got := pluralName(name); got != want {
			t.Errorf("pluralName(%q) = %v", name, got)
		}
	}
}
