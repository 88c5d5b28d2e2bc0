package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
)

type historyOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	ID     string
	Git    bool
	Format string
}

func newCmdHistory(f *Factory) *cobra.Command {
	opts := &historyOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "history <id> [--git] [flags]",
		Short: "Show an item's progress log",
		Long: `Show an item's progress log, oldest first: each dated status with its note
and evidence. With --git, also list the commits that changed the item's file
(following renames), newest first, and say if it has uncommitted changes.`,
		Example: `  # the log of TR-02
  $ strategy history TR-02

  # and who changed it when
  $ strategy history TR-02 --git`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("history needs one item id, got %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeItemIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return historyRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Git, "git", false, "also list the commits that changed the item's file")
	addFormatFlag(cmd, &opts.Format, "text", "json", "yaml")
	return cmd
}

func historyRun(opts *historyOptions) error {
	s, err := opts.Factory.Dataset(needProse)
	if err != nil {
		return err
	}
	it := s.Item(opts.ID)
	if it == nil {
		return usagef("no item %q in %s%s", opts.ID, s.Name(), itemHint(s, opts.ID))
	}
	var log *render.FileLog
	if opts.Git {
		if log, err = gitHistory(opts.Factory, it); err != nil {
			return err
		}
	}
	return render.History(opts.IO.Out, it, log, opts.Format)
}

// gitHistory asks git which commits changed the item's file and whether it
// has uncommitted changes.
func gitHistory(f *Factory, it *dataset.Item) (*render.FileLog, error) {
	dir, display, err := f.dataFolder("history --git")
	if err != nil {
		return nil, err
	}
	repo, rel, err := openRepo(dir)
	if err != nil {
		return nil, err
	}
	name := strings.TrimPrefix(it.Path, strings.TrimSuffix(display, "/")+"/")
	if display == "" || display == "." {
		name = it.Path
	}
	file := filepath.ToSlash(filepath.Join(rel, filepath.FromSlash(name)))
	commits, err := repo.Log(file)
	if err != nil {
		return nil, err
	}
	if repo.Shallow() {
		fmt.Fprintln(f.IO.ErrOut, "strategy: note: this is a shallow clone: commits older than its history are not listed (git fetch --unshallow to see them)")
	}
	dirty, err := repo.Dirty(file)
	if err != nil {
		return nil, err
	}
	return &render.FileLog{Commits: commits, Dirty: dirty}, nil
}
