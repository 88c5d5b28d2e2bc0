// Package atomicfile writes files so that a reader, or a failure half way,
// never sees a partial file: the bytes go to a temporary file in the same
// folder, which is synced and then renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/open-workforce/strategy/internal/fserr"
)

// ErrExists reports a target that exists when overwriting was not asked for.
var ErrExists = errors.New("file exists")

// Write writes data to name with permissions perm. Unless overwrite is true
// it refuses a name that already exists, and leaves it untouched.
func Write(name string, data []byte, perm fs.FileMode, overwrite bool) error {
	if !overwrite {
		if _, err := os.Lstat(name); err == nil {
			return fmt.Errorf("%s: %w", name, ErrExists)
		}
	}
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	if err := tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		_ = os.Remove(tmp.Name())
		done = true
		return fmt.Errorf("write %s: %w", name, fserr.Bare(err))
	}
	done = true
	return nil
}
