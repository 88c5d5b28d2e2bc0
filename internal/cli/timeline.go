package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/chart"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/sanitize"
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
	switch opts.Format {
	case "json":
		return render.JSON(opts.IO.Out, tl)
	case "yaml":
		return render.YAML(opts.IO.Out, tl)
	case "tsv", "csv":
		return render.WriteTable(opts.IO.Out, timelineRecords(tl), opts.Format, 0)
	}
	return writeTimeline(opts.IO, s, tl, opts.Format)
}

// timelineRecords is the machine table: one row per group and day, the
// claims' days among the overall rows, every count a bare number.
func timelineRecords(tl *timeline.Timeline) render.Table {
	t := render.Table{Header: append(append([]string{"group", "date"}, tl.Statuses...),
		"no_status", "moved", "present", "declared", "low_percent", "high_percent", "claim")}
	row := func(group string, p timeline.Point, claim string) []string {
		r := []string{group, p.Date}
		for _, c := range p.Counts {
			r = append(r, itoa(c.N))
		}
		r = append(r, itoa(p.NoStatus), itoa(p.Moved.N), itoa(p.Moved.Of), itoa(tl.Declared), "", "", claim)
		if p.Low != nil {
			r[len(r)-3], r[len(r)-2] = itoa(p.Low.PercentFloor()), itoa(p.High.PercentCeil())
		}
		return r
	}
	for _, p := range mergeClaims(tl) {
		t.Rows = append(t.Rows, row(tl.Overall.ID, p.Point, p.claim))
	}
	for _, g := range tl.Groups {
		for _, p := range g.Points {
			t.Rows = append(t.Rows, row(g.ID, p, ""))
		}
	}
	return t
}

// claimRow is an overall point, or a claim's day with the claim's text.
type claimRow struct {
	timeline.Point
	claim string
	mark  string // the footnote mark on a claim's row
}

// mergeClaims puts each claim's day among the overall points, in date order
// (after a point of the same day).
func mergeClaims(tl *timeline.Timeline) []claimRow {
	var out []claimRow
	claims := tl.Claims
	for _, p := range tl.Overall.Points {
		for len(claims) > 0 && claims[0].Date < p.Date {
			out = append(out, claimPointRow(claims[0], len(tl.Claims)-len(claims)))
			claims = claims[1:]
		}
		out = append(out, claimRow{Point: p})
	}
	for _, c := range claims {
		out = append(out, claimPointRow(c, len(tl.Claims)-len(claims)))
		claims = claims[1:]
	}
	return out
}

func claimPointRow(c timeline.ClaimPoint, i int) claimRow {
	low, high := c.Low, c.High
	return claimRow{
		Point: timeline.Point{Date: c.Date, Counts: c.Counts, NoStatus: c.NoStatus, Moved: c.Moved, Low: &low, High: &high},
		claim: sanitize.Line(c.Text),
		mark:  strings.Repeat("*", i+1),
	}
}

