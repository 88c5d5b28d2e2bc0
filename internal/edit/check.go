package edit

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/open-workforce/strategy/internal/check"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/memfs"
	"github.com/open-workforce/strategy/internal/safefile"
)

// ReadFolder copies the dataset files of the folder dir (strategy.yaml,
// actors.yaml, items/*.yaml) into memory, where changes can be laid over them
// and checked before anything touches the disk.
func ReadFolder(dir string) (memfs.FS, error) {
	m := memfs.FS{}
	names := []string{dataset.StrategyFile, dataset.ActorsFile}
	entries, err := os.ReadDir(filepath.Join(dir, dataset.ItemsDir))
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, dataset.ItemsDir), err)
	}
	inside := dataset.Options{OSRoot: dir}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") && !strings.HasSuffix(e.Name(), ".yml") {
			continue
		}
		name := path.Join(dataset.ItemsDir, e.Name())
		// A symlink to a file inside the folder is an item like any other,
		// as the loader reads it; one that leads out is never read.
		if e.Type().IsRegular() {
			names = append(names, name)
		} else if e.Type()&fs.ModeSymlink != 0 && inside.Outside(name) == "" {
			if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err == nil && st.Mode().IsRegular() {
				names = append(names, name)
			}
		}
	}
	for _, n := range names {
		// At most one byte past the loader's limit is read: enough for
		// the loader to report the file as too large, as validate does,
		// without a sparse file of gigabytes costing gigabytes.
		// Through the folder, so a link is followed only inside it, in
		// the same step as the read.
		b, err := safefile.FS{Dir: dir}.ReadPrefix(n, dataset.MaxFileSize)
		if os.IsNotExist(err) {
			continue // a missing file is the loader's finding to report
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, fserr.Bare(err))
		}
		m[n] = b
	}
	return m, nil
}

// Checker decides whether a change keeps the dataset valid.
type Checker struct {
	Display string // how the dataset folder is shown in findings, e.g. "data"
	Today   string // YYYY-MM-DD, for the rule against future dates
}

// Errors loads the dataset in fsys as it is and with changes (name inside the
// dataset to new content) laid over it, and returns the errors the change
// brings in. Errors already present before the change are not its fault and
// do not block it.
func (c Checker) Errors(fsys fs.FS, changes map[string][]byte) ([]finding.Finding, error) {
	before, err := c.errors(fsys)
	if err != nil {
		return nil, err
	}
	now, err := c.errors(memfs.Overlay{Base: fsys, Files: changes})
	if err != nil {
		return nil, err
	}
	// Lines move when entries are added, so findings are matched on what
	// they say, not where.
	old := map[string]int{}
	for _, f := range before {
		old[key(f)]++
	}
	var added []finding.Finding
	for _, f := range now {
		if old[key(f)] > 0 {
			old[key(f)]--
			continue
		}
		added = append(added, f)
	}
	finding.Sort(added)
	return added, nil
}

func key(f finding.Finding) string { return f.Path + "\x00" + f.Rule + "\x00" + f.Message }

func (c Checker) errors(fsys fs.FS) ([]finding.Finding, error) {
	set, err := dataset.Load(fsys, dataset.Options{Display: c.Display})
	if err != nil {
		return nil, err
	}
	all := append(set.Findings, check.Run(set, check.Options{Today: c.Today})...)
	var errs []finding.Finding
	for _, f := range all {
		if f.Severity == finding.Error {
			errs = append(errs, f)
		}
	}
	return errs, nil
}
