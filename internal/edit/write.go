package edit

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/open-workforce/strategy/internal/fserr"
)

// ErrChanged reports a file that changed on disk after it was read: writing
// would throw away someone else's edit.
var ErrChanged = errors.New("changed on disk since it was read; run the command again")

// beforeCommit runs just before the final rename or link; tests use it to
// change the file underneath the writer.
var beforeCommit = func(string) {}

// Errors from Replace and Create do not name the file: the caller does.

// Replace writes data to name if the file still holds orig. The data goes to
// a temporary file in the same folder, is synced, and renamed over name, so
// name holds either the old or the new content whatever happens.
func Replace(name string, orig, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return fserr.Bare(err)
	}
	return writeVia(name, data, st.Mode().Perm(), func(tmp string) error {
		cur, err := os.ReadFile(name)
		if err != nil {
			return fserr.Bare(err)
		}
		if !bytes.Equal(cur, orig) {
			return ErrChanged
		}
		return os.Rename(tmp, name)
	})
}

// Create writes data to a new file name, refusing if it already exists.
func Create(name string, data []byte) error {
	return writeVia(name, data, 0o644, func(tmp string) error {
		// A hard link fails if name exists, where a rename would replace it.
		if err := os.Link(tmp, name); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return errors.New("already exists")
			}
			return fserr.Bare(err)
		}
		return nil
	})
}

func writeVia(name string, data []byte, perm fs.FileMode, commit func(tmp string) error) error {
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fserr.Bare(err)
	}
	tmp := f.Name()
	// After a rename tmp is gone; after a link it must go. Either way
	// nothing is left behind.
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fserr.Bare(err)
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return fserr.Bare(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fserr.Bare(err)
	}
	if err := f.Close(); err != nil {
		return fserr.Bare(err)
	}
	beforeCommit(name)
	if err := commit(tmp); err != nil {
		return err
	}
	// Sync the folder so the new name survives a crash; not every system
	// allows it, and the data itself is already safe.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
