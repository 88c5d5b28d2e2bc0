package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/briefing"
	"github.com/open-workforce/strategy/internal/iostreams"
)

type briefOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Actor    string
	Theme    string
	Since    string
	AsOf     string
	Evidence string
	Format   string
}

func newCmdBrief(f *Factory, runF func(*briefOptions) error) *cobra.Command {
	opts := &briefOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "brief [--actor ID | --theme THEME] [flags]",
		Short: "Write a plain-English briefing on the strategy, one actor or one theme",
		Long: `Write a short briefing for a board paper, a director or a champion.

With no flags it briefs on the whole strategy: the headline figures, what
moved since launch, what is past its due date and not complete, what has
had no evidence for six months, what government alone must do and what the
sector can do now. --actor briefs on what one actor leads and partners on,
--theme on where one theme stands and who leads it.

Every item is named by its id and title. Each event gives its date, what
moved and the evidence's link, one line per item per date, so the text
can be forwarded as it is.

Statuses are read from the progress logs as they stood on --as-of (default
today); --since defaults to the strategy's launch for the whole strategy
and to three months before --as-of for an actor or theme. The same data
and dates always give the same words.`,
		Example: `  # the whole strategy, for a director
  $ strategy brief

  # for a DHSC board paper
  $ strategy brief --actor dhsc --since 2025-07-18

  # the train theme at the one-year mark, as Markdown
  $ strategy brief --theme train --as-of 2025-07-18 --format markdown`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return briefRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Actor, "actor", "", "brief on `ACTOR` (id or short name)")
	cmd.Flags().StringVar(&opts.Theme, "theme", "", "brief on `THEME` (id, alias or prefix)")
	addSinceFlag(cmd, &opts.Since, "report what moved after `DATE` (YYYY-MM-DD; default three months before --as-of)")
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	addFormatFlag(cmd, &opts.Format, "text", "markdown")
	cmd.MarkFlagsMutuallyExclusive("actor", "theme")
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActors(f))
	_ = cmd.RegisterFlagCompletionFunc("theme", completeThemes(f))
	return cmd
}

func briefRun(opts *briefOptions) error {
	s, date, err := loadAsOf(opts.Factory, needProse, opts.AsOf)
	if err != nil {
		return err
	}
	s = byEvidence(s, opts.Evidence)
	if err := checkSince(opts.Since, opts.AsOf, date); err != nil {
		return err
	}
	b, err := briefing.Build(s, briefing.Options{Actor: opts.Actor, Theme: opts.Theme, AsOf: date, Since: opts.Since})
	if err != nil {
		return usagef("%v", err)
	}
	text := b.Text(min(opts.IO.TerminalWidth(), 100))
	if opts.Format == "markdown" {
		text = b.Markdown()
	}
	_, err = fmt.Fprint(opts.IO.Out, text)
	return err
}
