package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/render"
)

type planCheckOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Files  []string
	Format string
}

func newCmdPlanCheck(f *Factory) *cobra.Command {
	opts := &planCheckOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "check <file|dir>... [flags]",
		Short: "Check local plans against the schema and the national dataset",
		Long: `Check plan files (or every .yaml file in a folder) and report every
problem in one run, as path:line:column: rule: message, followed by a
one-line summary; the same formats and exit codes as 'strategy validate'.

Checks: strict YAML (one document, no duplicate keys, anchors or custom
tags, dates quoted); the plan schema (required fields, organisation types,
local statuses, at least one national id per action); local action ids
unique in the plan; every national id one the dataset holds, with a
suggestion for a near miss (TR-2 for TR-02); dates that exist on the
calendar; at most 10000 actions and 2 MiB per plan.

Plans are checked against the national dataset found as for every command
(--data DIR, $STRATEGY_DATA, ./data, or the snapshot bundled with this
binary).

Exits 0 when every plan is valid, 1 when any has errors, 2 on a usage error,
3 when a file cannot be read at all.`,
		Example: `  # check a plan
  $ strategy plan check plan.yaml

  # every plan in a folder, as annotations in GitHub Actions
  $ strategy plan check plans/ --format github`,
		Args: minArgs(1, "at least one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return planCheckRun(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	addFormatFlag(cmd, &opts.Format, "text", "json", "github")
	return cmd
}

func planCheckRun(opts *planCheckOptions) error {
	s, err := opts.Factory.Dataset(needProse)
	if err != nil {
		return err
	}
	warnBrokenDataset(opts.Factory, s)
	files, err := planFiles(opts.Files, true)
	if err != nil {
		return err
	}
	plans, findings := readPlans(s, files, plan.CheckOptions{Today: opts.Factory.Today()})
	actions := 0
	for _, p := range plans {
		actions += len(p.Actions)
	}
	errs, warns := finding.Count(findings)
	rep := render.Report{
		Dataset: s.Name(), Items: len(s.Items), Declared: s.Declared(),
		Plans: len(files), Actions: actions, PlansOnly: true,
		Errors: errs, Warnings: warns, Valid: errs == 0, Findings: findings,
	}
	return writeFindings(opts.IO, opts.Format, rep)
}
