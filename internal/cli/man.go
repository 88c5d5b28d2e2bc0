package cli

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/open-workforce/strategy/internal/fserr"
)

// newCmdMan is hidden: the release's before hook runs it to write the man
// pages shipped in the archives, so they always match the command tree.
func newCmdMan(f *Factory) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:    "man --dir DIR",
		Short:  "Write man pages for every command into a folder",
		Long:   "Write a man page (section 1) for strategy and each of its commands into --dir.\nThe date in the pages is $SOURCE_DATE_EPOCH when set, so builds are reproducible.",
		Hidden: true,
		Args:   noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				return usagef("--dir is required")
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("man pages folder %s: %w", dir, fserr.Bare(err))
			}
			date := f.Now().UTC()
			if sec, err := strconv.ParseInt(f.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
				date = time.Unix(sec, 0).UTC()
			}
			header := &doc.GenManHeader{Title: "STRATEGY", Section: "1", Source: "strategy " + f.Version.Version, Manual: "strategy manual", Date: &date}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			return doc.GenManTree(root, header, dir)
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write the pages into `DIR`")
	_ = cmd.MarkFlagDirname("dir")
	return cmd
}
