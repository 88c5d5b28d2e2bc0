package cli

import (
	"bytes"
	"strings"
	"testing"

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
