package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
)

// fixture copies the example base to a fresh folder with one edit to one
// file (old, which must occur once, replaced by new) and returns the folder.
func fixture(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS("testdata/base")); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), old); n != 1 {
		t.Fatalf("%q occurs %d times in %s", old, n, file)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestMainExitCodes pins the exit code of each kind of outcome; testscript
// alone only tells zero from non-zero.
func TestMainExitCodes(t *testing.T) {
	// The base declares three items and holds two: a coverage notice, which
	// is information and fails nothing, not even --strict.
	const warned = "testdata/base"
	complete := fixture(t, "strategy.yaml", "declared_items: 3", "declared_items: 2")
	broken := fixture(t, "items/AR-01.yaml", "status: in-progress\nprogress:", "status: finished\nprogress:")
	tests := []struct {
		name string
		args []string
		want int
		says string // a part of what the command prints, if it matters
	}{
		{"valid dataset with a notice", []string{"validate", "--data", warned}, ExitOK, "notice: coverage: 2 of the 3 declared items"},
		{"a coverage notice passes --strict", []string{"validate", "--data", warned, "--strict"}, ExitOK, "notice: coverage: 2 of the 3 declared items"},
		{"no warnings pass --strict", []string{"validate", "--data", complete, "--strict"}, ExitOK, "0 errors, 0 warnings"},
		{"broken dataset", []string{"validate", "--data", broken}, ExitFindings, "items/AR-01.yaml:17:9: invalid-value"},
		{"no such folder", []string{"validate", "--data", "testdata/nope"}, ExitFailure, ""},
		{"a file, not a folder", []string{"validate", "--data", "exitcode.go"}, ExitFailure, ""},
		{"unknown flag", []string{"validate", "--nope"}, ExitUsage, ""},
		{"bad flag value", []string{"validate", "--format", "xml"}, ExitUsage, ""},
		{"too many arguments", []string{"validate", "a", "b"}, ExitUsage, ""},
		{"unknown command", []string{"nope"}, ExitUsage, ""},
		{"-o on a read command", []string{"list", "-o", "json"}, ExitUsage, "for a format use --format json"},
		// each way cobra refuses a command line, typed as a usage error
		{"unknown shorthand", []string{"list", "-z"}, ExitUsage, "unknown shorthand flag: 'z' in -z"},
		{"flag needs an argument", []string{"list", "--theme"}, ExitUsage, "flag needs an argument: --theme"},
		{"bad flag syntax", []string{"list", "---theme"}, ExitUsage, "bad flag syntax: ---theme"},
		{"invalid flag value", []string{"list", "--sort", "x"}, ExitUsage, `invalid argument "x" for "--sort" flag`},
		{"required flag", []string{"plan", "init", "--org", "Example"}, ExitUsage, `required flag(s) "type" not set`},
		{"flag group", []string{"list", "--government", "--sector"}, ExitUsage, "if any flags in the group [government sector actor-type] are set"},
		{"unknown subcommand", []string{"plan", "nope"}, ExitUsage, `strategy plan takes no arguments, got "nope"`},
		{"unknown command with a suggestion", []string{"valdate"}, ExitUsage, `unknown command "valdate" for "strategy" (did you mean "validate"?)`},
		{"unknown schema", []string{"schema", "nope"}, ExitUsage, `unknown schema "nope"`},
		{"cobra's completion command", []string{"completion", "bash", "extra"}, ExitUsage, `unknown command "extra" for "strategy completion bash"`},
		{"cobra's __complete, the one prefix left", []string{"__complete"}, ExitUsage, "requires at least 1 arg(s), only received 0"},
		{"help", []string{"--help"}, ExitOK, ""},
		{"version", []string{"--version"}, ExitOK, ""},
		{"schema", []string{"schema", "item"}, ExitOK, ""},
		{"schema needs a name", []string{"schema"}, ExitUsage, ""},
		{"report markdown", []string{"report", "--data", "../../testdata/example-partial", "--format", "markdown"}, ExitOK, ""},
		{"report bad format", []string{"report", "--format", "pdf"}, ExitUsage, ""},
		{"report unwritable", []string{"report", "--data", "../../testdata/example-partial", "-o", "testdata/nope/r.html"}, ExitFailure, ""},
		{"brief on the whole strategy", []string{"brief", "--data", "../../testdata/example-partial"}, ExitOK, ""},
		{"brief on both", []string{"brief", "--actor", "edc", "--theme", "train"}, ExitUsage, ""},
		{"brief unknown actor", []string{"brief", "--data", "../../testdata/example-partial", "--actor", "nobody"}, ExitUsage, ""},
		{"badge", []string{"badge", "--data", "../../testdata/example-partial"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, stdout, stderr := iostreams.Test()
			f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: fixedNow}
			if got := run(f, tt.args); got != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tt.want, stderr)
			}
			if out := stdout.String() + stderr.String(); !strings.Contains(out, tt.says) {
				t.Errorf("output lacks %q:\n%s", tt.says, out)
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
		{fmt.Errorf("wrapped: %w", usagef("bad")), ExitUsage},
		// cobra's wording alone no longer makes a usage error: only the type does
		{errors.New(`unknown command "x" for "strategy"`), ExitFailure},
		{errors.New("open data: permission denied"), ExitFailure},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}
