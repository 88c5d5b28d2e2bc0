package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/memfs"
)

// base is the example dataset of the CLI tests: AR-01 (dhsc with
// skills-for-care, in progress since 2025-06-19) and TR-01 (skills-for-care,
// complete); dhsc is central government, skills-for-care a sector body.
const base = "../cli/testdata/base"

// item is a minimal valid item led by lead.
func item(id, theme, area, lead string) string {
	return "id: " + id + `
title: Example item
summary: An example item, for tests.
kind: commitment
membership: listed
theme: ` + theme + `
theme_basis: inferred
area: ` + area + `
actors:
  lead: [` + lead + `]
  partners: []
timescale:
  stated: not stated
status: not-started
progress:
  - date: "2024-07-18"
    status: not-started
    note: Launch state.
sources:
  - url: https://example.org/source
    kind: official
`
}

func TestLoad(t *testing.T) {
	fsys := memfs.Overlay{Base: os.DirFS(base), Files: memfs.FS{
		"items/AR-02.yaml": []byte(item("AR-02", "attract-and-retain", "pay", "dhsc")),
		"items/TR-02.yml":  []byte(item("TR-02", "train", "skills", "nobody")),
		"items/README.md":  []byte("not an item"),
	}}
	s, err := Load(fsys, Options{Display: "data", Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Findings) != 0 {
		t.Errorf("findings on a valid dataset: %v", s.Findings)
	}
	if s.ItemFiles != 4 || len(s.Items) != 4 || s.Declared() != 3 {
		t.Errorf("item files %d, items %d, declared %d; want 4, 4, 3", s.ItemFiles, len(s.Items), s.Declared())
	}
	if s.Strategy == nil || s.Strategy.Title != "Example strategy" || s.Registry == nil || len(s.Registry.Actors) != 2 {
		t.Fatalf("strategy or registry not read: %+v, %+v", s.Strategy, s.Registry)
	}

	// Sorted by id, each with its path as shown and its derived actor type.
	want := []struct{ id, path, actorType string }{
		{"AR-01", "data/items/AR-01.yaml", GovernmentWithSector},
		{"AR-02", "data/items/AR-02.yaml", GovernmentOnly},
		{"TR-01", "data/items/TR-01.yaml", SectorOnly},
		{"TR-02", "data/items/TR-02.yml", ActorTypeUnknown},
	}
	for i, w := range want {
		it := s.Items[i]
		if it.ID != w.id || it.Path != w.path || it.ActorType != w.actorType {
			t.Errorf("item %d: %s %s %s, want %s %s %s", i, it.ID, it.Path, it.ActorType, w.id, w.path, w.actorType)
		}
		if it.Doc == nil {
			t.Errorf("%s: no document to locate findings in", it.ID)
		}
	}

	if gov, known := s.IsGovernment("dhsc"); !gov || !known {
		t.Errorf("dhsc: government %v, known %v", gov, known)
	}
	if _, known := s.IsGovernment("nobody"); known {
		t.Error("an actor not in the registry is known")
	}
	if a := s.Actor("skills-for-care"); a == nil || a.Short != "SfC" {
		t.Errorf("Actor(skills-for-care) = %+v", a)
	}
	if th := s.Theme("train"); th == nil || th.Prefix != "TR" {
		t.Errorf("Theme(train) = %+v", th)
	}
	if s.Theme("transform") != nil {
		t.Error("a theme the strategy does not declare was found")
	}

	for _, id := range []string{"AR-01", "ar-01", "Ar-01"} {
		if it := s.Item(id); it == nil || it.ID != "AR-01" {
			t.Errorf("Item(%q) = %v", id, it)
		}
	}
	if s.Item("AR-99") != nil {
		t.Error("Item(AR-99) found something")
	}
}

func TestStatusOn(t *testing.T) {
	s, err := Load(os.DirFS(base), Options{})
	if err != nil {
		t.Fatal(err)
	}
	it := s.Item("AR-01")
	tests := []struct {
		date   string
		status string
		ok     bool
	}{
		{"2024-07-17", "", false}, // before the log starts
		{"2024-07-18", "not-started", true},
		{"2025-06-18", "not-started", true},
		{"2025-06-19", "in-progress", true}, // an entry counts from its own day
		{"2030-01-01", "in-progress", true},
	}
	for _, tt := range tests {
		if status, ok := it.StatusOn(tt.date); status != tt.status || ok != tt.ok {
			t.Errorf("StatusOn(%s) = %q, %v; want %q, %v", tt.date, status, ok, tt.status, tt.ok)
		}
	}
}

// copyBase copies the example dataset to a fresh folder on disk.
func copyBase(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func loadDir(t *testing.T, dir string) *Set {
	t.Helper()
	s, err := Load(os.DirFS(dir), Options{Display: "data", OSRoot: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// only returns the one finding in s, failing unless there is exactly one.
func only(t *testing.T, s *Set) finding.Finding {
	t.Helper()
	if len(s.Findings) != 1 {
		t.Fatalf("want one finding, got %v", s.Findings)
	}
	return s.Findings[0]
}

func TestLoadRefusesSymlinkOut(t *testing.T) {
	dir := copyBase(t)
	outside := filepath.Join(t.TempDir(), "AR-02.yaml")
	if err := os.WriteFile(outside, []byte(item("AR-02", "attract-and-retain", "pay", "dhsc")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "items", "AR-02.yaml")); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	// A symlink that stays inside the folder is fine.
	if err := os.Rename(filepath.Join(dir, "items", "TR-01.yaml"), filepath.Join(dir, "TR-01.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "TR-01.yaml"), filepath.Join(dir, "items", "TR-01.yaml")); err != nil {
		t.Fatal(err)
	}
	s := loadDir(t, dir)
	f := only(t, s)
	if f.Path != "data/items/AR-02.yaml" || f.Rule != "file-symlink" || f.Severity != finding.Error || !strings.Contains(f.Message, "outside the dataset folder") {
		t.Errorf("finding: %s", f)
	}
	if s.Item("AR-02") != nil {
		t.Error("the item behind the symlink was read")
	}
	if s.Item("TR-01") == nil || s.ItemFiles != 3 {
		t.Errorf("symlink inside the folder: TR-01 %v, item files %d", s.Item("TR-01"), s.ItemFiles)
	}
}

func TestLoadRefusesItemsFolderOutside(t *testing.T) {
	dir := copyBase(t)
	elsewhere := filepath.Join(t.TempDir(), "items")
	if err := os.Rename(filepath.Join(dir, "items"), elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "items")); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	s := loadDir(t, dir)
	if f := only(t, s); f.Path != "data/items" || f.Rule != "file-symlink" {
		t.Errorf("finding: %s", f)
	}
	if len(s.Items) != 0 {
		t.Errorf("items read through the symlink: %d", len(s.Items))
	}
}

func TestLoadFileTooLarge(t *testing.T) {
	dir := copyBase(t)
	big := strings.Repeat("# padding\n", MaxFileSize/10+1)
	if err := os.WriteFile(filepath.Join(dir, "items", "AR-02.yaml"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	s := loadDir(t, dir)
	f := only(t, s)
	if f.Path != "data/items/AR-02.yaml" || f.Rule != "file-too-large" || f.Line != MaxFileSize/10+1 || f.Column != 1 {
		t.Errorf("finding: %s", f)
	}
	if len(s.Items) != 2 || s.ItemFiles != 3 {
		t.Errorf("items %d, item files %d; want 2, 3", len(s.Items), s.ItemFiles)
	}
}

func TestLoadFolderNamedLikeAnItem(t *testing.T) {
	dir := copyBase(t)
	if err := os.Mkdir(filepath.Join(dir, "items", "x.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	f := only(t, loadDir(t, dir))
	if f.Path != "data/items/x.yaml" || f.Rule != "file-unreadable" || f.Message != "is a folder, not a file" {
		t.Errorf("finding: %s", f)
	}
}

func TestLoadMissing(t *testing.T) {
	dir := copyBase(t)
	if err := os.Remove(filepath.Join(dir, "strategy.yaml")); err != nil {
		t.Fatal(err)
	}
	s := loadDir(t, dir)
	if f := only(t, s); f.Path != "data/strategy.yaml" || f.Rule != "missing-file" {
		t.Errorf("finding: %s", f)
	}
	if s.Strategy != nil || s.Declared() != 2 {
		t.Errorf("without strategy.yaml: strategy %v, declared %d (want the items present, 2)", s.Strategy, s.Declared())
	}

	_, err := Load(os.DirFS(filepath.Join(dir, "nope")), Options{Display: "nope"})
	if !errors.Is(err, ErrNoDataset) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing folder: %v", err)
	}
}

// Two files with one id count once: the first in name order stands, the
// other is a finding at its id, so no figure counts the item twice.
func TestLoadDuplicateID(t *testing.T) {
	fsys := memfs.Overlay{Base: os.DirFS(base), Files: memfs.FS{
		"items/TR-01.yml": []byte("# a copy\n" + item("TR-01", "train", "skills", "dhsc")),
	}}
	s, err := Load(fsys, Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Items) != 2 || s.ItemFiles != 3 {
		t.Fatalf("items %d, item files %d; want 2, 3", len(s.Items), s.ItemFiles)
	}
	if it := s.Item("TR-01"); it == nil || it.Path != "data/items/TR-01.yaml" {
		t.Errorf("kept %v, want the first file in name order", it)
	}
	f := only(t, s)
	if f.Path != "data/items/TR-01.yml" || f.Rule != "duplicate-id" || f.Line != 2 || f.Column != 5 ||
		!strings.Contains(f.Message, "already used by data/items/TR-01.yaml") {
		t.Errorf("finding: %s", f)
	}
}
