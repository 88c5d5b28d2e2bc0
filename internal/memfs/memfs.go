// Package memfs holds a dataset's files in memory as an [fs.FS]: a git
// revision's blobs, a folder read once so that an edit is checked and written
// against the same bytes, and an [Overlay] that shows the dataset as it would
// be with a change applied, before anything touches the disk.
package memfs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// FS is a read-only tree of files, keyed by slash-separated path relative to
// its root ("items/AR-01.yaml"). Folders are not stored: a folder exists when
// some file lies under it, and the root always exists.
type FS map[string][]byte

var (
	_ fs.ReadDirFS  = FS(nil)
	_ fs.StatFS     = FS(nil)
	_ fs.ReadFileFS = FS(nil)
)

// Open opens the file or folder name.
func (m FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m[name]; ok {
		return &file{info: fileInfo(name, len(data)), r: bytes.NewReader(data)}, nil
	}
	if !m.isDir(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	entries, _ := m.ReadDir(name)
	return &dir{info: dirInfo(name), entries: entries}, nil
}

// Stat describes the file or folder name without opening it.
func (m FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m[name]; ok {
		return fileInfo(name, len(data)), nil
	}
	if m.isDir(name) {
		return dirInfo(name), nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// ReadFile returns a copy of the file name, which the caller may change.
func (m FS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, ok := m[name]
	if !ok {
		if m.isDir(name) {
			return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("is a directory")}
		}
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return bytes.Clone(data), nil
}

// ReadDir lists the folder name, sorted by name.
func (m FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := m[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	if !m.isDir(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	children := map[string]fs.FileInfo{}
	for k, data := range m {
		rest, ok := under(name, k)
		if !ok {
			continue
		}
		child, _, deeper := strings.Cut(rest, "/")
		full := path.Join(name, child)
		if !deeper {
			children[child] = fileInfo(full, len(data)) // a file wins over a folder of the same name, as in Open
		} else if _, seen := children[child]; !seen {
			children[child] = dirInfo(full)
		}
	}
	return sortedEntries(children), nil
}

// isDir reports whether name is the root or holds some file.
func (m FS) isDir(name string) bool {
	if name == "." {
		return true
	}
	return m.hasUnder(name)
}

// hasUnder reports whether some file lies under the folder name.
func (m FS) hasUnder(name string) bool {
	for k := range m {
		if rest, ok := under(name, k); ok && rest != "" {
			return true
		}
	}
	return false
}

// under returns what follows the folder dir in the path name.
func under(dir, name string) (string, bool) {
	if dir == "." {
		return name, true
	}
	return strings.CutPrefix(name, dir+"/")
}

func sortedEntries(children map[string]fs.FileInfo) []fs.DirEntry {
	entries := make([]fs.DirEntry, 0, len(children))
	for _, info := range children {
		entries = append(entries, fs.FileInfoToDirEntry(info))
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}

// info describes a file or folder. Modes are read-only: nothing here can be
// written through the fs.FS interfaces.
type info struct {
	name string
	size int64
	mode fs.FileMode
}

func fileInfo(name string, size int) info {
	return info{name: path.Base(name), size: int64(size), mode: 0o444}
}

func dirInfo(name string) info {
	return info{name: path.Base(name), mode: fs.ModeDir | 0o555}
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return i.mode }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.mode.IsDir() }
func (i info) Sys() any           { return nil }

type file struct {
	info info
	r    *bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }

func (f *file) Read(p []byte) (int, error) { return f.r.Read(p) }

func (f *file) Seek(offset int64, whence int) (int64, error) { return f.r.Seek(offset, whence) }

func (f *file) ReadAt(p []byte, off int64) (int, error) { return f.r.ReadAt(p, off) }

type dir struct {
	info    info
	entries []fs.DirEntry
	next    int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }

func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}

// ReadDir follows [fs.ReadDirFile]: n > 0 reads at most n entries and io.EOF
// at the end; n <= 0 reads all that remain.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.next:]
	if n <= 0 {
		d.next = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.next += n
	return slices.Clone(rest[:n]), nil
}
