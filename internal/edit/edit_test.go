package edit

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/memfs"
	"github.com/open-workforce/strategy/internal/textdiff"
)

var update = flag.Bool("update", false, "rewrite golden files")

const example = "../../testdata/example"

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, textdiff.Unified("want", "got", want, got))
	}
}

func progressUpdate() Update {
	return Update{
		Status: "in-progress", Date: "2025-03-01", Note: "An example: work began.",
		Evidence: &dataset.Evidence{Kind: "programme-launched", URL: "https://example.org/news/2", Link: "stated"},
	}
}

// TestApplyUpdate checks the edited files against golden files, and that the
// only lines the edit touches are the status line and the new entry.
func TestApplyUpdate(t *testing.T) {
	for _, id := range []string{"AR-01", "TR-01", "TF-01"} {
		t.Run(id, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(example, "items", id+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			u := progressUpdate()
			if id == "TF-01" {
				u.Note = "needs: quoting # and no comment"
				u.Evidence.Title = "yes"
			}
			got, err := ApplyUpdate(src, u)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "TestApplyUpdate/"+id, got)
			d := textdiff.Unified("a", "b", src, got)
			removed := 0
			for _, l := range strings.Split(d, "\n") {
				if strings.HasPrefix(l, "-") && !strings.HasPrefix(l, "---") {
					removed++
					if !strings.HasPrefix(l, "-status:") {
						t.Errorf("the edit removed a line other than status: %q", l)
					}
				}
			}
			if removed > 1 {
				t.Errorf("the edit removed %d lines, want at most 1", removed)
			}
			set, err := dataset.Load(mapWith(t, "items/"+id+".yaml", got), dataset.Options{})
			if err != nil {
				t.Fatal(err)
			}
			it := set.Item(id)
			if it == nil {
				t.Fatalf("edited file does not load: %v", set.Findings)
			}
			last := it.Progress[len(it.Progress)-1]
			if it.Status != "in-progress" || last.Note != u.Note || last.Date != u.Date || *last.Evidence != *u.Evidence {
				t.Errorf("edited item reads back as status %q, last entry %+v", it.Status, last)
			}
		})
	}
}

func mapWith(t *testing.T, name string, data []byte) memfs.FS {
	t.Helper()
	fsys, err := ReadFolder(example)
	if err != nil {
		t.Fatal(err)
	}
	fsys[name] = data
	return fsys
}

