package cli_test

import (
	"os"
	"path/filepath"
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

func TestScript(t *testing.T) {
	example, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			// Git in scripts: a fixed identity and no user or system config.
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
			// BINDIR holds only the strategy binary, so a script can run
			// it with a PATH that has no git.
			for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
				if _, err := os.Stat(filepath.Join(dir, "strategy")); err == nil {
					env.Setenv("BINDIR", dir)
					break
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// example DIR copies the fictional example dataset into DIR.
			"example": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: example DIR")
				}
				dst := ts.MkAbs(args[0])
				ts.Check(os.CopyFS(dst, os.DirFS(example)))
				ts.Check(os.Remove(filepath.Join(dst, "README.md")))
			},
		},
	})
}
