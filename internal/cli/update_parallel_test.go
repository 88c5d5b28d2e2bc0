package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/version"
)

// copyDir copies the fixture folder src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Many updates of one item at once: every writer that says it wrote has
// its entry in the file, and the file is valid afterwards. Without a lock
// around read, check and write, two writers read the same file and the
// second rename throws away the first entry (issue 11: 2 of 40 rounds of 20
// writers lost one). Run under -race, this also checks that in-process
// runs share no state.
func TestParallelUpdatesLoseNothing(t *testing.T) {
	const writers = 24
	dir := filepath.Join(t.TempDir(), "data")
	copyDir(t, "../../testdata/example", dir)
	env := map[string]string{"STRATEGY_DATA": dir}
	run1 := func(args ...string) (int, string) {
		ios, out, errOut := iostreams.Test()
		f := &Factory{IO: ios, Getenv: func(k string) string { return env[k] }, Now: fixedNow, Version: version.Info{Version: "test"}}
		code := run(f, args)
		return code, out.String() + errOut.String()
	}
	var wg sync.WaitGroup
	codes := make([]int, writers)
	outs := make([]string, writers)
	for i := range writers {
		wg.Go(func() {
			codes[i], outs[i] = run1("update", "TR-01", "--status", "in-progress", "--date", "2025-06-01",
				"--note", fmt.Sprintf("Example: parallel writer %02d reported.", i),
				"--evidence", fmt.Sprintf("https://example.org/parallel/%02d", i), "--evidence-kind", "announcement")
		})
	}
	wg.Wait()
	b, err := os.ReadFile(filepath.Join(dir, "items", "TR-01.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range writers {
		if codes[i] != ExitOK {
			t.Errorf("writer %d exited %d: %s", i, codes[i], outs[i])
			continue
		}
		if !strings.Contains(string(b), fmt.Sprintf("https://example.org/parallel/%02d", i)) {
			t.Errorf("writer %d said %q, but its entry is not in the file", i, outs[i])
		}
	}
	if code, out := run1("validate"); code != ExitOK {
		t.Errorf("validate after the parallel updates exited %d:\n%s", code, out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "items", ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
