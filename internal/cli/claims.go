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

	Format   string
	Evidence string
}

func newCmdClaims(f *Factory) *cobra.Command {
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
items counted are listed, with how many of them rest on our reading of the
evidence alone; items that may not be among the declared ones (membership:
drafted) settle nothing, like missing ones. For an undecided claim, the
output says what it implies about the items the dataset cannot settle,
beside what the settled ones show. 'strategy validate' warns about
contradicted claims (rule claim-contradicted).

--format json prints {data, claims: [{claim, verdict, matched, present,
undetermined, unconfirmed, read_alone, low, high, needs, explanation,
tension}]}, shares as {n, of}; data says how old the evidence is.`,
		Example: `  # check every published claim
  $ strategy claims

  # the verdicts only
  $ strategy claims --format json | jq -r '.[] | .claim.id + " " + .verdict'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return claimsRun(opts)
		},
	}
	addEvidenceFlag(cmd, &opts.Evidence)
	addFormatFlag(cmd, &opts.Format, "text", "json", "yaml", "markdown")
	return cmd
}

// claimsReport is the JSON and YAML contract of claims.
type claimsReport struct {
	Data   summary.Age           `json:"data"`
	Claims []summary.ClaimResult `json:"claims"`
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
	s = byEvidence(s, opts.Evidence)
	results := summary.Claims(s)
	age := summary.DataAge(s, opts.Factory.Today())
	switch opts.Format {
	case "json":
		return render.JSON(opts.IO.Out, claimsReport{Data: age, Claims: results})
	case "yaml":
		return render.YAML(opts.IO.Out, claimsReport{Data: age, Claims: results})
	}
	var b strings.Builder
	md := opts.Format == "markdown"
	if len(results) > 0 {
		b.WriteString(age.Sentence() + "\n\n")
	}
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		c := r.Claim
		if md {
			fmt.Fprintf(&b, "### %s (%s): %s\n\n> %s\n\n%s.\n\n", c.ID, c.Date, verdictText(r.Verdict), c.Text, r.Explanation)
			if r.Tension != "" {
				fmt.Fprintf(&b, "%s.\n\n", r.Tension)
			}
			fmt.Fprintf(&b, "- Counted: %s\n- Source: %s\n", joinOrDash(r.Matched), c.Source)
			continue
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", c.ID, c.Date, verdictText(r.Verdict))
		fmt.Fprintf(&b, "  claim:   %s\n", c.Text)
		fmt.Fprintf(&b, "  found:   %s\n", r.Explanation)
		if r.Tension != "" {
			fmt.Fprintf(&b, "  implies: %s\n", r.Tension)
		}
		fmt.Fprintf(&b, "  counted: %s\n", joinOrDash(r.Matched))
		fmt.Fprintf(&b, "  source:  %s\n", strings.Join(strings.Fields(c.Source), " "))
	}
	if len(results) == 0 && opts.IO.IsStdoutTTY() {
		fmt.Fprintf(opts.IO.ErrOut, "%s records no published claims\n", s.Display)
	}
	_, err = fmt.Fprint(opts.IO.Out, sanitize.Text(b.String()))
	return err
}
