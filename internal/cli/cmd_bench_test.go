package cli

import (
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/iostreams"
)

// Whole commands in process on the real dataset: what a run costs after
// start-up (schemas compile once per process, so only the first run pays).
func benchCmd(b *testing.B, args ...string) { benchCmdData(b, "../../data", args...) }

func benchCmdData(b *testing.B, dir string, args ...string) {
	for b.Loop() {
		ios, _, _ := iostreams.Test()
		// The real dataset is read on the real day: on the fixed day of the
		// tests its newer entries would be future-dated findings.
		f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := run(f, append([]string{"--data", dir}, args...)); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkValidateCmd(b *testing.B) { benchCmd(b, "validate") }
func BenchmarkSummaryCmd(b *testing.B)  { benchCmd(b, "summary") }
func BenchmarkListCmd(b *testing.B)     { benchCmd(b, "list", "--format", "json") }

// BenchmarkRootCmd is the command tree every run builds before it parses a
// flag: part of the start-up bench/run.sh compares with an empty program.
func BenchmarkRootCmd(b *testing.B) {
	ios, _, _ := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: time.Now}
	for b.Loop() {
		newRootCmd(f)
	}
}
