package cli_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/open-workforce/strategy/internal/cli"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/version"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"strategy": func() {
			os.Exit(cli.Main(os.Args[1:], iostreams.System(), version.Info{Version: "test"}))
		},
	})
}

// TestScript runs the end-to-end scripts: the real binary on real files.
func TestScript(t *testing.T) {
	testscript.Run(t, params("testdata/script", nil))
}

// TestBroken runs the corpus of broken datasets. Each script starts from the
// valid example dataset in testdata/base, copied to $WORK/data, with the
// script's own files laid over it, and states the exact findings expected.
func TestBroken(t *testing.T) {
	base, err := filepath.Abs("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, params("testdata/broken", func(env *testscript.Env) error {
		return copyMissing(base, filepath.Join(env.WorkDir, "data"))
	}))
}

// scriptToday is the day the end-to-end scripts run on.
const scriptToday = "2026-11-27"

// dataDay is the latest day the real dataset records anything on, or
// scriptToday if that is later.
var dataDay = func() string {
	s, err := dataset.Load(os.DirFS("../../data"), dataset.Options{})
	if err != nil {
		return scriptToday
	}
	return max(s.LatestEntry(), scriptToday)
}()

func params(dir string, setup func(*testscript.Env) error) testscript.Params {
	repo, _ := filepath.Abs("../..")
	return testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("NO_COLOR", "1")
			// Every script runs on a fixed day; one that needs another sets
			// STRATEGY_TODAY itself. No expected output depends on the clock.
			env.Setenv("STRATEGY_TODAY", scriptToday)
			// A script on the real dataset runs on $DATA_DAY instead: the
			// day of the dataset's latest entry, so that adding evidence
			// never turns the live data into "future" data in a test.
			env.Setenv("DATA_DAY", dataDay)
			gitSetup(env)
			if setup != nil {
				return setup(env)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitcode,
			"maxwidth": cmdMaxwidth,
			"example":  cmdExample(filepath.Join(repo, "testdata", "example")),
			"genplan":  cmdGenplan,
			"replace":  cmdReplace,
		},
	}
}

// cmdExitcode runs a program once, as exec does, and checks its exact exit
// code, which exec cannot: `exitcode 2 strategy list --bogus`. Its stdout and
// stderr are kept for the stdout and stderr commands that follow.
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

// cmdMaxwidth checks that no line of the last command's stdout is wider
// than N terminal columns, measured by grapheme as a terminal draws them
// (a regexp counts runes, and a CJK character takes two columns):
// `maxwidth 80`.
func cmdMaxwidth(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: maxwidth N")
	}
	limit, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("maxwidth: %v", err)
	}
	for i, line := range strings.Split(ts.ReadFile("stdout"), "\n") {
		if w := displaywidth.String(line); w > limit {
			ts.Fatalf("stdout line %d is %d columns wide, more than %d:\n%s", i+1, w, limit, line)
		}
	}
}

// cmdGenplan writes a fictional plan with N actions, each serving AR-01:
// `genplan 100000 big.yaml`. Such files are too large to keep in a script.
func cmdGenplan(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genplan N file")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("genplan: %v", err)
	}
	var b strings.Builder
	b.WriteString("organisation:\n  name: Example Borough Council (fictional)\n  type: local-authority\ntitle: A very long plan\ndate: \"2025-04-01\"\nactions:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: A%d\n    title: Example action %d\n    owner: Workforce team\n    status: planned\n    serves: [AR-01]\n", i+1, i+1)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}

// cmdReplace edits a file as a person would in an editor, replacing the
// one occurrence of OLD with NEW (Go-quoted strings, so \n works):
// `replace plan.yaml 'actions: []\n' 'actions:\n  - id: A1\n'`.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace file old new")
	}
	unq := func(s string) string {
		u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("replace: %v", err)
		}
		return u
	}
	old, repl := unq(args[1]), unq(args[2])
	name := ts.MkAbs(args[0])
	b, err := os.ReadFile(name)
	ts.Check(err)
	if n := strings.Count(string(b), old); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s, want once", old, n, args[0])
	}
	ts.Check(os.WriteFile(name, []byte(strings.Replace(string(b), old, repl, 1)), 0o644))
}

// copyMissing copies src into dst, skipping files the script already wrote.
func copyMissing(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if _, err := os.Lstat(target); err == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// gitSetup gives scripts that run git a fixed identity and date, no user or
// system configuration, and no repository above $WORK. BINDIR is the folder
// holding only the strategy binary, for a PATH without git.
func gitSetup(env *testscript.Env) {
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   os.DevNull,
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Example Tester",
		"GIT_AUTHOR_EMAIL":    "tester@example.org",
		"GIT_COMMITTER_NAME":  "Example Tester",
		"GIT_COMMITTER_EMAIL": "tester@example.org",
		"GIT_AUTHOR_DATE":     "2025-03-02T12:00:00Z",
		"GIT_COMMITTER_DATE":  "2025-03-02T12:00:00Z",
	} {
		env.Setenv(k, v)
	}
	env.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(env.WorkDir))
	for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "strategy")); err == nil {
			env.Setenv("BINDIR", dir)
			break
		}
	}
}

// cmdExample copies the fictional example dataset used by the editing and
// git scripts into a folder: `example data`.
func cmdExample(src string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: example DIR")
		}
		dst := ts.MkAbs(args[0])
		ts.Check(os.CopyFS(dst, os.DirFS(src)))
		ts.Check(os.Remove(filepath.Join(dst, "README.md")))
	}
}
