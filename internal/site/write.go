package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
)

// Marker is the file that says a folder holds a site this tool wrote, so
// that rebuilding into it is safe and any other folder is refused.
const Marker = ".strategy-site"

const markerText = "This folder was written by `strategy site`; the next build replaces it whole.\n"

// ErrNotSite refuses to replace a folder that is neither empty nor a site.
var ErrNotSite = errors.New("not a site written by strategy site")

// ErrChanged refuses to replace a folder that stopped being replaceable
// while the site was built.
var ErrChanged = errors.New("the target folder changed while the site was built")

// Write builds the site for s straight into dir, whole or not at all: it
// checks s, then puts each file into a new folder beside dir as it is
// rendered, then swaps that folder in with renames. An existing dir is
// replaced only when it is empty, holds a site written before (its Marker
// file), or force is set, both before the build and again just before the
// swap; otherwise nothing is written. Cancelling ctx stops the build
// between two files, before the swap. On any failure dir is as it was and
// the new folder is removed. Write returns how many files the site has, the
// Marker included.
func Write(ctx context.Context, s *dataset.Set, o Options, dir string, force bool) (int, error) {
	o, err := check(s, o)
	if err != nil {
		return 0, err
	}
	return replace(ctx, dir, force, func(sink Sink) error { return buildChecked(s, o, sink) })
}

// replace fills a new folder beside dir through fill, adds the Marker, and
// swaps the folder in. Errors of the file system say which folder could not
// be written; fill's own errors are returned as they are.
func replace(ctx context.Context, dir string, force bool, fill func(Sink) error) (int, error) {
	// The folder beside dir must be a real one: "." or "site/.." name a
	// folder whose parent and name only the absolute path tells.
	shown := dir
	failed := func(err error) error { return fmt.Errorf("cannot write the site to %s: %w", shown, err) }
	dir, err := filepath.Abs(dir)
	if err != nil {
		return 0, failed(err)
	}
	if filepath.Dir(dir) == dir {
		return 0, failed(fmt.Errorf("%s is the root of the file system; choose a folder inside it", shown))
	}
	// Refused now, a folder costs no build; it is looked at again before
	// the swap, as the build takes seconds on a large dataset.
	if _, err := target(dir, shown, force, failed); err != nil {
		return 0, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, failed(err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return 0, failed(err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	if err := os.Chmod(tmp, 0o755); err != nil {
		return 0, failed(err)
	}
	f := &folder{ctx: ctx, shown: shown, root: tmp, failed: failed, dirs: map[string]bool{".": true}, files: map[string]bool{}}
	if err := fill(f); err != nil {
		return 0, err
	}
	if err := f.Put(Marker, []byte(markerText)); err != nil {
		return 0, err
	}
	exists, err := target(dir, shown, force, failed)
	if errors.Is(err, ErrNotSite) {
		// Not a usage error: the command line was right when the build
		// began. The run could not finish, and says why.
		return 0, fmt.Errorf("%w, and nothing was written: %v", ErrChanged, err)
	}
	if err != nil {
		return 0, err
	}
	// The last moment to stop: past it the swap is two renames, too quick
	// to be worth leaving half done.
	if err := f.stopped(); err != nil {
		return 0, err
	}
	if !exists {
		if err := os.Rename(tmp, dir); err != nil {
			return 0, failed(err)
		}
		return len(f.files), nil
	}
	// Two renames: for a moment dir is absent, but it is never half old and
	// half new, and a failure puts the old site back.
	trash, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".old-")
	if err != nil {
		return 0, failed(err)
	}
	moved := filepath.Join(trash, "site")
	if err := os.Rename(dir, moved); err != nil {
		os.Remove(trash)
		return 0, failed(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if back := os.Rename(moved, dir); back != nil {
			return 0, failed(fmt.Errorf("%w; the previous site is kept in %s", err, moved))
		}
		os.Remove(trash)
		return 0, failed(err)
	}
	if err := os.RemoveAll(trash); err != nil {
		return 0, failed(err)
	}
	return len(f.files), nil
}

// target says whether dir exists, and refuses it when it is not a folder,
// or, without force, not one that may be replaced.
func target(dir, shown string, force bool, failed func(error) error) (exists bool, err error) {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, failed(err)
	case !st.IsDir():
		return false, failed(fmt.Errorf("%s exists and is not a folder; choose another -o, or remove it", shown))
	case !force:
		if err := replaceable(dir, shown); err != nil {
			if errors.Is(err, ErrNotSite) {
				return false, err
			}
			return false, failed(err)
		}
	}
	return true, nil
}

// folder is the Sink that writes each file under root as it comes.
type folder struct {
	ctx    context.Context // cancelled: stop before the next file
	shown  string          // dir as the user gave it, for messages
	root   string
	failed func(error) error
	dirs   map[string]bool // folders made so far, to spare a system call per file
	files  map[string]bool // the paths written, to count a path given twice once
}

func (f *folder) Put(p string, data []byte) error {
	if err := f.stopped(); err != nil {
		return err
	}
	// The builder's paths come from checked ids; this keeps any other
	// inside the new folder all the same.
	if !fs.ValidPath(p) || p == "." {
		return f.failed(fmt.Errorf("%q cannot name a file of the site", p))
	}
	if d := path.Dir(p); !f.dirs[d] {
		if err := os.MkdirAll(filepath.Join(f.root, filepath.FromSlash(d)), 0o755); err != nil {
			return f.failed(err)
		}
		f.dirs[d] = true
	}
	if err := os.WriteFile(filepath.Join(f.root, filepath.FromSlash(p)), data, 0o644); err != nil {
		return f.failed(err)
	}
	f.files[p] = true
	return nil
}

// stopped says why the build must stop, once its context is cancelled: by
// Ctrl-C, say, whose cause then names the signal.
func (f *folder) stopped() error {
	if f.ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("the site was stopped before it was finished (%w): nothing was written to %s; run the command again to build it", context.Cause(f.ctx), f.shown)
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
