// Package safefile opens files that may be hostile. A name in a dataset or
// plan folder can be a FIFO, which blocks whoever opens it for reading until
// a writer comes, or a device that never ends; and a name checked a moment
// ago can be swapped for a symbolic link before it is opened. Every open
// here decides the kind of file from Lstat without opening it, opens with
// O_NONBLOCK (a FIFO slipped in meanwhile cannot block) and, where the name
// was no link, O_NOFOLLOW (a link slipped in meanwhile is not followed), and
// then checks that the file opened is the one that was checked.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Errors for files that are refused. They are wrapped in *fs.PathError.
var (
	ErrNotRegular = errors.New("not a regular file (a pipe, device or socket cannot be read as data)")
	ErrSwapped    = errors.New("changed while being opened; run the command again")
	ErrOutside    = errors.New("symlink points outside the folder; refusing to read it")
	ErrTooLarge   = errors.New("larger than the limit")
	ErrIsDir      = errors.New("is a folder, not a file")
)

// beforeOpen runs between the check and the open; tests use it to swap
// the file as a racing process would.
var beforeOpen = func(string) {}

// Open opens path for reading if it is a regular file or a folder. A
// symbolic link is followed, as a path given on the command line should be.
func Open(path string) (*os.File, error) {
	f, _, err := open(path, "", "")
	return f, err
}

// ReadFile reads path as Open opens it, and fails with ErrTooLarge when it
// holds more than limit bytes, without reading much past the limit.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, path, limit)
}

// ReadPrefix reads at most limit+1 bytes of path as Open opens it: enough
// for a reader to tell that the file is over the limit and report it where
// it reports every other problem with the file.
func ReadPrefix(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := ReadAtMost(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return b, nil
}

// ReadAtMost reads f to its end or to limit+1 bytes, whichever comes first:
// enough for the caller to tell that the file is over the limit. A
// regular file's size, known from Stat, sizes the buffer once, where
// io.ReadAll would grow it from 512 bytes over several reads; the size is a
// hint only, as the file may change while it is read. A folder is
// ErrIsDir.
func ReadAtMost(f fs.File, limit int64) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, ErrIsDir
		}
		if st.Mode().IsRegular() && st.Size() > 0 {
			// One byte more than the file holds, so that the read
			// that finds the end needs no larger buffer; capped
			// first, as a sparse file can claim any size up to
			// the largest int64, where adding one overflows.
			size = min(st.Size(), limit) + 1
		}
	}
	b := make([]byte, 0, size)
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		room := min(int64(cap(b)), limit+1)
		n, err := f.Read(b[len(b):room])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
	return b, nil
}

func readLimited(f *os.File, path string, limit int64) ([]byte, error) {
	b, err := ReadAtMost(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(b)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w of %d KiB", ErrTooLarge, limit>>10)}
	}
	return b, nil
}

// FS is a folder on disk, like os.DirFS, whose files are opened as Open
// opens them. A symbolic link is followed only to a target inside the
// folder, unless FollowOut is set (for a folder the user named, whose
// links are the user's business).
type FS struct {
	Dir       string
	FollowOut bool
}

var (
	_ fs.FS     = FS{}
	_ fs.StatFS = FS{}
)

// Open opens name, a slash-separated path inside the folder.
func (d FS) Open(name string) (fs.File, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	root := d.Dir
	if d.FollowOut {
		root = ""
	}
	f, st, err := open(full, root, name)
	if err != nil {
		return nil, err
	}
	return statted{f, st}, nil
}

// ReadPrefix reads at most limit+1 bytes of name, as [ReadPrefix] does.
func (d FS) ReadPrefix(name string, limit int64) ([]byte, error) {
	f, err := d.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := ReadAtMost(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b, nil
}

// Stat describes name, following a link, without opening it.
func (d FS) Stat(name string) (fs.FileInfo, error) {
	full, err := d.join("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(full)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrap(err)}
	}
	return st, nil
}

func (d FS) join(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(d.Dir, filepath.FromSlash(name)), nil
}

// statted is an open file that answers Stat from the Fstat open already
// made: a loader reading thousands of files asks each for its size.
type statted struct {
	*os.File
	st fs.FileInfo
}

func (f statted) Stat() (fs.FileInfo, error) { return f.st, nil }

// open opens full and returns the Fstat it checked the file with. When
// root is set, a link must lead inside root, and errors name shown rather
// than full.
func open(full, root, shown string) (*os.File, fs.FileInfo, error) {
	if shown == "" {
		shown = full
	}
	fail := func(err error) (*os.File, fs.FileInfo, error) {
		return nil, nil, &fs.PathError{Op: "open", Path: shown, Err: unwrap(err)}
	}
	lst, err := os.Lstat(full)
	if err != nil {
		return fail(err)
	}
	target, checked, flags := full, lst, noFollow
	if lst.Mode()&fs.ModeSymlink != 0 {
		// The link is resolved once, and the resolved path is opened
		// without following a link: the check and the read agree on the
		// file even if the link is changed in between.
		if target, err = filepath.EvalSymlinks(full); err != nil {
			return fail(err)
		}
		if root != "" && !inside(root, target) {
			return fail(ErrOutside)
		}
		if checked, err = os.Lstat(target); err != nil {
			return fail(err)
		}
	}
	switch m := checked.Mode(); {
	case m.IsDir():
		flags = 0
	case !m.IsRegular():
		return fail(ErrNotRegular)
	}
	beforeOpen(target)
	f, err := os.OpenFile(target, os.O_RDONLY|flags, 0)
	if err != nil {
		if isLoop(err) {
			return fail(ErrSwapped)
		}
		return fail(err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fail(err)
	}
	if !os.SameFile(st, checked) || (!st.Mode().IsRegular() && !st.IsDir()) {
		f.Close()
		return fail(ErrSwapped)
	}
	return f, st, nil
}

// inside reports whether target, a resolved path, lies inside root.
func inside(root, target string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// unwrap drops the path from an *fs.PathError, which the caller's own error
// names.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
