//go:build !unix

package safefile

// Elsewhere the Lstat check before opening and the Fstat check after it
// stand alone.
const noFollow = 0

func isLoop(error) bool { return false }
