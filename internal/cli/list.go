package cli

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/render"
)

type listOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Filter     query.Filter
	AsOf       string
	Evidence   string
	Government bool
	Sector     bool
	Sort       string
	Count      bool
	Format     string
	ServedBy   string // a plan file: only the items its actions serve
}

func newCmdList(f *Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "List recommendations and commitments, filtered and sorted",
		Long: `List the items of the dataset that pass every filter given. Filters combine
with AND; a filter given several values (comma-separated or repeated)
matches any of them. Statuses, overdue and stale are computed from the
progress logs as they stood on --as-of (default today).

On a terminal the list is a table; when stdout is a pipe it is TSV with the
same columns and no header (id, kind, status, due, lead, title), unless
--format says otherwise. --format ids prints one id per line.

--format json prints an array, the stable shape for scripts:
  [{"id", "title", "summary", "kind", "membership", "theme", "area", "status",
    "due" (YYYY-MM-DD or null), "timescale", "actors": {"lead", "partners"},
    "actor_type", "last_evidence" (YYYY-MM-DD or null), "file"}]
Key names and values are spelled as in the data files. "status" is the
status on --as-of. --format yaml prints the same records as YAML.

--membership keeps items by how sure it is that they are among the declared
items: listed, reported, or drafted (known only from material on draft
recommendations). --evidence stated reads every status from evidence whose
source itself ties the event to the item, leaving out our own reading.

--served-by FILE keeps the items that a local plan's actions serve (dropped
and paused actions serve nothing); a plan with errors is refused with its findings on
stderr, exit 1.

A filter that matches nothing prints nothing (JSON: []) and exits 0.`,
		Example: `  # the train items, as a table
  $ strategy list --theme train

  # items led by DHSC that are past their due date and not complete
  $ strategy list --actor dhsc --lead --overdue

  # items only government can do, due within six months, soonest first
  $ strategy list --actor-type government-only --due-within 6mo --sort due

  # how many items were in progress at the one-year mark
  $ strategy list --status in-progress --as-of 2025-07-18 --count

  # the items a local plan serves
  $ strategy list --served-by plan.yaml

  # no evidence recorded for a year, as JSON for jq
  $ strategy list --stale 1y --format json | jq -r '.[].id'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, f.IO, opts.Format)
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	fl := cmd.Flags()
	q := &opts.Filter
	fl.StringSliceVar(&q.Themes, "theme", nil, "only items in `THEME` (id, alias or prefix: train, tr, TR)")
	fl.StringSliceVar(&q.Actors, "actor", nil, "only items naming `ACTOR` (id or short name) as lead or partner")
	fl.BoolVar(&q.LeadOnly, "lead", false, "with --actor, match lead actors only")
	fl.StringSliceVar(&q.ActorTypes, "actor-type", nil, "only items of derived `TYPE`: government-only, government-with-sector, sector-only, unknown")
	fl.BoolVar(&opts.Government, "government", false, "shorthand for --actor-type government-only,government-with-sector")
	fl.BoolVar(&opts.Sector, "sector", false, "shorthand for --actor-type sector-only")
	fl.StringSliceVar(&q.Statuses, "status", nil, "only items with `STATUS` on --as-of")
	fl.StringSliceVar(&q.Kinds, "kind", nil, "only items of `KIND`: recommendation, commitment, not-stated")
	fl.StringSliceVar(&q.Memberships, "membership", nil, "only items whose membership of the declared items is `M`: listed, reported, drafted")
	fl.StringSliceVar(&q.Areas, "area", nil, "only items in sub-area `AREA`")
	fl.StringVar(&q.DueBefore, "due-before", "", "only items due before `DATE` (YYYY-MM-DD)")
	fl.StringVar(&q.DueWithin, "due-within", "", "only items due from --as-of up to `DURATION` later (90d, 6w, 6mo, 1y)")
	fl.BoolVar(&q.Overdue, "overdue", false, "only items past their due date and not complete on --as-of")
	fl.StringVar(&q.Stale, "stale", "", "only items with no evidence recorded for `DURATION` before --as-of (6mo, 1y)")
	fl.StringVar(&q.Search, "search", "", "only items whose title or summary contains `TEXT` (any case)")
	fl.StringVar(&opts.ServedBy, "served-by", "", "only items that the local plan in `FILE` serves, or any plan in a folder (see 'strategy plan')")
	_ = cmd.MarkFlagFilename("served-by", "yaml", "yml")
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	addEnumFlag(cmd, &opts.Sort, "sort", "", "id", "order by", query.SortKeys...)
	fl.BoolVar(&opts.Count, "count", false, "print only the number of matching items")
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "csv", "markdown", "ids")
	cmd.MarkFlagsMutuallyExclusive("government", "sector", "actor-type")
	cmd.MarkFlagsMutuallyExclusive("count", "format")

	_ = cmd.RegisterFlagCompletionFunc("theme", completeThemes(f))
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActors(f))
	_ = cmd.RegisterFlagCompletionFunc("actor-type", completeValues(dataset.ActorTypes...))
	_ = cmd.RegisterFlagCompletionFunc("status", completeStatuses(f))
	_ = cmd.RegisterFlagCompletionFunc("kind", completeValues(query.Kinds...))
	_ = cmd.RegisterFlagCompletionFunc("membership", completeValues(query.Memberships...))
	_ = cmd.RegisterFlagCompletionFunc("area", completeAreas(f))
	_ = cmd.RegisterFlagCompletionFunc("due-within", completeValues("30d", "90d", "6mo", "1y"))
	_ = cmd.RegisterFlagCompletionFunc("stale", completeValues("90d", "6mo", "1y"))
	for _, name := range []string{"due-before", "search"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
	}
	return cmd
}

func listRun(opts *listOptions) error {
	s, date, err := loadAsOf(opts.Factory, needProse, opts.AsOf)
	if err != nil {
		return err
	}
	s = byEvidence(s, opts.Evidence)
	filter := opts.Filter
	filter.AsOf = date
	switch {
	case opts.Government:
		filter.ActorTypes = []string{dataset.GovernmentOnly, dataset.GovernmentWithSector}
	case opts.Sector:
		filter.ActorTypes = []string{dataset.SectorOnly}
	}
	if filter.LeadOnly && len(filter.Actors) == 0 {
		return usagef("--lead needs --actor")
	}
	items, err := query.Select(s, filter)
	if err != nil {
		return usagef("%v", err)
	}
	if opts.ServedBy != "" {
		if items, err = servedByPlan(opts.Factory, s, opts.ServedBy, items); err != nil {
			return err
		}
	}
	if err := query.Sort(s, items, opts.Sort, date); err != nil {
		return usagef("%v", err)
	}
	out := opts.IO.Out
	if opts.Count {
		_, err := fmt.Fprintln(out, len(items))
		return err
	}
	if len(items) == 0 && opts.IO.IsStdoutTTY() && opts.Format != "json" && opts.Format != "yaml" {
		fmt.Fprintln(opts.IO.ErrOut, "no items match")
	}
	return render.List(out, s, items, date, opts.Format, opts.IO.TerminalWidth())
}

// servedByPlan keeps the items that the plan in path serves, or, for a
// folder, that any plan in it serves.
func servedByPlan(f *Factory, s *dataset.Set, path string, items []*dataset.Item) ([]*dataset.Item, error) {
	plans, err := readGoodPlans(f, s, []string{path}, true)
	if err != nil {
		return nil, err
	}
	served := map[string]bool{}
	for _, p := range plans {
		for _, id := range p.Served() {
			served[id] = true
		}
	}
	return slices.DeleteFunc(items, func(it *dataset.Item) bool { return !served[it.ID] }), nil
}
