package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/check"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/safefile"
)

func newCmdPlan(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan <command>",
		Short: "Map a local workforce plan onto the national strategy",
		Long: `Local authorities, integrated care systems and others keep their own
workforce plans. A plan file lists the plan's local actions and, for each,
the national items it serves; these commands start one, check it against the
national dataset, import one from a spreadsheet, and show what a plan (or
several together) covers and leaves untouched.

A plan file is YAML, one file per plan, checked against the JSON Schema
data/schema/plan.schema.json ('strategy schema plan' prints it):

  organisation: {name: ..., type: local-authority}
  title: ...
  url: https://...          (where the plan is published; optional)
  date: "2025-04-01"        (the date of this version)
  actions:
    - id: A1                (the plan's own numbering, unique in the file)
      title: ...
      owner: ...
      status: planned       (planned, in-progress, complete, paused, dropped)
      due: "2026-03-31"     (optional)
      serves: [AR-05, TR-02]

A dropped action stays for the record but serves nothing, and a paused one
serves nothing while it is paused. An action past its due date and not
complete is flagged by plan check and plan coverage. A plan holds at
most 10000 actions and 2 MiB. Only real, published plans belong under
data/plans/ in this repository, each with its url.`,
		Example: `  # start a plan, map its actions, then check it
  $ strategy plan init --org "Example Borough Council" --type local-authority -o plan.yaml
  $ strategy plan check plan.yaml

  # what it covers, and what it leaves, by theme
  $ strategy plan coverage plan.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(
		newCmdPlanInit(f),
		newCmdPlanCheck(f),
		newCmdPlanCoverage(f),
		newCmdPlanImport(f),
	)
	return cmd
}

// planFiles expands the arguments into plan files: a file as given, a folder
// as the .yaml and .yml files directly inside it, sorted. A path that does
// not exist is an error, so that a typo is not read as an empty plan set.
func planFiles(args []string, allowDirs bool) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("plan %s: %w", a, fserr.Bare(err))
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		if !allowDirs {
			return nil, usagef("%s is a folder: give plan files", a)
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("plan folder %s: %w", a, fserr.Bare(err))
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && plan.IsPlanFile(e.Name()) {
				names = append(names, filepath.Join(a, e.Name()))
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("plan folder %s holds no .yaml files", a)
		}
		slices.Sort(names)
		out = append(out, names...)
	}
	return out, nil
}

// readPlans reads and checks every plan file against the dataset. It returns
// the plans that could be read and every finding, sorted.
func readPlans(s *dataset.Set, files []string, opts plan.CheckOptions) ([]*plan.Plan, []finding.Finding) {
	var plans []*plan.Plan
	var all []finding.Finding
	for _, name := range files {
		display := filepath.ToSlash(filepath.Clean(name))
		p, found := plan.Read(safefile.FS{Dir: filepath.Dir(name), FollowOut: true}, filepath.Base(name), display)
		all = append(all, found...)
		if p == nil {
			continue
		}
		all = append(all, plan.Check(p, s, opts)...)
		plans = append(plans, p)
	}
	finding.Sort(all)
	return plans, all
}

// readGoodPlans reads plans for a report. Plans with errors are refused: a
// coverage figure from a broken plan would mislead. The findings go to
// stderr, so stdout carries only the report.
func readGoodPlans(f *Factory, s *dataset.Set, args []string, allowDirs bool) ([]*plan.Plan, error) {
	files, err := planFiles(args, allowDirs)
	if err != nil {
		return nil, err
	}
	plans, findings := readPlans(s, files, plan.CheckOptions{})
	errs, warns := finding.Count(findings)
	if errs == 0 {
		return plans, nil
	}
	for _, fd := range findings {
		fmt.Fprintln(f.IO.ErrOut, fd.String())
	}
	fmt.Fprintf(f.IO.ErrOut, "strategy: the plans have %s; fix them first ('strategy plan check' lists them)\n", prose.Count(errs, "error"))
	return nil, &findingsError{errors: errs, warnings: warns}
}

// warnBrokenDataset says on stderr when files of the dataset could not be
// read, so that figures and plan checks built on the rest are not taken for
// the whole.
func warnBrokenDataset(f *Factory, s *dataset.Set) {
	errs, _ := finding.Count(s.Findings)
	// Cross-file errors (an unknown actor, a status that disagrees with its
	// log) skew figures as much as unreadable files; the rules are cheap.
	cross, _ := finding.Count(check.Run(s, check.Options{Today: f.Today()}))
	errs += cross
	if errs > 0 {
		noun := "errors"
		if errs == 1 {
			noun = "error"
		}
		fmt.Fprintf(f.IO.ErrOut, "strategy: warning: the dataset in %s has %d %s and %d of its %d item files were read; what follows covers only those; run 'strategy validate'\n", s.Display, errs, noun, len(s.Items), s.ItemFiles)
	}
}

// checkDatasetPlans checks the plans/ folder of the dataset being validated,
// when it has one: real, public plans contributed to this repository, each
// of which must give its url. It returns the findings and how many plans and
// actions it read.
func checkDatasetPlans(f *Factory, s *dataset.Set) ([]finding.Finding, int, int, error) {
	fsys, opts, err := f.datasetSource()
	if err != nil {
		return nil, 0, 0, err
	}
	entries, err := fs.ReadDir(fsys, plan.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, 0, nil
	}
	if err != nil {
		return []finding.Finding{{Path: opts.Path(plan.Dir), Rule: "file-unreadable", Severity: finding.Error, Message: fmt.Sprintf("cannot list the plans folder: %v", fserr.Bare(err))}}, 0, 0, nil
	}
	var out []finding.Finding
	plans, actions := 0, 0
	for _, e := range entries {
		if !plan.IsPlanFile(e.Name()) {
			continue
		}
		name := path.Join(plan.Dir, e.Name())
		if e.IsDir() {
			out = append(out, finding.Finding{Path: opts.Path(name), Rule: "file-unreadable", Severity: finding.Error, Message: "is a folder, not a plan file"})
			continue
		}
		if msg := opts.Outside(name); msg != "" {
			out = append(out, finding.Finding{Path: opts.Path(name), Rule: "file-symlink", Severity: finding.Error, Message: msg})
			continue
		}
		plans++
		p, found := plan.Read(fsys, name, opts.Path(name))
		out = append(out, found...)
		if p == nil {
			continue
		}
		actions += len(p.Actions)
		out = append(out, plan.Check(p, s, plan.CheckOptions{RequireURL: true})...)
	}
	return out, plans, actions, nil
}
