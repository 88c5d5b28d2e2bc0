// Package version holds the build's version, commit and date, injected by
// GoReleaser through -ldflags, with a fallback for `go install …@vX`.
package version

import (
	"fmt"
	"runtime/debug"
)

// Set by -ldflags "-X github.com/open-workforce/strategy/internal/version.Version=…".
var (
	Version = "dev"
	Commit  = ""
	Date    = ""
)

// Info is what `strategy --version` prints.
type Info struct {
	Version, Commit, Date string
}

// Get returns the build's version information. A plain `go install` sets no
// ldflags, so the module version recorded in the binary stands in.
func Get() Info {
	v := Info{Version: Version, Commit: Commit, Date: Date}
	if v.Version == "dev" {
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v.Version = bi.Main.Version
		}
	}
	return v
}

// String renders "v1.2.3 (commit abc, built 2026-01-01)" with what is known.
func (v Info) String() string {
	s := v.Version
	switch {
	case v.Commit != "" && v.Date != "":
		s += fmt.Sprintf(" (commit %s, built %s)", v.Commit, v.Date)
	case v.Commit != "":
		s += fmt.Sprintf(" (commit %s)", v.Commit)
	}
	return s
}
