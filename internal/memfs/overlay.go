package memfs

import (
	"bytes"
	"errors"
	"io/fs"
)

// Overlay is Base with Files laid over it: the dataset as it would be with a
// change applied. A file in Files replaces the file of the same name in Base
// or adds it, new folders included; nothing is deleted. Where the two
// disagree on whether a name is a file or a folder, Files wins.
type Overlay struct {
	Base  fs.FS
	Files FS
}

var (
	_ fs.ReadDirFS  = Overlay{}
	_ fs.StatFS     = Overlay{}
	_ fs.ReadFileFS = Overlay{}
)

// Open opens name from Files if it is there, else from Base; a folder that
// Files adds to lists the entries of both.
func (o Overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := o.Files[name]; ok {
		return o.Files.Open(name)
	}
	if !o.Files.hasUnder(name) {
		return o.Base.Open(name)
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.Unwrap(err)}
	}
	return &dir{info: dirInfo(name), entries: entries}, nil
}

// Stat describes name as Open would find it.
func (o Overlay) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := o.Files[name]; ok {
		return o.Files.Stat(name)
	}
	info, err := fs.Stat(o.Base, name)
	if !o.Files.hasUnder(name) {
		return info, err
	}
	if err == nil && info.IsDir() {
		return info, nil
	}
	return dirInfo(name), nil
}

// ReadFile reads name as Open would find it.
func (o Overlay) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := o.Files[name]; ok {
		return bytes.Clone(data), nil
	}
	if o.Files.hasUnder(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("is a directory")}
	}
	return fs.ReadFile(o.Base, name)
}

// ReadDir lists the folder name in Base and in Files together, sorted by
// name.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := o.Files[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	base, err := fs.ReadDir(o.Base, name)
	if !o.Files.hasUnder(name) {
		return base, err
	}
	if err != nil {
		// A folder Base holds but cannot list must not pass for one holding
		// only the added files; a folder Base lacks is simply new.
		if info, serr := fs.Stat(o.Base, name); serr == nil && info.IsDir() {
			return nil, err
		}
	}
	children := map[string]fs.FileInfo{}
	for _, e := range base {
		info, err := e.Info()
		if err != nil {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
		}
		children[e.Name()] = info
	}
	added, err := o.Files.ReadDir(name)
	if err != nil {
		return nil, err
	}
	for _, e := range added {
		info, _ := e.Info() // FS entries always have their info
		children[e.Name()] = info
	}
	return sortedEntries(children), nil
}
