//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe given as the output is written to, not replaced.
func TestWriteToPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a fifo:", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	if err := Write(fifo, []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "report" {
		t.Errorf("read %q from the pipe", b)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v", st.Mode())
	}
}

// A file swapped for a FIFO between the read and the write is refused, not
// waited on: Replace compares what is there without blocking.
func TestReplaceRefusesSwappedFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "item.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	beforeCommit = func(p string) {
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip("cannot make a fifo:", err)
		}
	}
	defer func() { beforeCommit = func(string) {} }()
	if err := Replace(path, []byte("new"), []byte("old")); err == nil {
		t.Fatal("Replace wrote over a FIFO")
	}
	if st, err := os.Lstat(path); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}
}

// Two locks on one folder exclude each other, within one process too.
func TestLockExcludes(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock(dir, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("second lock: %v, want ErrLocked", err)
	}
	unlock()
	again, err := lock(dir, 50*time.Millisecond)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	again()
}
