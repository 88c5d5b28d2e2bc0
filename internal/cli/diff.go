package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/change"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/gitrepo"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/render"
)

type diffOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Base   string
	Head   string
	Format string
}

func newCmdDiff(f *Factory) *cobra.Command {
	opts := &diffOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "diff [BASE [HEAD]] [flags]",
		Short: "Show what changed in the dataset between two git revisions",
		Long: `Compare the dataset at two git revisions: items added and removed, status
moves with their date and evidence, other field changes, and the effect on
the headline figure (items in progress or complete, out of those declared).

BASE defaults to the merge base of HEAD with the default branch (origin's
HEAD, else main or master); HEAD defaults to the working tree, committed or
not. Revisions are read through git, so this works in a shallow CI clone as
long as it holds both revisions (actions/checkout with fetch-depth: 0).

The markdown format has a headline and a table, for a pull request comment
or $GITHUB_STEP_SUMMARY.`,
		Example: `  # what this branch changes, compared with main
  $ strategy diff

  # between two commits
  $ strategy diff v1.0 HEAD

  # in GitHub Actions, into the job summary
  $ strategy diff --format markdown origin/main >> "$GITHUB_STEP_SUMMARY"`,
		Args: maxArgs(2, "BASE and HEAD revisions"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if a == "" {
					// An unset CI variable: diff "$BASE" must not quietly
					// compare against the default branch instead.
					return usagef("diff was given an empty revision: give a revision, or leave it out")
				}
			}
			if len(args) > 0 {
				opts.Base = args[0]
			}
			if len(args) > 1 {
				opts.Head = args[1]
			}
			return diffRun(opts)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
	}
	addFormatFlag(cmd, &opts.Format, "text", "markdown", "json")
	return cmd
}

func diffRun(opts *diffOptions) error {
	dir, display, err := opts.Factory.dataFolder("diff")
	if err != nil {
		return err
	}
	repo, rel, err := openRepo(dir)
	if err != nil {
		return err
	}
	var head *dataset.Set
	headLabel := "working tree"
	if opts.Head != "" {
		id, err := resolve(repo, opts.Head)
		if err != nil {
			return err
		}
		headLabel = fmt.Sprintf("%s (%s)", opts.Head, shortID(id))
		if head, err = loadRevision(repo, id, headLabel, rel, display); err != nil {
			return err
		}
	} else if head, err = loadWorkTree(dir, display); err != nil {
		return err
	}
	baseID, baseLabel, err := baseRevision(repo, opts.Base)
	if err != nil {
		return err
	}
	base, err := loadRevision(repo, baseID, baseLabel, rel, display)
	if err != nil {
		return err
	}
	rep := change.Compare(base, head, baseLabel, headLabel)
	switch opts.Format {
	case "json":
		return render.JSON(opts.IO.Out, rep)
	case "markdown":
		return render.ChangeMarkdown(opts.IO.Out, rep)
	}
	return render.ChangeText(opts.IO.Out, rep)
}

// baseRevision resolves the base to compare against: rev when given, else
// where HEAD left the default branch.
func baseRevision(repo *gitrepo.Repo, rev string) (id, label string, err error) {
	if rev != "" {
		id, err := resolve(repo, rev)
		if err != nil {
			return "", "", err
		}
		return id, fmt.Sprintf("%s (%s)", rev, shortID(id)), nil
	}
	branch, err := repo.DefaultBranch()
	if err != nil {
		return "", "", err
	}
	b, err := resolve(repo, branch)
	if err != nil {
		return "", "", err
	}
	h, err := resolve(repo, "HEAD")
	if err != nil {
		return "", "", fmt.Errorf("HEAD: %w (is anything committed yet?)", err)
	}
	id, err = repo.MergeBase(b, h)
	if err != nil {
		return "", "", err
	}
	return id, fmt.Sprintf("merge base with %s (%s)", branch, shortID(id)), nil
}
