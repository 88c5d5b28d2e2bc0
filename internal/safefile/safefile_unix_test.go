//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("cannot make a fifo:", err)
	}
}

// A FIFO with no writer would block an open for reading forever; it is
// refused from its kind, however it is reached.
func TestFIFORefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "pipe.yaml"))
	if err := os.Symlink("pipe.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pipe.yaml", "link.yaml"} {
		if _, err := ReadFile(filepath.Join(dir, name), 1<<20); !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadFile(%s) = %v, want ErrNotRegular", name, err)
		}
		if _, err := (FS{Dir: dir}).Open(name); !errors.Is(err, ErrNotRegular) {
			t.Errorf("FS.Open(%s) = %v, want ErrNotRegular", name, err)
		}
		if _, err := fs.ReadFile(FS{Dir: dir}, name); !errors.Is(err, ErrNotRegular) {
			t.Errorf("fs.ReadFile(%s) = %v, want ErrNotRegular", name, err)
		}
	}
	// /dev/zero never ends: refused by kind, not read up to a limit.
	if _, err := ReadFile("/dev/zero", 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(/dev/zero) = %v, want ErrNotRegular", err)
	}
}

// The O_NONBLOCK guard: a FIFO that appears after the check does not block.
func TestOpenFlagsDoNotBlockOnFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "late")
	mkfifo(t, p)
	f, err := os.OpenFile(p, os.O_RDONLY|noFollow, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestFSFollowsLinksOnlyInside(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "real.yaml"), []byte("in"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", filepath.Join(root, "in.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "out.yaml")); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(FS{Dir: root}, "in.yaml"); err != nil || string(b) != "in" {
		t.Errorf("inside link: %q, %v", b, err)
	}
	if b, err := fs.ReadFile(FS{Dir: root}, "out.yaml"); !errors.Is(err, ErrOutside) {
		t.Errorf("outside link: %q, %v; want ErrOutside", b, err)
	}
	if b, err := fs.ReadFile(FS{Dir: root, FollowOut: true}, "out.yaml"); err != nil || string(b) != "secret" {
		t.Errorf("outside link a user named: %q, %v", b, err)
	}
}

// The check and the open are one: a name that is a file when checked and
// something else when opened is never read.
func TestSwapAfterCheckIsNotFollowed(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	swaps := map[string]func(name string) error{
		"link to an outside secret": func(name string) error { return os.Symlink(secret, name) },
		"another file":              func(name string) error { return os.WriteFile(name, []byte("other"), 0o600) },
		"a FIFO":                    func(name string) error { return syscall.Mkfifo(name, 0o600) },
	}
	for what, swap := range swaps {
		t.Run(what, func(t *testing.T) {
			name := filepath.Join(root, "x.yaml")
			os.Remove(name)
			if err := os.WriteFile(name, []byte("plain"), 0o600); err != nil {
				t.Fatal(err)
			}
			// Keep the first file open so its inode cannot be reused.
			keep, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer keep.Close()
			beforeOpen = func(string) {
				if err := os.Remove(name); err != nil {
					t.Fatal(err)
				}
				if err := swap(name); err != nil {
					t.Fatal(err)
				}
			}
			defer func() { beforeOpen = func(string) {} }()
			b, err := fs.ReadFile(FS{Dir: root}, "x.yaml")
			if !errors.Is(err, ErrSwapped) {
				t.Errorf("read %q, %v; want ErrSwapped", b, err)
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, []byte(strings.Repeat("x", 2048)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p, 1024); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile over the limit = %v, want ErrTooLarge", err)
	}
	if b, err := ReadPrefix(p, 1024); err != nil || len(b) != 1025 {
		t.Errorf("ReadPrefix = %d bytes, %v; want 1025", len(b), err)
	}
	// A sparse file of 600 MB costs no more than the limit to refuse.
	sparse := filepath.Join(t.TempDir(), "sparse")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(600 << 20); err != nil {
		t.Skip("cannot make a sparse file:", err)
	}
	f.Close()
	if b, err := ReadPrefix(sparse, 1<<20); err != nil || len(b) != 1<<20+1 {
		t.Errorf("ReadPrefix(sparse) = %d bytes, %v", len(b), err)
	}
}