func TestApplyUpdateKeepsBOMAndCRLF(t *testing.T) {
	src := []byte("\xef\xbb\xbfid: AR-01\r\nstatus: not-started # now\r\nprogress:\r\n  - date: \"2024-07-18\"\r\n    status: not-started\r\n    note: Launch state.\r\nsources: []\r\n")
	got, err := ApplyUpdate(src, progressUpdate())
	if err != nil {
		t.Fatal(err)
	}
	want := "\xef\xbb\xbfid: AR-01\r\nstatus: in-progress # now\r\nprogress:\r\n  - date: \"2024-07-18\"\r\n    status: not-started\r\n    note: Launch state.\r\n" +
		"  - date: \"2025-03-01\"\r\n    status: in-progress\r\n    note: \"An example: work began.\"\r\n" +
		"    evidence:\r\n      kind: programme-launched\r\n      url: https://example.org/news/2\r\n      link: stated\r\n" +
		"sources: []\r\n"
	if string(got) != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestApplyUpdateRefuses(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"flow progress", "status: x\nprogress: [{date: \"2024-07-18\"}]\n", "progress at line 2 is written as [ ... ]"},
		{"no progress", "status: x\n", "progress is missing"},
		{"block status", "status: |\n  x\nprogress:\n  - date: \"2024-07-18\"\n", "status at line 1: the value is a block of text"},
		{"broken yaml", "status: [x\n", "fix the file before editing it"},
		{"duplicate key", "status: x\nstatus: y\nprogress:\n  - a: b\n", `2:1: key "status" already defined at line 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ApplyUpdate([]byte(tt.src), progressUpdate())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestNewItemRender(t *testing.T) {
	n := NewItem{
		ID: "AR-02", Title: "Example: a new item", Summary: "An example item created by a test.",
		Kind: "recommendation", Membership: "listed", Theme: "attract-and-retain", ThemeBasis: "inferred", Area: "careers",
		Lead: []string{"example-dept"}, Timescale: "not stated",
		Sources:    []dataset.Source{{URL: "https://example.org/strategy#careers", Kind: "official"}},
		LaunchDate: "2024-07-18", LaunchStatus: "not-started",
	}
	got, err := n.Render()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "TestNewItemRender", got)
}

func TestNextID(t *testing.T) {
	items := []*dataset.Item{{ID: "AR-01"}, {ID: "AR-07"}, {ID: "TR-03"}, {ID: "AR-x"},
		// Past every machine integer: the next id follows on, never wraps.
		{ID: "TR-9223372036854775807"}, {ID: "UN-18446744073709551615"}, {ID: "TF-99999999999999999999999"}, {ID: "TF-+5"}, {ID: "TF--3"}}
	for prefix, want := range map[string]string{"AR": "AR-08", "TR": "TR-9223372036854775808", "UN": "UN-18446744073709551616", "TF": "TF-100000000000000000000000", "XX": "XX-01"} {
		if got := NextID(items, prefix); got != want {
			t.Errorf("NextID(%s) = %s, want %s", prefix, got, want)
		}
	}
}

func TestCheckerErrors(t *testing.T) {
	fsys, err := ReadFolder(example)
	if err != nil {
		t.Fatal(err)
	}
	c := Checker{Display: "data", Today: "2025-06-01"}
	src := fsys["items/AR-01.yaml"]
	tests := []struct {
		name   string
		update func(*Update)
		rule   string
	}{
		{"valid", func(*Update) {}, ""},
		{"missing evidence", func(u *Update) { u.Evidence = nil }, "missing-evidence"},
		{"earlier than last entry", func(u *Update) { u.Date = "2024-01-01" }, "progress-order"},
		{"future", func(u *Update) { u.Date = "2025-07-01" }, "future-date"},
		{"unknown status", func(u *Update) { u.Status = "finished" }, "invalid-value"},
		{"complete on an announcement", func(u *Update) { u.Status = "complete"; u.Evidence.Kind = "announcement" }, "weak-evidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := progressUpdate()
			tt.update(&u)
			out, err := ApplyUpdate(src, u)
			if err != nil {
				t.Fatal(err)
			}
			errs, err := c.Errors(fsys, map[string][]byte{"items/AR-01.yaml": out})
			if err != nil {
				t.Fatal(err)
			}
			if tt.rule == "" {
				if len(errs) > 0 {
					t.Errorf("want no errors, got %v", errs)
				}
				return
			}
			if !hasRule(errs, tt.rule) {
				t.Errorf("want a %s error, got %v", tt.rule, errs)
			}
			for _, f := range errs {
				if f.Path != "data/items/AR-01.yaml" || f.Line == 0 {
					t.Errorf("finding not located in the edited file: %s", f)
				}
			}
		})
	}
}

// A new file is checked as part of the folder it joins, read straight from
// disk: a second item with an id already in use is refused, and the errors
// already in the folder are not blamed on it.
func TestCheckerErrorsNewFile(t *testing.T) {
	c := Checker{Display: "data", Today: "2025-06-01"}
	src, err := os.ReadFile(filepath.Join(example, "items", "AR-01.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	errs, err := c.Errors(os.DirFS(example), map[string][]byte{"items/AR-01-copy.yaml": src})
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || errs[0].Rule != "duplicate-id" || errs[0].Path != "data/items/AR-01.yaml" && errs[0].Path != "data/items/AR-01-copy.yaml" {
		t.Errorf("want one duplicate-id error, got %v", errs)
	}
}

func hasRule(fs []finding.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
