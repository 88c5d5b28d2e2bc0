package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
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

func claimsRun(opts *claimsOptions) error {
	s, err := loadForReport(opts.Factory, needFigures)
	if err != nil {
		return err
	}
	s = byEvidence(s, opts.Evidence)
	results := summary.Claims(s)
	age := summary.DataAge(s, opts.Factory.Today())
	// People reading a terminal are told why nothing follows; a script
	// reading json or yaml gets an empty list.
	if len(results) == 0 && opts.IO.IsStdoutTTY() && opts.Format != "json" && opts.Format != "yaml" {
		fmt.Fprintf(opts.IO.ErrOut, "%s records no published claims\n", s.Display)
	}
	return render.Claims(opts.IO.Out, results, age, opts.Format)
}
