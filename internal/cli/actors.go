package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
)

type actorsOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Format string
}

func newCmdActors(f *Factory) *cobra.Command {
	opts := &actorsOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "actors [flags]",
		Short: "List the actors, their types and how many items they lead and partner",
		Long: `List everyone in actors.yaml with their type, whether that type counts as
government, and how many items present name them as lead and as partner.
Use an actor's id or short name with 'strategy list --actor'.

On a terminal this is a table; piped, TSV without a header. --format json
prints [{id, name, short, type, government, leads, partners}].`,
		Example: `  # who does what
  $ strategy actors

  # the actors that lead nothing yet
  $ strategy actors --format json | jq -r '.[] | select(.leads == 0) | .id'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, f.IO, opts.Format)
			return actorsRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "csv", "markdown", "ids")
	return cmd
}

func actorsRun(opts *actorsOptions) error {
	s, err := opts.Factory.Dataset(needFigures)
	if err != nil {
		return err
	}
	if s.Registry == nil {
		return brokenf("%s: cannot list actors without a readable actors.yaml; run 'strategy validate' to see why", s.Display)
	}
	leads, partners := map[string]int{}, map[string]int{}
	for _, it := range s.Items {
		for _, id := range it.Actors.Lead {
			leads[id]++
		}
		for _, id := range it.Actors.Partners {
			partners[id]++
		}
	}
	records := []render.ActorRecord{}
	for _, a := range s.Registry.Actors {
		gov, _ := s.IsGovernment(a.ID)
		records = append(records, render.ActorRecord{ID: a.ID, Name: a.Name, Short: a.Short, Type: a.Type, Government: gov, Leads: leads[a.ID], Partners: partners[a.ID]})
	}
	return render.Actors(opts.IO.Out, records, opts.Format, opts.IO.TerminalWidth())
}
