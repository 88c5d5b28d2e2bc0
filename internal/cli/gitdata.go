package cli

import (
	"errors"
	"fmt"
	"os"
	"path"

	"github.com/open-workforce/strategy/internal/change"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/edit"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/gitrepo"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// dataFolder returns the dataset folder on disk and how it is shown. Commands
// that write files or read git history need a real folder, not the snapshot
// built into the binary.
func (f *Factory) dataFolder(what string) (dir, display string, err error) {
	_, opts, err := f.datasetSource()
	if err != nil {
		return "", "", err
	}
	if opts.OSRoot == "" {
		return "", "", fmt.Errorf("%s needs the dataset folder: run it in a clone of the dataset or pass --data DIR", what)
	}
	return opts.OSRoot, opts.Display, nil
}

// openRepo opens the git work tree holding the dataset folder dir.
func openRepo(dir string) (*gitrepo.Repo, string, error) {
	repo, err := gitrepo.Open(dir)
	if err != nil {
		return nil, "", err
	}
	rel, err := repo.Rel(dir)
	if err != nil {
		return nil, "", err
	}
	return repo, rel, nil
}

// resolve returns the commit rev names, as a usage error when rev is not a
// revision at all and as a failure when a shallow clone may lack it.
func resolve(repo *gitrepo.Repo, rev string) (string, error) {
	if err := gitrepo.CheckRev(rev); err != nil {
		return "", usagef("%s", err)
	}
	id, err := repo.Resolve(rev)
	if revErr, ok := errors.AsType[*gitrepo.RevError](err); ok && !revErr.Shallow {
		return "", &usageError{err}
	}
	return id, err
}

// loadRevision loads the dataset as committed at commit, which label (the
// revision as the user gave it, and its id) names in errors.
func loadRevision(repo *gitrepo.Repo, commit, label, rel, display string) (*dataset.Set, error) {
	fsys, err := repo.ReadDataset(commit, rel)
	if err != nil {
		return nil, err
	}
	if len(fsys) == 0 {
		// The folder on disk exists; at that revision it did not, or held
		// no dataset file. Blaming the folder would send the user to look
		// at the working tree.
		return nil, fmt.Errorf("revision %s has no dataset in %s: was the dataset there at that revision?", label, path.Join(rel, "")+"/")
	}
	return dataset.Load(fsys, dataset.Options{Display: display})
}

// loadWorkTree loads the dataset folder as it is on disk, committed or not.
func loadWorkTree(dir, display string) (*dataset.Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("dataset folder %s: %w", sanitize.Path(dir), fserr.Bare(err))
	}
	fsys, err := edit.ReadFolder(dir)
	if err != nil {
		return nil, err
	}
	return dataset.Load(fsys, dataset.Options{Display: display})
}

// appendOnlyFindings compares the loaded dataset s with the one committed at
// base and reports progress entries edited or deleted since.
func appendOnlyFindings(f *Factory, s *dataset.Set, base string) ([]finding.Finding, error) {
	dir, display, err := f.dataFolder("--base")
	if err != nil {
		return nil, err
	}
	repo, rel, err := openRepo(dir)
	if err != nil {
		return nil, err
	}
	commit, err := resolve(repo, base)
	if err != nil {
		return nil, err
	}
	old, err := loadRevision(repo, commit, fmt.Sprintf("%s (%s)", base, shortID(commit)), rel, display)
	if err != nil {
		return nil, err
	}
	return change.AppendOnly(old, s, base), nil
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
