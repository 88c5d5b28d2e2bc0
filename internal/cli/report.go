package cli

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/report"
)

type reportOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	AsOf     string
	Since    string // where "what changed" starts; "" for the last 90 days
	Evidence string
	Format   string
	Output   string
	Plans    []string // plan files or folders: add how they cover the national items
}

func newCmdReport(f *Factory, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "report [flags]",
		Short: "Write a progress report as a web page or Markdown",
		Long: `Write a progress report for people who would rather look than read a
terminal: the headline figures in plain English, progress by theme, by actor
type and by lead actor as bars with their numbers in words, and every item in
a table with its status on --as-of (default today) and its latest update.

--format html (the default) writes one self-contained page: no network, no
external fonts or scripts. A small inline script adds filters by theme,
status and actor; without it the full table is still there. The page prints
cleanly. --format markdown writes the same report for a wiki or README.

--plans adds a section on local plans (files, or folders of .yaml files;
repeat the flag or separate them with commas): for each plan, how many
national items it serves in plain English, then a table of every national
item against every plan, each cell naming the local actions that serve it or
saying "Not served", and how many plans serve it. The figures are those of
'strategy plan coverage'. Plans with errors are refused (the findings go to
stderr, exit 1) and nothing is written: run 'strategy plan check' first.

When the dataset holds fewer items than the strategy declares, the figures
for the whole strategy are ranges, as in 'strategy summary'. Only http and
https links are made; anything else in the data is shown as text.

"What changed" lists the progress recorded in the 90 days to --as-of, one
row per item per date, with what moved and the evidence; --since DATE starts
it after that date instead (as in 'strategy brief'), and its heading says so.

The file -o names is written whole or not at all; a name ending in .md or
.markdown gets Markdown unless --format says otherwise.`,
		Example: `  # the report as a web page
  $ strategy report -o report.html

  # as it stood at the one-year mark
  $ strategy report --as-of 2025-07-18 -o report-2025.html

  # Markdown for the wiki (the .md name is enough)
  $ strategy report -o PROGRESS.md

  # what changed since the last board meeting, not in the last 90 days
  $ strategy report --since 2025-09-01 -o report.html

  # with how the local plans in plans/ cover the national items
  $ strategy report --plans plans/ -o report.html`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// "-o PROGRESS.md" means Markdown: a page of HTML in a
			// file named .md would surprise whoever opens it.
			if !cmd.Flags().Changed("format") && markdownName(opts.Output) {
				opts.Format = "markdown"
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addSinceFlag(cmd, &opts.Since, "list what changed after `DATE` (YYYY-MM-DD; default 90 days before --as-of)")
	addEvidenceFlag(cmd, &opts.Evidence)
	addFormatFlag(cmd, &opts.Format, report.Formats...)
	addOutputFileFlag(cmd, &opts.Output, "write to `FILE` instead of standard output", "html", "md")
	cmd.Flags().StringSliceVar(&opts.Plans, "plans", nil, "add how the local plans in `FILE|DIR` cover the national items (repeatable, or comma-separated)")
	_ = cmd.MarkFlagFilename("plans", "yaml", "yml")
	return cmd
}

// markdownName reports whether a file name says Markdown.
func markdownName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

func reportRun(opts *reportOptions) error {
	s, date, err := loadAsOf(opts.Factory, needProse, opts.AsOf)
	if err != nil {
		return err
	}
	if err := checkSince(opts.Since, opts.AsOf, date); err != nil {
		return err
	}
	s = byEvidence(s, opts.Evidence)
	var plans []*plan.Plan
	if len(opts.Plans) > 0 {
		// Checked before anything is written: a refused plan leaves no file.
		if plans, err = readGoodPlans(opts.Factory, s, opts.Plans, true); err != nil {
			return err
		}
	}
	return writeOutput(opts.Factory, opts.Output, func(w io.Writer) error {
		if opts.Format == "markdown" {
			return report.Markdown(w, s, date, opts.Since, plans)
		}
		return report.HTML(w, s, date, opts.Since, plans)
	})
}
