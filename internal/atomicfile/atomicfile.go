// Package atomicfile writes files so that a reader, or a failure half way,
// never sees a partial file: the bytes go to a temporary file in the same
// folder, which is synced and then renamed (or linked) into place, and the
// folder is synced so the new name survives a crash. No temporary file is
// left behind, whatever fails.
//
// Errors do not name the file: callers know how to show it (a display path
// relative to the dataset, say) and add it themselves.
package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/safefile"
)

// ErrExists reports a target that Create found already there.
var ErrExists = errors.New("already exists")

// ErrChanged reports a file that changed on disk after it was read: writing
// would throw away someone else's edit.
var ErrChanged = errors.New("changed on disk since it was read; run the command again")

// beforeCommit runs just before the final rename or link; tests use it to
// change the file underneath the writer.
var beforeCommit = func(string) {}

// Write puts data in path with permissions perm, replacing a regular file
// or a symbolic link (replaced, not followed) that is there, as `go build
// -o` does. A device, pipe or socket is written to, never replaced: a
// rename over /dev/null would turn it into a file for every program on the
// machine.
func Write(path string, data []byte, perm fs.FileMode) error {
	if st, err := os.Lstat(path); err == nil {
		switch m := st.Mode(); {
		case m.IsDir():
			return errors.New("is a folder")
		case m&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe|fs.ModeSocket) != 0:
			return writeInPlace(path, data)
		}
	}
	return write(path, data, perm, func(tmp string) error {
		return os.Rename(tmp, path)
	})
}

// writeInPlace writes data to a special file that exists already.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fserr.Bare(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fserr.Bare(err)
}

// Create puts data in a new file path with permissions perm, and fails with
// ErrExists, leaving the file untouched, if path already exists. The check
// and the write are one step: nothing can appear in between.
func Create(path string, data []byte, perm fs.FileMode) error {
	return write(path, data, perm, func(tmp string) error {
		// A hard link fails if path exists, where a rename would replace it.
		if err := os.Link(tmp, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return ErrExists
			}
			return err
		}
		return nil
	})
}

// Replace puts data in path if the file still holds original, keeping its
// permissions, and fails with ErrChanged, leaving the file as it is, if
// someone else changed it since it was read.
func Replace(path string, data, original []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return fserr.Bare(err)
	}
	return write(path, data, st.Mode().Perm(), func(tmp string) error {
		// One byte past the original is enough to tell it changed; a
		// FIFO or device put there meanwhile is refused, not waited on.
		cur, err := safefile.ReadPrefix(path, int64(len(original)))
		if err != nil {
			return err
		}
		if !bytes.Equal(cur, original) {
			return ErrChanged
		}
		return os.Rename(tmp, path)
	})
}

// write writes data to a synced temporary file next to path and hands its
// name to commit, which moves it into place.
func write(path string, data []byte, perm fs.FileMode, commit func(tmp string) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fserr.Bare(err)
	}
	tmp := f.Name()
	// After a rename tmp is gone; after a link or a failure it must go.
	defer os.Remove(tmp)
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fserr.Bare(err)
	}
	beforeCommit(path)
	if err := commit(tmp); err != nil {
		return fserr.Bare(err)
	}
	// Not every system can sync a folder, and the data itself is already
	// safe, so a failure here is not reported.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
