package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

type summaryOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	AsOf     string
	Evidence string
	Format   string
}

func newCmdSummary(f *Factory) *cobra.Command {
	opts := &summaryOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "summary [flags]",
		Short: "Count items by status, overall and by theme, actor type and lead",
		Long: `Count the items by status as their progress logs stood on --as-of (default
today): overall, by theme, by derived actor type and by lead actor, with a
text bar for each group's share in progress or complete ("Progressed"), and
headline sentences in plain English.

Every percentage comes with its numerator and denominator. When the dataset
holds fewer items than the strategy declares, the headlines say so and give
the range the true share of all declared items must lie in, counting each
missing item first as not matching and then as matching.

The phrases follow fixed rules: "Exactly half"; "Just over" or "Nearly" a
quarter, half or three quarters within 3 points; "About" a third or two
thirds within 2 points; otherwise "Over half", "Fewer than half" and so on.

--format json prints the figures for scripts: as_of, declared, present,
statuses, overall, themes, actor_types, leads (each {id, name, total,
counts: [{status, n, percent}]}) and headlines ({text, share, low, high},
shares as {n, of}).`,
		Example: `  # where things stand today
  $ strategy summary

  # at the one-year mark
  $ strategy summary --as-of 2025-07-18

  # for a pull request description
  $ strategy summary --format markdown`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, opts.IO, opts.Format)
			return summaryRun(opts)
		},
	}
	addAsOfFlag(cmd, &opts.AsOf)
	addEvidenceFlag(cmd, &opts.Evidence)
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "markdown")
	return cmd
}

func summaryRun(opts *summaryOptions) error {
	s, date, err := loadAsOf(opts.Factory, needFigures, opts.AsOf)
	if err != nil {
		return err
	}
	sum := summary.Compute(byEvidence(s, opts.Evidence), date)
	switch opts.Format {
	case "json":
		return render.JSON(opts.IO.Out, sum)
	case "yaml":
		return render.YAML(opts.IO.Out, sum)
	}
	return writeSummary(opts.IO, sum, s.Strategy.Title, opts.Format)
}

// bar draws a share as a fixed-width text bar.
func bar(n, of, width int) string {
	full := 0
	if of > 0 {
		full = (n*width + of/2) / of
	}
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

func writeSummary(ios *iostreams.IOStreams, sum *summary.Summary, title string, format string) error {
	markdown := format == "markdown"
	var b strings.Builder
	heading := func(s string) {
		if markdown {
			fmt.Fprintf(&b, "\n### %s\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n%s\n", s)
		}
	}
	// Prose wraps to the terminal; Markdown leaves wrapping to its reader.
	width := ios.TerminalWidth()
	if format != "table" {
		width = 1 << 30
	}
	if markdown {
		fmt.Fprintf(&b, "## %s: status on %s\n\n", title, sum.AsOf)
	} else {
		b.WriteString(render.WrapIndent(fmt.Sprintf("%s: status on %s", title, sum.AsOf), width, "", ""))
	}
	holds := sum.Coverage() + " " + sum.Data.Sentence()
	if sum.Evidence == "stated" {
		holds += " Only evidence whose source itself ties the event to the item is counted (--evidence stated)."
	}
	b.WriteString(render.WrapIndent(holds, width, "", ""))

	heading("Headlines")
	for _, h := range sum.Headlines {
		b.WriteString(render.WrapIndent(h.Text+".", width, "- ", "  "))
	}

	heading(fmt.Sprintf("By status (%d items present)", sum.Overall.Total))
	var t render.Table
	t.Header = []string{"Status", "Items", "Share", ""}
	for _, c := range sum.Overall.Counts {
		t.Rows = append(t.Rows, []string{c.Status, fmt.Sprintf("%d of %d", c.N, sum.Overall.Total), fmt.Sprintf("%d%%", c.Percent), bar(c.N, sum.Overall.Total, 20)})
	}
	if err := flush(&b, t, format, ios.TerminalWidth()); err != nil {
		return err
	}
	for _, sec := range []struct {
		title, label string
		groups       []summary.Group
	}{
		{"By theme", "Theme", sum.Themes},
		{"By actor type", "Actor type", sum.ActorTypes},
		{"By lead actor", "Lead", sum.Leads},
	} {
		heading(sec.title)
		if err := flush(&b, groupTable(sec.label, sec.groups, sum.Statuses), format, ios.TerminalWidth()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprint(ios.Out, sanitize.Text(b.String()))
	return err
}

// groupTable has a row per group: its items, each status as "n (p%)", and
// the share in progress or complete ("Progressed") as a fraction and a bar.
// Status headers are spelled with spaces so that they wrap at a word, not
// mid-id. A narrow terminal hides the item count first (the Progressed
// column repeats it), then the status columns in order (the first is
// what Progressed leaves out).
func groupTable(label string, groups []summary.Group, statuses []string) render.Table {
	t := render.Table{Header: []string{label, "Items"}, Optional: []int{1}}
	for i, st := range statuses {
		t.Header = append(t.Header, strings.ReplaceAll(st, "-", " "))
		t.Optional = append(t.Optional, 2+i)
	}
	t.Header = append(t.Header, "Progressed", "")
	for _, g := range groups {
		row := []string{g.Name, itoa(g.Total)}
		for _, c := range g.Counts {
			row = append(row, fmt.Sprintf("%d (%d%%)", c.N, c.Percent))
		}
		progressed := 0
		for _, st := range summary.Progressed {
			progressed += g.Count(st)
		}
		sh := summary.Share{N: progressed, Of: g.Total}
		row = append(row, sh.String(), bar(progressed, g.Total, 10))
		t.Rows = append(t.Rows, row)
	}
	return t
}

func flush(b *strings.Builder, t render.Table, format string, width int) error {
	return render.WriteTable(b, t, format, width)
}
