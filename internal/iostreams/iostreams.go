// Package iostreams carries a command's standard streams and what is known
// about the terminal behind them, so commands never touch os.Stdout directly
// and tests can swap in buffers with an explicit TTY setting.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// IOStreams are a command's input and output streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY bool
	stdinTTY  bool
	width     int
}

// System returns the process's streams, probing the terminal once.
func System() *IOStreams {
	tty := false
	width := 0
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		tty = true
		if w, _, err := term.GetSize(fd); err == nil {
			width = w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		width = w
	}
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdoutTTY: tty,
		stdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		width:     width,
	}
}

// Test returns streams backed by buffers: stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: &bytes.Buffer{}, Out: out, ErrOut: errOut}, out, errOut
}

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// SetStdoutTTY overrides terminal detection, for tests.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.stdoutTTY = tty }

// IsStdinTTY reports whether stdin is a terminal: a command that reads its
// input there would wait, silently, for someone to type it.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// SetStdinTTY overrides terminal detection, for tests.
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// TerminalWidth returns the terminal's width, or 100 when unknown.
func (s *IOStreams) TerminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	return 100
}

// SetTerminalWidth overrides the width, for tests.
func (s *IOStreams) SetTerminalWidth(w int) { s.width = w }
