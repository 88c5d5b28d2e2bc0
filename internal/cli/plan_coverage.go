package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/coverage"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
)

type planCoverageOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Paths  []string
	Format string
}

func newCmdPlanCoverage(f *Factory) *cobra.Command {
	opts := &planCoverageOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "coverage <file|dir>... [flags]",
		Short: "Show which national items local plans serve and which they leave",
		Long: `Show, for each plan and across all the plans given (files, or folders of
.yaml files):

  - coverage by theme, as n of N national items served;
  - the national items served, and by which local actions;
  - the national items not served, grouped by theme, with the items the
    sector can act on without government (sector-only) first, since those are
    the ones a local plan can pick up;
  - across plans, how many plans serve each national item.

N is the number of items in the dataset, which may be fewer than the strategy
declares; the report says so. Dropped actions serve nothing. Plans with
errors are refused (the findings go to stderr, exit 1): run 'strategy plan
check' first.

Local actions past their due date and not complete on today (as 'plan
check' warns of them) are listed under each plan.

--format table prints sections of tables for people; markdown the same for
pull requests and pages. --format csv prints, for spreadsheets, one row per
national item: id, theme, actor_type, title, a column per plan holding the
local action ids that serve it, "plans" (how many plans serve it), and last
"overdue_actions": those serving actions that are overdue, each named
"plan: id" when there are several plans (filter it for non-empty cells to
find late local work; a paused action serves nothing, so it is in no row).
--format json prints the whole report: {dataset, items, declared, plans:
[{file, organisation, title, url, date, actions, counted_actions, served:
[{id, title, theme, actor_type, actions, action_statuses}], unserved:
[{theme, name, items}], themes: [{theme, name, served, total}], total,
overdue_actions: [{id, due, status}]}], across: {plans, items: [{id, ...,
plans, served_by: [{file, organisation, actions}]}], unserved, themes,
total}}.`,
		Example: `  # what one plan covers and leaves
  $ strategy plan coverage plan.yaml

  # every plan in a folder, and how many plans serve each national item
  $ strategy plan coverage plans/

  # a matrix for a spreadsheet
  $ strategy plan coverage plans/ --format csv > coverage.csv`,
		Args: minArgs(1, "at least one plan file or folder"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Format = tableOrTSV(cmd, opts.IO, opts.Format)
			return planCoverageRun(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "markdown", "csv")
	return cmd
}

func planCoverageRun(opts *planCoverageOptions) error {
	s, err := loadForReport(opts.Factory, needProse)
	if err != nil {
		return err
	}
	plans, err := readGoodPlans(opts.Factory, s, opts.Paths, true)
	if err != nil {
		return err
	}
	rep := coverage.Compute(s, plans)
	rep.MarkOverdue(plans, opts.Factory.Today())
	return render.Coverage(opts.IO.Out, rep, opts.Format, opts.IO.TerminalWidth())
}
