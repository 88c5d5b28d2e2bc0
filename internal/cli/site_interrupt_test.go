package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/cli"
	"github.com/open-workforce/strategy/internal/synth"
)

// TestSiteInterrupted runs the real binary on a generated dataset, sends it
// SIGTERM once the first page is on disk, and checks that it stops cleanly:
// exit 3, a message that nothing was written, no site and no unfinished
// folder left beside it. testscript cannot send a signal, hence a Go test.
func TestSiteInterrupted(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send on Windows")
	}
	bin, err := exec.LookPath("strategy") // the test binary, put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	// A build of a few hundred items takes about a second here; a larger
	// dataset is tried if a faster machine finishes before the signal lands.
	for _, n := range []int{300, 1200} {
		parent := t.TempDir()
		data := filepath.Join(parent, "data")
		if err := synth.Generate(os.DirFS("../../data"), data, n); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(parent, "site")
		cmd := exec.Command(bin, "site", "--data", data, "-o", out)
		cmd.Env = append(os.Environ(), "STRATEGY_TODAY="+dataDay)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()

		var waitErr error
		signalled := false
		deadline := time.After(time.Minute)
	poll:
		for {
			select {
			case waitErr = <-done:
				break poll
			case <-deadline:
				cmd.Process.Kill()
				t.Fatalf("no page was written within a minute; stderr:\n%s", stderr.String())
			case <-time.After(2 * time.Millisecond):
				if signalled {
					continue
				}
				// The unfinished folder is made after the signal is caught, not before.
				if put, _ := filepath.Glob(filepath.Join(parent, ".site.new-*", "*")); len(put) > 0 {
					if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
						t.Fatal(err)
					}
					// A second signal, as an impatient second Ctrl-C,
					// must not kill the cleanup halfway.
					time.Sleep(time.Millisecond)
					_ = cmd.Process.Signal(syscall.SIGTERM)
					signalled = true
				}
			}
		}
		if waitErr == nil {
			t.Logf("%d items: the build finished before it was interrupted", n)
			continue
		}
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) || exit.ExitCode() != cli.ExitFailure {
			t.Fatalf("interrupted: %v, want exit %d; stderr:\n%s", waitErr, cli.ExitFailure, stderr.String())
		}
		if msg := stderr.String(); !strings.Contains(msg, "nothing was written to "+out) || !strings.Contains(msg, "terminated") || !strings.Contains(msg, "stopping: removing the unfinished site") {
			t.Errorf("the message does not say the build was stopped and nothing written:\n%s", msg)
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "data" {
				t.Errorf("left after the interrupted build: %s", e.Name())
			}
		}
		return
	}
	t.Skip("every build finished before the signal landed: nothing was interrupted")
}
