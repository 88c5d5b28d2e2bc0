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

type claimsOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Format string
}

func newCmdClaims(f *Factory, runF func(*claimsOptions) error) *cobra.Command {
	opts := &claimsOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "claims [flags]",
		Short: "Recompute the strategy's published claims from the items",
		Long: `Recompute each published aggregate statement recorded under claims: in
strategy.yaml ("over 50% in progress or complete", "fewer than half need
government action") from the items, as of the claim's own date.

Each claim is reported as holds, contradicted, or undecided: cannot be
decided with the current coverage, because the items missing from the
dataset (or whose actors have no known type) could tip it either way. The
items counted are listed. 'strategy validate' warns about contradicted
claims (rule claim-contradicted).

--format json prints [{claim, verdict, matched, present, undetermined, low,
high, explanation}], shares as {n, of}.`,
		Example: `  # check every published claim
  $ strategy claims

  # the verdicts only
  $ strategy claims --format json | jq -r '.[] | .claim.id + " " + .verdict'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return claimsRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, "text", "json", "yaml", "markdown")
	return cmd
}

// verdictText says a verdict in words.
func verdictText(v summary.Verdict) string {
	if v == summary.Undecided {
		return "cannot be decided with the current coverage"
	}
	return string(v)
}

func claimsRun(opts *claimsOptions) error {
	s, err := loadForReport(opts.Factory, needFigures)
	if err != nil {
		return err
	}
	results := summary.Claims(s)
	switch opts.Format {
	case "json":
		return render.JSON(opts.IO.Out, results)
	case "yaml":
		return render.YAML(opts.IO.Out, results)
	}
	var b strings.Builder
	md := opts.Format == "markdown"
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		c := r.Claim
		if md {
			fmt.Fprintf(&b, "### %s (%s): %s\n\n> %s\n\n%s.\n\n- Counted: %s\n- Source: %s\n",
				c.ID, c.Date, verdictText(r.Verdict), c.Text, r.Explanation, joinOrDash(r.Matched), c.Source)
			continue
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", c.ID, c.Date, verdictText(r.Verdict))
		fmt.Fprintf(&b, "  claim:   %s\n", c.Text)
		fmt.Fprintf(&b, "  found:   %s\n", r.Explanation)
		fmt.Fprintf(&b, "  counted: %s\n", joinOrDash(r.Matched))
		fmt.Fprintf(&b, "  source:  %s\n", strings.Join(strings.Fields(c.Source), " "))
	}
	if len(results) == 0 && opts.IO.IsStdoutTTY() {
		fmt.Fprintf(opts.IO.ErrOut, "%s records no published claims\n", s.Display)
	}
	_, err = fmt.Fprint(opts.IO.Out, sanitize.Text(b.String()))
	return err
}
