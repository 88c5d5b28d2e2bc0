package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "plan.yaml")
	if err := Write(name, []byte("one\n"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("two\n"), 0o644, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second write without overwrite: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(name); string(b) != "one\n" {
		t.Errorf("refused write changed the file: %q", b)
	}
	if err := Write(name, []byte("two\n"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "two\n" {
		t.Errorf("overwrite: %q", b)
	}
	if err := Write(filepath.Join(dir, "missing", "x.yaml"), []byte("x"), 0o644, false); err == nil {
		t.Error("write into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
