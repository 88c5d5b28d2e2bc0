package memfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func names(t *testing.T, fsys fs.FS, dir string) string {
	t.Helper()
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatalf("ReadDir(%q): %v", dir, err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		out = append(out, n)
	}
	return strings.Join(out, " ")
}

func read(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	// Through Open, as the dataset loader reads, not the ReadFile shortcut.
	f, err := fsys.Open(name)
	if err != nil {
		t.Fatalf("Open(%q): %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(b)
}

func TestFSConforms(t *testing.T) {
	m := FS{
		"strategy.yaml":    []byte("title: x\n"),
		"items/AR-01.yaml": []byte("id: AR-01\n"),
		"items/TR-01.yaml": []byte("id: TR-01\n"),
		"items/deep/x.txt": []byte(""),
	}
	if err := fstest.TestFS(m, "strategy.yaml", "items/AR-01.yaml", "items/TR-01.yaml", "items/deep/x.txt"); err != nil {
		t.Fatal(err)
	}
}

func TestFS(t *testing.T) {
	m := FS{"strategy.yaml": []byte("a"), "items/AR-01.yaml": []byte("bb"), "items/sub/x": nil}
	if got := names(t, m, "."); got != "items/ strategy.yaml" {
		t.Errorf("root lists %q", got)
	}
	if got := names(t, m, "items"); got != "AR-01.yaml sub/" {
		t.Errorf("items lists %q", got)
	}
	st, err := fs.Stat(m, "items/AR-01.yaml")
	if err != nil || st.IsDir() || st.Size() != 2 || st.Name() != "AR-01.yaml" {
		t.Errorf("Stat of a file: %v, %v", st, err)
	}
	if st, err := fs.Stat(m, "items"); err != nil || !st.IsDir() {
		t.Errorf("Stat of an implied folder: %v, %v", st, err)
	}
	// The loader tells a folder named like an item by Stat on the opened file.
	f, err := m.Open("items")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.Stat(); err != nil || !st.IsDir() {
		t.Errorf("opened folder Stat: %v, %v", st, err)
	}
	if _, err := f.Read(make([]byte, 1)); err == nil {
		t.Error("reading a folder as a file succeeded")
	}

	for _, name := range []string{"nope.yaml", "items/nope", "item"} {
		if _, err := m.Open(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%q): %v, want not exist", name, err)
		}
		if _, err := fs.Stat(m, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%q): %v, want not exist", name, err)
		}
	}
	for _, name := range []string{"../x", "/strategy.yaml", "items/", "./strategy.yaml"} {
		if _, err := m.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want invalid", name, err)
		}
	}
	if _, err := fs.ReadDir(m, "strategy.yaml"); err == nil {
		t.Error("ReadDir of a file succeeded")
	}

	b, err := fs.ReadFile(m, "strategy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b[0] = 'z'
	if got := read(t, m, "strategy.yaml"); got != "a" {
		t.Errorf("changing what ReadFile returned changed the file: %q", got)
	}
}

func TestEmptyFSHasARoot(t *testing.T) {
	if st, err := fs.Stat(FS{}, "."); err != nil || !st.IsDir() {
		t.Errorf("Stat(.) of an empty FS: %v, %v", st, err)
	}
	if got := names(t, FS{}, "."); got != "" {
		t.Errorf("empty FS lists %q", got)
	}
}

func TestOverlay(t *testing.T) {
	base := FS{"strategy.yaml": []byte("old"), "items/AR-01.yaml": []byte("ar"), "items/TR-01.yaml": []byte("tr")}
	o := Overlay{Base: base, Files: FS{
		"items/AR-01.yaml": []byte("changed"),
		"items/AR-02.yaml": []byte("new"),
		"plans/p.yaml":     []byte("plan"),
	}}
	if err := fstest.TestFS(o, "strategy.yaml", "items/AR-01.yaml", "items/AR-02.yaml", "items/TR-01.yaml", "plans/p.yaml"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, o, "items/AR-01.yaml"); got != "changed" {
		t.Errorf("replaced file reads %q", got)
	}
	if got := read(t, o, "items/TR-01.yaml"); got != "tr" {
		t.Errorf("untouched file reads %q", got)
	}
	if got := names(t, o, "items"); got != "AR-01.yaml AR-02.yaml TR-01.yaml" {
		t.Errorf("items lists %q", got)
	}
	if got := names(t, o, "."); got != "items/ plans/ strategy.yaml" {
		t.Errorf("root lists %q", got)
	}
	st, err := fs.Stat(o, "items/AR-01.yaml")
	if err != nil || st.Size() != int64(len("changed")) {
		t.Errorf("Stat of a replaced file: %v, %v", st, err)
	}
	if got := read(t, base, "items/AR-01.yaml"); got != "ar" {
		t.Errorf("the overlay changed its base: %q", got)
	}
	if _, err := o.Open("items/nope.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing file: %v", err)
	}
}

func TestOverlayOnDisk(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "items"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "items", "AR-01.yaml"), []byte("disk"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Overlay{Base: os.DirFS(dir), Files: FS{"items/AR-02.yaml": []byte("new")}}
	if got := names(t, o, "items"); got != "AR-01.yaml AR-02.yaml" {
		t.Errorf("items lists %q", got)
	}
	if got := read(t, o, "items/AR-01.yaml"); got != "disk" {
		t.Errorf("file on disk reads %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "items", "AR-02.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the overlay wrote to disk: %v", err)
	}

	// With nothing laid over it, a missing folder stays missing: the loader
	// tells "no dataset" by Stat(".").
	gone := Overlay{Base: os.DirFS(filepath.Join(dir, "nope"))}
	if _, err := fs.Stat(gone, "."); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat(.) over a missing folder: %v", err)
	}
}

func TestOverlayFileOverFolder(t *testing.T) {
	// A folder named like an item in the base, replaced by a file: the
	// change wins, wherever it is looked at.
	o := Overlay{Base: FS{"items/x.yaml/inner": []byte("i")}, Files: FS{"items/x.yaml": []byte("file")}}
	if st, err := fs.Stat(o, "items/x.yaml"); err != nil || st.IsDir() {
		t.Errorf("Stat: %v, %v", st, err)
	}
	entries, err := fs.ReadDir(o, "items")
	if err != nil || len(entries) != 1 || entries[0].IsDir() {
		t.Errorf("ReadDir: %v, %v", entries, err)
	}
	if got := read(t, o, "items/x.yaml"); got != "file" {
		t.Errorf("read %q", got)
	}
	var files []string
	err = fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil || !slices.Equal(files, []string{"items/x.yaml"}) {
		t.Errorf("walk finds %v, %v", files, err)
	}
}