func writeTimeline(ios *iostreams.IOStreams, s *dataset.Set, tl *timeline.Timeline, format string) error {
	markdown := format == "markdown"
	width := ios.TerminalWidth()
	var b strings.Builder
	// para writes a paragraph, wrapped to the terminal; Markdown readers
	// wrap it themselves.
	para := func(text string) {
		if markdown {
			b.WriteString(sanitize.Markdown(text) + "\n")
			return
		}
		for _, line := range prose.Wrap(text, width) {
			b.WriteString(line + "\n")
		}
	}
	title := fmt.Sprintf("%s: progress by %s, %s to %s", s.Strategy.Title, tl.Interval, tl.From, tl.To)
	if markdown {
		b.WriteString("## ")
	}
	para(title)
	b.WriteString("\n")
	coverage := fmt.Sprintf("The dataset holds %d of the %d declared items.", tl.Present, tl.Declared)
	if tl.Declared > tl.Present {
		coverage += fmt.Sprintf(" Shares of all %d are ranges: each missing item may or may not have moved.", tl.Declared)
	}
	para(coverage)
	b.WriteString("\n")
	if !markdown {
		if c := chart.Text(tl, width); c != "" {
			b.WriteString(c + "\n")
		}
	}
	names := statusNames(s)
	// Headers break at their first space, so that the narrow columns of
	// numbers under them stay narrow.
	twoLines := func(h string) string {
		if markdown {
			return h
		}
		return strings.Replace(h, " ", "\n", 1)
	}
	header := func(first string) []string {
		h := []string{first}
		for _, st := range tl.Statuses {
			h = append(h, twoLines(names(st)))
		}
		return h
	}
	// The overall table: the claims' days among the periods, marked, and the
	// claims themselves under the table.
	t := render.Table{Header: append(header("Date"), twoLines(fmt.Sprintf("Moved (of %d)", tl.Present)), twoLines(fmt.Sprintf("Of all %d", tl.Declared)))}
	for _, p := range mergeClaims(tl) {
		r := []string{p.Date + p.mark}
		for _, c := range p.Counts {
			r = append(r, itoa(c.N))
		}
		r = append(r, fmt.Sprintf("%d (%d%%)", p.Moved.N, p.Moved.Percent()), shareRange(p.Point))
		t.Rows = append(t.Rows, r)
	}
	if err := fitTimeline(&b, t, format, width); err != nil {
		return err
	}
	if pts := tl.Overall.Points; len(pts) > 0 && pts[len(pts)-1].ReadAlone != nil {
		last := pts[len(pts)-1]
		b.WriteString("\n")
		para(fmt.Sprintf("On %s, %d of the %d items in progress or complete %s there on our reading of the evidence alone; --evidence stated leaves such moves out.",
			last.Date, *last.ReadAlone, last.Moved.N, prose.Plural(*last.ReadAlone, "is", "are")))
	}
	for i, c := range tl.Claims {
		b.WriteString("\n")
		para(fmt.Sprintf("%s %s: published: “%s”. The dataset gives %d of %d present, %s of all %d; the claim %s.",
			strings.Repeat("*", i+1), c.Date, sanitize.Line(c.Text), c.Moved.N, c.Moved.Of, shareRange(claimPointRow(c, i).Point), c.Low.Of, verdictText(c.Verdict)))
	}
	for _, g := range tl.Groups {
		heading := fmt.Sprintf("%s (%s)", sanitize.Line(g.Name), prose.Count(g.Total, "item"))
		if markdown {
			fmt.Fprintf(&b, "\n### %s\n\n", sanitize.Markdown(heading))
		} else {
			fmt.Fprintf(&b, "\n%s\n", heading)
		}
		gt := render.Table{Header: append(header("Date"), twoLines(fmt.Sprintf("Moved (of %d)", g.Total)))}
		for _, p := range g.Points {
			r := []string{p.Date}
			for _, c := range p.Counts {
				r = append(r, itoa(c.N))
			}
			gt.Rows = append(gt.Rows, append(r, fmt.Sprintf("%d (%d%%)", p.Moved.N, p.Moved.Percent())))
		}
		if err := fitTimeline(&b, gt, format, width); err != nil {
			return err
		}
	}
	_, err := fmt.Fprint(ios.Out, sanitize.Text(b.String()))
	return err
}

// shareRange is the share of all declared items that moved: one figure
// when the dataset is complete, else the range rounded outwards.
func shareRange(p timeline.Point) string {
	if p.Low == nil {
		return ""
	}
	if *p.Low == *p.High {
		return fmt.Sprintf("%d%%", p.Low.Percent())
	}
	return fmt.Sprintf("%d–%d%%", p.Low.PercentFloor(), p.High.PercentCeil())
}

// fitTimeline writes a timeline table. On a terminal too narrow for every
// column, the first status column goes (it is what remains once the others
// are counted) and a line says so, rather than breaking dates over lines.
func fitTimeline(b *strings.Builder, t render.Table, format string, width int) error {
	if format == "table" && tableWidth(t) > width && len(t.Header) > 3 {
		dropped := t.Header[1]
		t.Header = append([]string{t.Header[0]}, t.Header[2:]...)
		for i, r := range t.Rows {
			t.Rows[i] = append([]string{r[0]}, r[2:]...)
		}
		note := fmt.Sprintf("(%s is left out to fit the terminal: it is the items present less the others.)", strings.ReplaceAll(dropped, "\n", " "))
		defer func() {
			for _, line := range prose.Wrap(note, width) {
				b.WriteString(line + "\n")
			}
		}()
	}
	return render.WriteTable(b, t, format, width)
}

// tableWidth is the widest line of t drawn as a box table without fitting.
func tableWidth(t render.Table) int {
	var buf bytes.Buffer
	if err := render.WriteTable(&buf, t, "table", 0); err != nil {
		return 0
	}
	w := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

// statusNames names statuses as strategy.yaml does, falling back to the id.
func statusNames(s *dataset.Set) func(string) string {
	names := map[string]string{}
	for _, st := range s.Strategy.Statuses {
		names[st.ID] = sanitize.Line(st.Name)
	}
	return func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		return id
	}
}

// replaceFlag names flag in an error that [asOf] raised about --as-of, for
// the commands that check other dates with it.
func replaceFlag(err error, flag string) string {
	return strings.Replace(err.Error(), "--as-of", flag, 1)
}
