package cli

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/edit"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/textdiff"
)

type newOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Theme      string
	Title      string
	Summary    string
	Kind       string
	Membership string
	ThemeBasis string
	Area       string
	Lead       []string
	Partners   []string
	Timescale  string
	Sources    []string
	SourceKind string
	DryRun     bool
}

func newCmdNew(f *Factory) *cobra.Command {
	opts := &newOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "new --theme THEME --title TEXT --summary TEXT --lead ACTOR --source URL [flags]",
		Short: "Add an item file with the next free id",
		Long: `Create data/items/<ID>.yaml for a recommendation or commitment not yet in the
dataset. The id is the theme's prefix and one more than the highest number in
use (ids are never reused). The file starts with the schema line editors read,
and its progress log holds the launch entry: the state on the day the strategy
was published.

--area may be left out when the theme has a single area. --membership says how
sure it is that the item is one of the strategy's declared items: listed (an
official list, or a faithful reprint of it, names it), reported (a source says
the strategy recommends or commits to it) or drafted (only material about
draft recommendations names it). --theme-basis says
whether a source places the item in the theme (stated) or that is our reading
(inferred, the default). The dataset is checked with the new file before it is
written, and the file is refused if it would make the dataset invalid.
With --dry-run, the file is printed as a diff and nothing is written.`,
		Example: `  # preview a new train item with the next free id (write it by dropping --dry-run)
  $ strategy new --theme train --area career-development --theme-basis stated \
      --title "The item's title in your own words" \
      --summary "What the item asks for, in your own words, as the source says it." \
      --lead skills-for-care --kind commitment --membership listed \
      --source https://example.org/strategy --dry-run`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.Sources) == 0 {
				return usagef("give at least one --source URL: every item cites a public source")
			}
			return newRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Theme, "theme", "", "theme `id` the item belongs to")
	_ = cmd.RegisterFlagCompletionFunc("theme", completeThemes(f))
	cmd.Flags().StringVar(&opts.Title, "title", "", "short title, in our own words")
	cmd.Flags().StringVar(&opts.Summary, "summary", "", "what the item asks for, in our own words")
	addEnumFlag(cmd, &opts.Kind, "kind", "", "not-stated", "recommendation or commitment", "recommendation", "commitment", "not-stated")
	addEnumFlag(cmd, &opts.Membership, "membership", "", "", "is the item one of the declared items: listed, reported or drafted", dataset.Listed, dataset.Reported, dataset.Drafted)
	addEnumFlag(cmd, &opts.ThemeBasis, "theme-basis", "", "inferred", "does a source place the item in the theme", "stated", "inferred")
	cmd.Flags().StringVar(&opts.Area, "area", "", "area `id` within the theme")
	cmd.Flags().StringSliceVar(&opts.Lead, "lead", nil, "lead actor `id` (repeat or separate with commas)")
	cmd.Flags().StringSliceVar(&opts.Partners, "partner", nil, "partner actor `id` (repeat or separate with commas)")
	_ = cmd.RegisterFlagCompletionFunc("lead", completeActors(f))
	_ = cmd.RegisterFlagCompletionFunc("partner", completeActors(f))
	cmd.Flags().StringVar(&opts.Timescale, "timescale", "not stated", "the timescale as the strategy states it")
	cmd.Flags().StringSliceVar(&opts.Sources, "source", nil, "public `URL` for the item (repeatable)")
	addEnumFlag(cmd, &opts.SourceKind, "source-kind", "", "official", "what the sources are", "official", "reprint", "secondary")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print the new file as a diff instead of writing it")
	for _, name := range []string{"theme", "title", "summary", "lead", "membership"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

func newRun(opts *newOptions) error {
	dir, display, fsys, set, unlock, err := loadEditable(opts.Factory, "new")
	if err != nil {
		return err
	}
	defer unlock()
	if set.Strategy == nil {
		return brokenf("strategy.yaml cannot be read: run strategy validate first")
	}
	th := set.Theme(opts.Theme)
	if th == nil {
		var ids []string
		for _, t := range set.Strategy.Themes {
			ids = append(ids, t.ID)
		}
		return usagef("unknown theme %q: valid themes are %s", opts.Theme, strings.Join(ids, ", "))
	}
	area := opts.Area
	if area == "" {
		if len(th.Areas) != 1 {
			var ids []string
			for _, a := range th.Areas {
				ids = append(ids, a.ID)
			}
			return usagef("give --area: theme %s has areas %s", th.ID, strings.Join(ids, ", "))
		}
		area = th.Areas[0].ID
	}
	item := edit.NewItem{
		ID: edit.NextID(set.Items, th.Prefix), Title: strings.TrimSpace(opts.Title), Summary: strings.TrimSpace(opts.Summary),
		Kind: opts.Kind, Membership: opts.Membership, Theme: th.ID, ThemeBasis: opts.ThemeBasis, Area: area,
		Lead: opts.Lead, Partners: opts.Partners, Timescale: opts.Timescale,
		LaunchDate: set.Strategy.Published, LaunchStatus: set.Strategy.LaunchStatus,
	}
	for _, u := range opts.Sources {
		item.Sources = append(item.Sources, dataset.Source{URL: u, Kind: opts.SourceKind})
	}
	data, err := item.Render()
	if err != nil {
		return err
	}
	name := path.Join(dataset.ItemsDir, item.ID+".yaml")
	shown := dataset.Options{Display: display}.Path(name)
	if err := refuseInvalid(opts.IO.ErrOut, opts.Factory, display, shown, fsys, name, data); err != nil {
		return err
	}
	if opts.DryRun {
		_, err := io.WriteString(opts.IO.Out, textdiff.Unified("/dev/null", path.Join("b", shown), nil, data))
		return err
	}
	if err := atomicfile.Create(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", shown, err)
	}
	_, err = fmt.Fprintf(opts.IO.Out, "created %s\n", shown)
	return err
}
