package fserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestBare(t *testing.T) {
	dir := t.TempDir()
	_, err := os.Stat(filepath.Join(dir, "missing"))
	if got := Bare(err); got.Error() != "no such file or directory" || !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("Bare(stat error) = %v", got)
	}
	if got := Bare(fmt.Errorf("wrapped: %w", err)); got.Error() != "no such file or directory" {
		t.Errorf("Bare(wrapped stat error) = %v", got)
	}
	err = os.Link(filepath.Join(dir, "missing"), filepath.Join(dir, "other"))
	if got := Bare(err); got.Error() != "no such file or directory" {
		t.Errorf("Bare(link error) = %v", got)
	}
	plain := errors.New("plain")
	if got := Bare(plain); got != plain {
		t.Errorf("Bare(plain) = %v, want it unchanged", got)
	}
}
