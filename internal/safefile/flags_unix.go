//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// noFollow refuses a final symbolic link and never blocks on a FIFO.
const noFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// isLoop reports the error O_NOFOLLOW gives for a link.
func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }
