package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/chart"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/report"
	"github.com/open-workforce/strategy/internal/summary"
	"github.com/open-workforce/strategy/internal/timeline"
)

// chartKinds are the charts `strategy chart` draws.
var chartKinds = []string{"timeline", "themes", "actor-types"}

type chartOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Kind     string
	AsOf     string
	From     string
	Interval string
	Width    int
	Height   int
	Title    string
	Output   string
}

func newCmdChart(f *Factory) *cobra.Command {
	opts := &chartOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "chart [flags]",
		Short: "Write an SVG chart of progress for an article or a slide",
		Long: `Write a chart as one self-contained SVG file: no fonts, scripts, styles or
images from elsewhere, so it can be put in a web page, an article or a
slide as it is. It carries a title and a description in words for screen
readers, and the same data and date always give the same bytes.

--kind timeline (the default) draws the share of items in progress or
complete at every month end since launch (as 'strategy timeline'): a line
for the items present and, when the dataset lacks some declared items, a
band for the range the share of all of them must lie in, with each
published claim about that share marked on its day.

--kind themes and --kind actor-types draw a bar per theme or actor type
on --as-of (as 'strategy summary'): complete, then in progress, of the
group's items.

The default size, 720 by 405 pixels, suits an article column; --width and
--height change it (1280 by 720 for a slide).`,
		Example: `  # the progress line, for an article
  $ strategy chart -o progress.svg

  # per-theme bars at the one-year mark, sized for a slide
  $ strategy chart --kind themes --as-of 2025-07-18 --width 1280 -o themes.svg`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Width < 0 || opts.Width > 10000 || opts.Height < 0 || opts.Height > 10000 {
				return usagef("--width and --height are pixels: give a number from 1 to 10000")
			}
			if opts.Kind != "timeline" && (cmd.Flags().Changed("from") || cmd.Flags().Changed("interval")) {
				return usagef("--from and --interval shape the timeline: use them with --kind timeline, or drop them")
			}
			return chartRun(opts)
		},
	}
	addEnumFlag(cmd, &opts.Kind, "kind", "", "timeline", "what to draw", chartKinds...)
	addAsOfFlag(cmd, &opts.AsOf)
	cmd.Flags().StringVar(&opts.From, "from", "", "with --kind timeline, start on `DATE` (default the strategy's publication date)")
	addEnumFlag(cmd, &opts.Interval, "interval", "", "month", "with --kind timeline, a point at the end of each", timeline.Intervals...)
	cmd.Flags().IntVar(&opts.Width, "width", 0, "width in `PIXELS` (default 720)")
	cmd.Flags().IntVar(&opts.Height, "height", 0, "height in `PIXELS` (default 405 for the timeline; the bars' own height otherwise)")
	cmd.Flags().StringVar(&opts.Title, "title", "", "the chart's title, instead of one that says what it shows")
	addOutputFileFlag(cmd, &opts.Output, "write to `FILE` instead of standard output", "svg")
	for _, name := range []string{"from", "width", "height", "title"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
	}
	return cmd
}

func chartRun(opts *chartOptions) error {
	s, date, err := loadAsOf(opts.Factory, needFigures, opts.AsOf)
	if err != nil {
		return err
	}
	o := chart.Options{Width: opts.Width, Height: opts.Height, Title: opts.Title, Heading: true}
	var draw func(io.Writer) error
	switch opts.Kind {
	case "timeline":
		if opts.From != "" {
			if _, err := asOf(opts.Factory, s, opts.From); err != nil {
				return usagef("%s", replaceFlag(err, "--from"))
			}
		}
		tl, err := timeline.Compute(s, timeline.Options{From: opts.From, To: date, Today: opts.Factory.Today(), Interval: opts.Interval})
		if err != nil {
			return usagef("%v", err)
		}
		draw = func(w io.Writer) error { return chart.Timeline(w, tl, o) }
	case "themes", "actor-types":
		sum := summary.Compute(s, date)
		groups, title := sum.Themes, "Items in progress or complete by theme, "+date
		if opts.Kind == "actor-types" {
			groups, title = sum.ActorTypes, "Items in progress or complete by who must act, "+date
		}
		name := func(g summary.Group) string { return g.Name }
		if opts.Kind == "actor-types" {
			name = func(g summary.Group) string { return report.ActorTypeName(g.ID) }
		}
		bars := chart.Bars(groups, name)
		draw = func(w io.Writer) error { return chart.BarChart(w, title, "", bars, o) }
	}
	return writeOutput(opts.Factory, opts.Output, draw)
}
