package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/summary"
)

type summaryOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	AsOf     string
	Evidence string
	Format   string
}

func newCmdSummary(f *Factory) *cobra.Command {
	opts := &summaryOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "summary [flags]",
		Short: "Count items by status, overall and by theme, actor type and lead",
		Long: `Count the items by status as their progress logs stood on --as-of (default
today): overall, by theme, by derived actor type and by lead actor, with a
text bar for each group's share in progress or complete ("Progressed"), and
headline sentences in plain English.

Every percentage comes with its numerator and denominator. When the dataset
holds fewer items than the strategy declares, the headlines say so and give
the range the true share of all declared items must lie in, counting each
missing item first as not matching and then as matching.

The phrases follow fixed rules: "Exactly half"; "Just over" or "Nearly" a
quarter, half or three quarters within 3 points; "About" a third or two
thirds within 2 points; otherwise "Over half", "Fewer than half" and so on.

--format json prints the figures for scripts: as_of, declared, present,
statuses, overall, themes, actor_types, leads (each {id, name, total,
counts: [{status, n, percent}]}) and headlines ({text, share, low, high},
shares as {n, of}).`,
		Example: `  # where things stand today
  $ strategy summary

  # at the one-year mark
  $ strategy summary --as-of 2025-07-18

  # for a pull request description
  $ strategy summary --format markdown`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, opts.IO, opts.Format)
			return summaryRun(opts)
		},
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "markdown")
	return cmd
}

func summaryRun(opts *summaryOptions) error {
	s, date, err := loadAsOf(opts.Factory, needFigures, opts.AsOf)
	if err != nil {
		return err
	}
	sum := summary.Compute(byEvidence(s, opts.Evidence), date)
	return render.Summary(opts.IO.Out, sum, s.Strategy.Title, opts.Format, opts.IO.TerminalWidth())
}
