package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/badge"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/summary"
)

type badgeOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	AsOf     string
	Evidence string
	Output   string
}

func newCmdBadge(f *Factory) *cobra.Command {
	opts := &badgeOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "badge [flags]",
		Short: "Write an SVG progress badge for a README",
		Long: `Write a small SVG badge in the usual shields style showing how many items
are in progress or complete on --as-of (default today).

With every declared item in the dataset the badge reads "54% (30/56)". When
fewer are present it reads "9/31 tracked, 16–61% of 56": the count among the
items present, then the range the share of all declared items must lie in,
so the badge never passes off the tracked part as the whole strategy. The
badge's title (read by screen readers, shown as a tooltip) is the full
sentence from 'strategy summary'. The output is the same bytes for the
same data and date.`,
		Example: `  # the badge for the README
  $ strategy badge -o badge.svg`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badgeRun(opts)
		},
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	addOutputFileFlag(cmd, &opts.Output, "write to `FILE` instead of standard output", "svg")
	return cmd
}

func badgeRun(opts *badgeOptions) error {
	s, date, err := loadAsOf(opts.Factory, needProse, opts.AsOf)
	if err != nil {
		return err
	}
	s = byEvidence(s, opts.Evidence)
	b := badge.Progress(summary.Compute(s, date))
	return writeOutput(opts.Factory, opts.Output, func(w io.Writer) error { return badge.SVG(w, b) })
}
