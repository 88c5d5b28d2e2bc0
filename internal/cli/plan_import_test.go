package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
)

// TestReadCSVStdinLimit: standard input is held to the size a file may
// have, and read no further than one byte past it.
func TestReadCSVStdinLimit(t *testing.T) {
	at := bytes.Repeat([]byte("a"), plan.MaxFileSize)
	src, err := readCSV(stdinCSV, bytes.NewReader(at))
	if err != nil || len(src) != plan.MaxFileSize {
		t.Fatalf("at the limit: read %d bytes, err %v; want all %d", len(src), err, plan.MaxFileSize)
	}
	over := bytes.NewReader(append(at, "bb"...))
	if _, err := readCSV(stdinCSV, over); err == nil || !strings.Contains(err.Error(), "csv from standard input: larger than 2 MiB") {
		t.Fatalf("over the limit: err %v, want the size refused", err)
	}
	if over.Len() != 1 {
		t.Errorf("over the limit: %d bytes left unread, want 1 (read stops one past the limit)", over.Len())
	}
}

// TestCSVFromTerminalRefused: --csv - with a terminal on standard input
// would wait, silently, for a spreadsheet to be typed; it is a usage error
// that says how to pipe one in, and nothing is read or written.
func TestCSVFromTerminalRefused(t *testing.T) {
	ios, _, _ := iostreams.Test()
	ios.SetStdinTTY(true)
	out := t.TempDir() + "/plan.yaml"
	code := run(exampleFactory(ios), []string{"plan", "import", "--csv", "-", "-o", out, "--org", "Example"})
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d (usage)", code, ExitUsage)
	}
	if msg := ios.ErrOut.(*bytes.Buffer).String(); !strings.Contains(msg, "which is a terminal here: pipe it in") {
		t.Errorf("message does not say how to pipe the spreadsheet in:\n%s", msg)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a plan was written")
	}
}
