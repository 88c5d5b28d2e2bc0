package cli

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/iostreams"
)

// TestMainExitCodes pins the exit code of each kind of outcome; testscript
// alone only tells zero from non-zero.
func TestMainExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"valid dataset", []string{"validate", "--data", "../../data"}, ExitOK},
		{"warnings fail only with --strict", []string{"validate", "--data", "../../data", "--strict"}, ExitFindings},
		{"broken dataset", []string{"validate", "--data", "testdata/script"}, ExitFindings},
		{"no such folder", []string{"validate", "--data", "testdata/nope"}, ExitFailure},
		{"a file, not a folder", []string{"validate", "--data", "exitcode.go"}, ExitFailure},
		{"unknown flag", []string{"validate", "--nope"}, ExitUsage},
		{"bad flag value", []string{"validate", "--format", "xml"}, ExitUsage},
		{"too many arguments", []string{"validate", "a", "b"}, ExitUsage},
		{"unknown command", []string{"nope"}, ExitUsage},
		{"help", []string{"--help"}, ExitOK},
		{"version", []string{"--version"}, ExitOK},
		{"schema", []string{"schema", "item"}, ExitOK},
		{"schema needs a name", []string{"schema"}, ExitUsage},
		{"report markdown", []string{"report", "--data", "../../testdata/example-partial", "--format", "markdown"}, ExitOK},
		{"report bad format", []string{"report", "--format", "pdf"}, ExitUsage},
		{"report unwritable", []string{"report", "--data", "../../testdata/example-partial", "-o", "testdata/nope/r.html"}, ExitFailure},
		{"brief needs a subject", []string{"brief", "--data", "../../testdata/example-partial"}, ExitUsage},
		{"brief on both", []string{"brief", "--actor", "edc", "--theme", "train"}, ExitUsage},
		{"brief unknown actor", []string{"brief", "--data", "../../testdata/example-partial", "--actor", "nobody"}, ExitUsage},
		{"badge", []string{"badge", "--data", "../../testdata/example-partial"}, ExitOK},
		{"man needs --dir", []string{"man"}, ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, stderr := iostreams.Test()
			f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now}
			if got := run(f, tt.args); got != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tt.want, stderr)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{&findingsError{errors: 1}, ExitFindings},
		{fmt.Errorf("wrapped: %w", &findingsError{errors: 1}), ExitFindings},
		{usagef("bad"), ExitUsage},
		{errors.New(`unknown command "x" for "strategy"`), ExitUsage},
		{errors.New("if any flags in the group [a b] are set none of the others can be; [a b] were all set"), ExitUsage},
		{errors.New("open data: permission denied"), ExitFailure},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}
