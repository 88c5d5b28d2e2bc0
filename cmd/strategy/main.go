// Command strategy tracks England's Workforce Strategy for Adult Social Care.
package main

import (
	"os"

	"github.com/open-workforce/strategy/internal/cli"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/version"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], iostreams.System(), version.Get()))
}
