package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "report.html")
	if err := Write(name, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertFile(t, name, "one\n")
	// Write overwrites, and sets the mode it is given whatever was there.
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertFile(t, name, "two\n")
	assertMode(t, name, 0o644)
	if err := Write(filepath.Join(dir, "missing", "x.html"), []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("write into a missing folder: %v, want not exist", err)
	}
	assertNoTemp(t, dir)
}

func TestWriteReplacesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "out.svg")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(link, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertFile(t, target, "keep\n")
	assertFile(t, link, "new\n")
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink != 0 {
		t.Error("the link is still a link: Write followed it")
	}
	assertNoTemp(t, dir)
}

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "AR-02.yaml")
	if err := Create(name, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertFile(t, name, "x\n")
	assertMode(t, name, 0o644)
	err := Create(name, []byte("y\n"), 0o644)
	if !errors.Is(err, ErrExists) || err.Error() != "already exists" {
		t.Errorf("got %v, want ErrExists", err)
	}
	assertFile(t, name, "x\n")

	// Something appears at the name after the check a Stat would have made:
	// the link still refuses, where a rename would replace it.
	late := filepath.Join(dir, "late.yaml")
	beforeCommit = func(string) { _ = os.WriteFile(late, []byte("theirs\n"), 0o644) }
	t.Cleanup(func() { beforeCommit = func(string) {} })
	if err := Create(late, []byte("mine\n"), 0o644); !errors.Is(err, ErrExists) {
		t.Errorf("got %v, want ErrExists", err)
	}
	assertFile(t, late, "theirs\n")
	beforeCommit = func(string) {}

	if err := Create(filepath.Join(dir, "missing", "x.yaml"), []byte("y"), 0o644); err == nil {
		t.Error("want an error writing into a missing folder")
	}
	assertNoTemp(t, dir)
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "AR-01.yaml")
	orig := []byte("old\n")
	if err := os.WriteFile(name, orig, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := Replace(name, []byte("new\n"), orig); err != nil {
		t.Fatal(err)
	}
	assertFile(t, name, "new\n")
	assertMode(t, name, 0o640)

	// Changed between read and write: refuse, keep the other edit.
	err := Replace(name, []byte("mine\n"), orig)
	if !errors.Is(err, ErrChanged) {
		t.Errorf("got %v, want ErrChanged", err)
	}
	assertFile(t, name, "new\n")

	// Changed after the temporary file was written, just before the rename.
	beforeCommit = func(string) { _ = os.WriteFile(name, []byte("theirs\n"), 0o640) }
	t.Cleanup(func() { beforeCommit = func(string) {} })
	err = Replace(name, []byte("mine\n"), []byte("new\n"))
	if !errors.Is(err, ErrChanged) {
		t.Errorf("got %v, want ErrChanged", err)
	}
	assertFile(t, name, "theirs\n")
	beforeCommit = func(string) {}

	// Gone: say so without naming the file (the caller does).
	err = Replace(filepath.Join(dir, "gone.yaml"), []byte("x"), nil)
	if !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("replace a missing file: %v", err)
	}
	assertNoTemp(t, dir)
}

func assertFile(t *testing.T, name, want string) {
	t.Helper()
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", name, got, want)
	}
}

func assertMode(t *testing.T, name string, want fs.FileMode) {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != want {
		t.Errorf("%s has mode %v, want %v", name, st.Mode().Perm(), want)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// A device given as the output (strategy report -o /dev/null) is written
// to, never replaced by a file.
func TestWriteToDeviceKeepsDevice(t *testing.T) {
	st, err := os.Stat(os.DevNull)
	if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Skip("no character device at " + os.DevNull)
	}
	if err := Write(os.DevNull, []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := os.Lstat(os.DevNull)
	if err != nil || after.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v", os.DevNull, after.Mode())
	}
}

func TestWriteToFolderFails(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), 0o644); err == nil {
		t.Error("writing over a folder succeeded")
	}
}
