package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/record"
	"github.com/open-workforce/strategy/internal/render"
)

type themesOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Format string
}

func newCmdThemes(f *Factory) *cobra.Command {
	opts := &themesOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "themes [flags]",
		Short: "List the themes and their sub-areas, with item counts",
		Long: `List the strategy's themes with their id prefix and aliases (any of which
'strategy list --theme' accepts) and each sub-area with the number of items
present in it, and whether a source names the sub-area (basis "stated") or
the grouping is the dataset's own ("inferred").

On a terminal this is a table with a row per sub-area; piped, TSV without a
header. --format json prints [{id, name, prefix, aliases, items, areas:
[{id, name, basis, items}]}]; basis is left out where the dataset does not
say.`,
		Example: `  # themes and areas
  $ strategy themes

  # the area ids of the train theme
  $ strategy themes --format json | jq -r '.[] | select(.id == "train") | .areas[].id'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = tableOrTSV(cmd, f.IO, opts.Format)
			return themesRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, "table", "tsv", "json", "yaml", "csv", "markdown", "ids")
	return cmd
}

func themesRun(opts *themesOptions) error {
	s, err := loadForReport(opts.Factory, needFigures)
	if err != nil {
		return err
	}
	records := []render.ThemeRecord{}
	for _, th := range s.Strategy.Themes {
		r := render.ThemeRecord{ID: th.ID, Name: th.Name, Prefix: th.Prefix, Aliases: record.OrEmpty(th.Aliases), Areas: []render.AreaRecord{}}
		for _, a := range th.Areas {
			ar := render.AreaRecord{ID: a.ID, Name: a.Name, Basis: a.Basis}
			for _, it := range s.Items {
				if it.Theme == th.ID && it.Area == a.ID {
					ar.Items++
				}
			}
			r.Areas = append(r.Areas, ar)
		}
		for _, it := range s.Items {
			if it.Theme == th.ID {
				r.Items++
			}
		}
		records = append(records, r)
	}
	return render.Themes(opts.IO.Out, records, opts.Format, opts.IO.TerminalWidth())
}
