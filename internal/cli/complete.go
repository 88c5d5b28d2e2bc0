package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
)

// Dynamic shell completion from the dataset. Loading the bundled dataset
// takes a few milliseconds, which keeps completion instant. Every value
// carries a description after a tab, which zsh and fish show.

type completeFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

func fromDataset(f *Factory, list func(*dataset.Set) []string) completeFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		s, err := f.Dataset(needFigures) // ids, names and item titles: no prose
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		// A comma-separated flag value completes its last element.
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		var out []string
		for _, v := range list(s) {
			out = append(out, prefix+v)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func completeItemIDs(f *Factory) completeFunc {
	return fromDataset(f, func(s *dataset.Set) []string {
		var out []string
		for _, it := range s.Items {
			out = append(out, it.ID+"\t"+it.Title)
		}
		return out
	})
}

func completeActors(f *Factory) completeFunc {
	return fromDataset(f, func(s *dataset.Set) []string {
		if s.Registry == nil {
			return nil
		}
		var out []string
		for _, a := range s.Registry.Actors {
			out = append(out, a.ID+"\t"+a.Name)
		}
		return out
	})
}

func completeThemes(f *Factory) completeFunc {
	return fromDataset(f, func(s *dataset.Set) []string {
		if s.Strategy == nil {
			return nil
		}
		var out []string
		for _, t := range s.Strategy.Themes {
			out = append(out, t.ID+"\t"+t.Name)
		}
		return out
	})
}

func completeAreas(f *Factory) completeFunc {
	return fromDataset(f, query.AreaIDs)
}

func completeStatuses(f *Factory) completeFunc {
	return fromDataset(f, func(s *dataset.Set) []string {
		if s.Strategy == nil {
			return query.StatusIDs(s)
		}
		var out []string
		for _, st := range s.Strategy.Statuses {
			out = append(out, st.ID+"\t"+st.Name)
		}
		return out
	})
}

func completeValues(values ...string) completeFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}
