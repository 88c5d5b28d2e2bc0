package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/site"
)

type siteOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Output  string
	BaseURL string
	Plans   []string
	Force   bool
}

func newCmdSite(f *Factory) *cobra.Command {
	opts := &siteOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "site -o DIR [flags]",
		Short: "Build a static web site with feeds and a JSON API",
		Long: `Build a static web site from the dataset, as of today, that any web server
or GitHub Pages can host:

  index.html              headlines, progress by theme, actor type and lead,
                          what changed recently, what is overdue, and every
                          item with search and filters (plain links without
                          JavaScript)
  items/ID/index.html     everything 'strategy show' prints, with links
  themes/ID/, actors/ID/  each theme and actor, and what is moving
  plans/                  how local plans cover the items (with --plans)
  feed.xml                an Atom feed: one entry per progress entry
                          recorded after launch, newest first; also
                          items/ID/feed.xml and actors/ID/feed.xml
  api/v1/items.json       the same records as 'list --format json'
  api/v1/items/ID.json    one item, as 'show ID --format json' gives it
  api/v1/summary.json     the same figures as 'summary --format json'
  sitemap.xml, 404.html

The API's JSON Schemas are in docs/api/v1/ of the repository. Pages link to
each other relatively, so the site also works opened from a folder.
--base-url (where the site is served) makes the feeds' links absolute and
adds sitemap.xml, which needs absolute URLs.

The same dataset and day give the same bytes: STRATEGY_TODAY pins the day.
The site is built in a new folder beside DIR and then renamed into place,
so DIR is never half written; Ctrl-C stops the build, removes that folder
and leaves DIR as it was (exit 3). An existing DIR is replaced only when it
is empty or holds a site written before, checked again just before the
swap; --force replaces any folder.`,
		Example: `  # build the site into public/
  $ strategy site -o public

  # as GitHub Pages serves it, with absolute links in feeds and a sitemap
  $ strategy site -o public --base-url https://example.github.io/strategy/

  # with the local plans in plans/
  $ strategy site -o public --plans plans/`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return siteRun(cmd.Context(), opts)
		},
	}
	addOutputFileFlag(cmd, &opts.Output, "write the site into the folder `DIR` (required)")
	_ = cmd.MarkFlagDirname("output")
	cmd.Flags().StringVar(&opts.BaseURL, "base-url", "", "the absolute `URL` the site is served from, for feeds and the sitemap")
	_ = cmd.RegisterFlagCompletionFunc("base-url", cobra.NoFileCompletions)
	cmd.Flags().StringSliceVar(&opts.Plans, "plans", nil, "add the local plans in `FILE|DIR` (repeatable, or comma-separated)")
	_ = cmd.MarkFlagFilename("plans", "yaml", "yml")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace DIR even when it holds files that are not a site")
	return cmd
}

func siteRun(ctx context.Context, opts *siteOptions) error {
	if opts.Output == "" || opts.Output == "-" {
		return usagef("site needs -o DIR: the folder to write the site into")
	}
	base, err := site.CheckBaseURL(opts.BaseURL)
	if err != nil {
		return usagef("%v", err)
	}
	s, date, err := loadAsOf(opts.Factory, needProse, "")
	if err != nil {
		return err
	}
	var plans []*plan.Plan
	if len(opts.Plans) > 0 {
		// Checked before anything is written: a refused plan leaves no site.
		if plans, err = readGoodPlans(opts.Factory, s, opts.Plans, true); err != nil {
			return err
		}
	}
	// Each page goes to disk as it is rendered: memory holds the dataset
	// and one page, not the site. That takes seconds on a large dataset;
	// Ctrl-C then stops it between two files and removes the unfinished
	// folder (exit 3, as any run that could not finish).
	ctx, stop := interruptible(ctx, opts.IO.ErrOut, "stopping: removing the unfinished site; nothing will be written")
	defer stop()
	n, err := site.Write(ctx, s, site.Options{AsOf: date, BaseURL: base, Plans: plans}, opts.Output, opts.Force)
	if errors.Is(err, site.ErrNotSite) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	if opts.Factory.Verbose {
		fmt.Fprintf(opts.IO.ErrOut, "strategy: wrote %d files to %s\n", n, opts.Output)
	}
	return nil
}
