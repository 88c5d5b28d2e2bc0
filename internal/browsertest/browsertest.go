// Package browsertest runs a page check in headless Chromium for the tests
// of the packages that write web pages (the report, the site): it finds the
// tools .ci/run installs (Debian's chromium, playwright-core and axe-core
// from npm), runs a node script with the shared helpers of browsertest.js
// on its module path, and reads back what the script saw as JSON, for the
// test to compare with what Go computed.
//
// Only _test.go files import it (TestOnlyTests holds the module to that):
// it calls testing's Skip and Fatal, and the binary must not carry it.
package browsertest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Tools are the programs a browser test drives.
type Tools struct {
	NodeModules string // holds playwright-core and axe-core
	Chromium    string
}

// Find returns the tools, named by STRATEGY_PLAYWRIGHT_DIR (a folder where
// `npm install playwright-core axe-core` ran) and STRATEGY_CHROMIUM. Outside
// CI a test without them is skipped; in CI (CI=true) their absence fails
// it, so the check cannot silently vanish.
func Find(t testing.TB) Tools {
	t.Helper()
	dir, chromium := os.Getenv("STRATEGY_PLAYWRIGHT_DIR"), os.Getenv("STRATEGY_CHROMIUM")
	if dir == "" || chromium == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("STRATEGY_PLAYWRIGHT_DIR and STRATEGY_CHROMIUM are not set: .ci/run installs playwright-core, axe-core and chromium and sets them")
		}
		t.Skip("set STRATEGY_PLAYWRIGHT_DIR (a folder where `npm install playwright-core axe-core` ran) and STRATEGY_CHROMIUM (e.g. /usr/bin/chromium)")
	}
	tools := Tools{NodeModules: filepath.Join(dir, "node_modules"), Chromium: chromium}
	for _, pkg := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join(tools.NodeModules, pkg)); err != nil {
			t.Fatalf("%s not found: %v; run `npm install playwright-core axe-core` in %s", pkg, err, dir)
		}
	}
	if _, err := exec.LookPath(chromium); err != nil {
		t.Fatalf("chromium not found: %v", err)
	}
	return tools
}

//go:embed browsertest.js
var helpers []byte

// Run runs `node script CHROMIUM args...` with in as JSON on its stdin and
// decodes its stdout, one JSON document, into out. The script reaches
// playwright-core, axe-core and the helpers as require("browsertest").
func (tools Tools) Run(t testing.TB, timeout time.Duration, script string, in, out any, args ...string) {
	t.Helper()
	script, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	// Written out for each run rather than found beside this file's
	// source, which a -trimpath build cannot name.
	lib := t.TempDir()
	if err := os.WriteFile(filepath.Join(lib, "browsertest.js"), helpers, 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", append([]string{script, tools.Chromium}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+tools.NodeModules+string(filepath.ListSeparator)+lib)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s failed: %v\n%s", filepath.Base(script), err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		t.Fatalf("%s printed no JSON: %v\n%s", filepath.Base(script), err, stdout.String())
	}
}

// Artifacts is where pages and screenshots are kept for a reviewer:
// $STRATEGY_ARTIFACTS (set by .ci/run), or else a temporary folder.
func Artifacts(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("STRATEGY_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}
