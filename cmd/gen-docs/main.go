// Command gen-docs writes a man page for strategy and each of its commands.
// scripts/completions_and_manpages.sh runs it for the release archives. It is
// a program of its own, as gh's gen-docs is, so that the strategy binary does
// not link the man-page renderer (cobra/doc, go-md2man, blackfriday) and the
// YAML library cobra/doc brings with it.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra/doc"

	"github.com/open-workforce/strategy/internal/cli"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/version"
)

func main() {
	if err := run(os.Args[1:], os.Getenv, time.Now); err != nil {
		fmt.Fprintf(os.Stderr, "gen-docs: %s\n", err)
		os.Exit(1)
	}
}

// run writes the pages into --dir. Their date is $SOURCE_DATE_EPOCH when set,
// so that release builds are reproducible.
func run(args []string, getenv func(string) string, now func() time.Time) error {
	fs := flag.NewFlagSet("gen-docs", flag.ContinueOnError)
	dir := fs.String("dir", "", "write the man pages into `DIR`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() > 0 {
		return fmt.Errorf("usage: gen-docs --dir DIR")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	date := now().UTC()
	if sec, err := strconv.ParseInt(getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		date = time.Unix(sec, 0).UTC()
	}
	v := version.Get()
	root := cli.Command(iostreams.System(), v)
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "STRATEGY", Section: "1", Source: "strategy " + v.Version, Manual: "strategy manual", Date: &date}
	return doc.GenManTree(root, header, *dir)
}
