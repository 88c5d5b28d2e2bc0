package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/timeline"
)

type timelineOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	AsOf     string
	From     string
	To       string
	Interval string
	By       string
	Evidence string
	Format   string
}

func newCmdTimeline(f *Factory) *cobra.Command {
	opts := &timelineOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "timeline [flags]",
		Short: "Count items by status at the end of every month since launch",
		Long: `Count the items by status at the end of every month (or quarter) from the
strategy's publication to today: how many were not started, in progress and
complete, how many had moved (in progress or complete) of those present,
and the range the share of all declared items must lie in. Each count is
what 'strategy list --as-of DATE' gives on that day.

The first row is the start (--from, default the publication date) and the
last the end (--to or --as-of, default today), so the line ends where
'strategy summary' stands. --by theme or --by actor-type adds the same
counts for each group.

Published claims about the share in progress or complete, recorded under
claims: in strategy.yaml, appear on their own day beside the range the
dataset gives, so the gap between what was said and what the evidence
shows can be seen. On a terminal a chart of the range comes first, fitted
to the width.

Piped, the output is TSV, one row per group and day: group, date, a count
per status (in declared order), no_status, moved, present, declared,
low_percent, high_percent (the range of all declared; overall rows only),
claim (the published text on a claim's day); a missing value is "-".
--format csv gives the same with a header, missing values empty.
--format json prints {from, to, interval, by, declared, present, statuses,
dates, overall, groups, claims, figures}: overall and each group are {id,
name, total, points: [{date, counts: [{status, n}], no_status, moved, low,
high}]}, shares as {n, of} (low and high, of all declared, on overall
only); claims are [{id, text, date, source, comparison, threshold, verdict,
moved, low, high, counts, no_status}].`,
		Example: `  # month by month since launch
  $ strategy timeline

  # quarter by quarter, split by theme
  $ strategy timeline --interval quarter --by theme

  # the first year, for a spreadsheet
  $ strategy timeline --to 2025-07-18 --format csv > first-year.csv`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, opts.IO, opts.Format)
			return timelineRun(opts)
		},
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	cmd.Flags().StringVar(&opts.From, "from", "", "start on `DATE` (YYYY-MM-DD; default the strategy's publication date)")
	cmd.Flags().StringVar(&opts.To, "to", "", "end on `DATE` (YYYY-MM-DD; default today; the same as --as-of)")
	cmd.MarkFlagsMutuallyExclusive("to", "as-of")
	addEnumFlag(cmd, &opts.Interval, "interval", "", "month", "count at the end of each", timeline.Intervals...)
	addEnumFlag(cmd, &opts.By, "by", "", "none", "also count each group", append([]string{"none"}, timeline.Groupings...)...)
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "csv", "json", "yaml", "markdown")
	noDates := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	_ = cmd.RegisterFlagCompletionFunc("from", noDates)
	_ = cmd.RegisterFlagCompletionFunc("to", noDates)
	return cmd
}

func timelineRun(opts *timelineOptions) error {
	end := opts.To
	if end == "" {
		end = opts.AsOf
	}
	s, to, err := loadAsOf(opts.Factory, needFigures, end)
	if err != nil {
		if opts.To != "" && isUsage(err) {
			err = usagef("%s", replaceFlag(err, "--to"))
		}
		return err
	}
	if opts.From != "" {
		if _, err := asOf(opts.Factory, s, opts.From); err != nil {
			return usagef("%s", replaceFlag(err, "--from"))
		}
	}
	tl, err := timeline.Compute(s, timeline.Options{From: opts.From, To: to, Today: opts.Factory.Today(), Interval: opts.Interval, By: opts.By, Evidence: opts.Evidence})
	if err != nil {
		return usagef("%v", err)
	}
	return render.Timeline(opts.IO.Out, s, tl, opts.Format, opts.IO.TerminalWidth())
}

// replaceFlag names flag in an error that [asOf] raised about --as-of, for
// the commands that check other dates with it.
func replaceFlag(err error, flag string) string {
	return strings.Replace(err.Error(), "--as-of", flag, 1)
}
