// Package fserr takes the file name back out of file system errors, so that
// a message can name the file once, in the caller's words, and then say
// what went wrong ("dataset folder data: no such file or directory", not
// "dataset folder data: stat data: no such file or directory").
package fserr

import (
	"errors"
	"io/fs"
	"os"
)

// Bare returns the cause inside a *fs.PathError or *os.LinkError, or err
// itself when it holds neither. The cause keeps its identity, so
// errors.Is(Bare(err), fs.ErrNotExist) still holds.
func Bare(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	if le, ok := errors.AsType[*os.LinkError](err); ok {
		return le.Err
	}
	return err
}
