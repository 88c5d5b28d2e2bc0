package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/render"
)

type showOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	IDs    []string
	AsOf   string
	Format string
	Plans  string // a folder (or file) of local plans: show which serve each item
}

func newCmdShow(f *Factory) *cobra.Command {
	opts := &showOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "show <id>... [flags]",
		Short: "Show everything about items: fields, progress log and sources",
		Long: `Show one or more items in full: what they ask for, who must act, the
timescale, the status on --as-of (default today), the dated progress log with
its evidence, and the sources. Ids are matched in any case.

--format json prints an array of the items with the data files' key names
plus the derived actor_type; --format yaml prints the items as YAML.

--plans DIR adds the local plans in DIR (its .yaml files, or one plan file)
whose actions serve each item, and those actions; in JSON and YAML as
"plans": [{file, organisation, title, actions: [{id, title, owner, status,
due}]}]. Plans with errors are refused, with their findings on stderr.`,
		Example: `  # one item
  $ strategy show TR-01

  # several, as JSON
  $ strategy show ar-01 ar-02 --format json

  # as it stood at the one-year mark
  $ strategy show AR-01 --as-of 2025-07-18

  # which local plans serve it
  $ strategy show AR-08 --plans plans/`,
		Args: minArgs(1, "at least one item id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IDs = args
			return showRun(opts)
		},
		ValidArgsFunction: completeItemIDs(f),
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addFormatFlag(cmd, &opts.Format, "text", "json", "yaml", "markdown")
	cmd.Flags().StringVar(&opts.Plans, "plans", "", "also show which local plans in `DIR` serve each item")
	_ = cmd.MarkFlagDirname("plans")
	return cmd
}

func showRun(opts *showOptions) error {
	s, date, err := loadAsOf(opts.Factory, needProse, opts.AsOf)
	if err != nil {
		return err
	}
	var items []*dataset.Item
	for _, id := range opts.IDs {
		it := s.Item(id)
		if it == nil {
			return usagef("no item with id %q in %s%s", id, s.Name(), itemHint(s, id))
		}
		items = append(items, it)
	}
	var plans []*plan.Plan
	if opts.Plans != "" {
		if plans, err = readGoodPlans(opts.Factory, s, []string{opts.Plans}, true); err != nil {
			return err
		}
	}
	return render.Items(opts.IO.Out, s, items, date, render.ItemsOptions{
		Format: opts.Format, Width: opts.IO.TerminalWidth(), WithPlans: opts.Plans != "", Plans: plans,
	})
}
