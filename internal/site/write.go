package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file that says a folder holds a site this tool wrote, so
// that rebuilding into it is safe and any other folder is refused.
const Marker = ".strategy-site"

const markerText = "This folder was written by `strategy site`; the next build replaces it whole.\n"

// ErrNotSite refuses to replace a folder that is neither empty nor a site.
var ErrNotSite = errors.New("not a site written by strategy site")

// Write puts the site in dir, whole or not at all: it writes every file into
// a new folder beside dir, then swaps it in with renames. An existing dir is
// replaced only when it is empty, holds a site written before (its Marker
// file), or force is set; otherwise nothing is written.
func (s *Site) Write(dir string, force bool) error {
	// The folder beside dir must be a real one: "." or "site/.." name a
	// folder whose parent and name only the absolute path tells.
	shown := dir
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if filepath.Dir(dir) == dir {
		return fmt.Errorf("%s is the root of the file system; choose a folder inside it", shown)
	}
	old, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return err
	case !old.IsDir():
		return fmt.Errorf("%s exists and is not a folder; choose another -o, or remove it", shown)
	case !force:
		if err := replaceable(dir, shown); err != nil {
			return err
		}
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	files := s.Paths()
	files = append(files, Marker)
	for _, p := range files {
		data, ok := s.Files[p]
		if p == Marker {
			data, ok = []byte(markerText), true
		}
		if !ok {
			continue
		}
		target := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	if old == nil {
		return os.Rename(tmp, dir)
	}
	// Two renames: for a moment dir is absent, but it is never half old and
	// half new, and a failure puts the old site back.
	trash, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".old-")
	if err != nil {
		return err
	}
	moved := filepath.Join(trash, "site")
	if err := os.Rename(dir, moved); err != nil {
		os.Remove(trash)
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if back := os.Rename(moved, dir); back != nil {
			return fmt.Errorf("%w; the previous site is kept in %s", err, moved)
		}
		os.Remove(trash)
		return err
	}
	return os.RemoveAll(trash)
}

// replaceable says whether dir may be replaced without --force.
func replaceable(dir, shown string) error {
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	names := make([]string, 0, 3)
	for _, e := range entries[:min(3, len(entries))] {
		names = append(names, e.Name())
	}
	return fmt.Errorf("%s holds other files (%s): %w; choose an empty or new folder, or add --force to replace it whole", shown, strings.Join(names, ", "), ErrNotSite)
}
