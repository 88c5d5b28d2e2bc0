package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/check"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
)

type validateOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Format string
	Strict bool
	Base   string
}

func newCmdValidate(f *Factory) *cobra.Command {
	opts := &validateOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "validate [DIR] [flags]",
		Short: "Check the dataset's shape, references, dates and evidence",
		Long: `Check every file of the dataset and report every problem in one run, as
path:line:column: rule: message, followed by a one-line summary.

Checks: the JSON Schemas under data/schema (shape, allowed values, dates,
URLs), strict YAML (one document, no duplicate keys, anchors or custom tags,
dates quoted), unique ids that match file names, themes, areas and actors that
resolve, progress oldest first and never in the future, the launch state first,
evidence behind every later entry, never complete on an announcement alone,
the item's status equal to its last entry's, and how many of the declared
items are present (a notice: information every report also states, which
never fails, not even under --strict). With --base REV, progress logs must only have
grown since that git revision: an edited or deleted entry is an error.
When the dataset has a plans/ folder, every
plan in it is checked as 'strategy plan check' does, and must give its url:
only real, public plans belong there.

Exits 0 when the dataset is valid, 1 when it has errors (or warnings, with
--strict; notices never count), 2 on a usage error, 3 when there is no
dataset to read.`,
		Example: `  # check ./data
  $ strategy validate

  # check another folder and fail on warnings too
  $ strategy validate ../my-fork/data --strict

  # annotations on the pull request, in GitHub Actions
  $ strategy validate --format github

  # also refuse edits to progress entries already on main
  $ strategy validate --base origin/main`,
		Args: maxArgs(1, "the dataset folder"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if cmd.Flags().Changed("data") {
					return usagef("give the dataset folder either as an argument or with --data, not both")
				}
				f.DataDir = args[0]
			}
			return validateRun(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	addFormatFlag(cmd, &opts.Format, "text", "json", "github")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings too (notices, such as the coverage of declared items, never fail)")
	cmd.Flags().StringVar(&opts.Base, "base", "", "also check that progress logs only grew since git revision `REV`")
	return cmd
}

func validateRun(opts *validateOptions) error {
	n := needFigures
	if opts.Base != "" {
		n = needProse // --base compares whole progress entries, notes included
	}
	s, err := opts.Factory.Dataset(n)
	if err != nil {
		return err
	}
	findings := append(s.Findings, check.Run(s, check.Options{Today: opts.Factory.Today()})...)
	if opts.Base != "" {
		more, err := appendOnlyFindings(opts.Factory, s, opts.Base)
		if err != nil {
			return err
		}
		findings = append(findings, more...)
	}
	planFindings, plans, actions, err := checkDatasetPlans(opts.Factory, s)
	if err != nil {
		return err
	}
	findings = append(findings, planFindings...)
	finding.Sort(findings)
	errs, warns := finding.Count(findings)
	rep := render.Report{
		Dataset: s.Display, Items: len(s.Items),
		Errors: errs, Warnings: warns, Findings: findings,
		Plans: plans, Actions: actions,
	}
	if s.Strategy != nil {
		rep.Declared = s.Strategy.DeclaredItems
	}
	rep.Valid = errs == 0 && (!opts.Strict || warns == 0)
	return writeFindings(opts.IO, opts.Format, rep)
}

// writeFindings prints a validation report in format (text, json or github)
// and turns an invalid one into the error that exits 1.
func writeFindings(ios *iostreams.IOStreams, format string, rep render.Report) error {
	if err := render.Findings(ios.Out, rep, format); err != nil {
		return err
	}
	if !rep.Valid {
		return &findingsError{errors: rep.Errors, warnings: rep.Warnings}
	}
	return nil
}
