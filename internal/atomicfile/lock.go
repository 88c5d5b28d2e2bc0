package atomicfile

import (
	"errors"
	"time"
)

// ErrLocked reports a folder another process kept locked for longer than
// any edit takes.
var ErrLocked = errors.New("another strategy command has been editing this folder for a minute; try again when it is done")

// lockWait bounds the wait for a lock: a stuck holder must not hang a CI
// job for ever.
var lockWait = time.Minute

// Lock takes an exclusive lock on the folder dir and returns the function
// that releases it. An edit reads a file, decides, and writes: two edits
// interleaved would both read the same file, and the second rename would
// throw away the first edit. Every edit takes this lock around the read,
// the check and the write, so parallel edits run one after the other and
// each sees the one before. The lock is on the folder itself (flock), so no
// lock file is left in the dataset, and the system drops it if the process
// dies.
func Lock(dir string) (unlock func(), err error) {
	return lock(dir, lockWait)
}
