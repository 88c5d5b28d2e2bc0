package cli_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/open-workforce/strategy/internal/cli"
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
			if setup != nil {
				return setup(env)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitcode,
		},
	}
}

// cmdExitcode runs a program and checks its exact exit code, which exec
// cannot: `exitcode 2 strategy list --bogus`.
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	path, err := exec.LookPath(filepath.Join(filepath.SplitList(ts.Getenv("PATH"))[0], args[1]))
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	cmd := exec.Command(path, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	var env []string
	for _, k := range []string{"PATH", "HOME", "WORK", "NO_COLOR", "STRATEGY_DATA", "TMPDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	got := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d; output:\n%s", args[1], got, want, out.String())
	}
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
