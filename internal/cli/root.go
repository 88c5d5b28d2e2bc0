// Package cli wires the strategy commands with cobra. It parses flags, finds
// the dataset and hands the work to the domain packages and the writing of
// results to internal/render (or report, site, chart, badge); one file per
// command.
package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/open-workforce/strategy/data"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/safefile"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/version"
)

// Factory carries what every command needs; tests build one with buffers.
type Factory struct {
	IO      *iostreams.IOStreams
	Getenv  func(string) string
	Now     func() time.Time
	Version version.Info

	DataDir string // --data
	Verbose bool   // --verbose

	loaded     *dataset.Set // the dataset, once read
	loadedLean bool         // ... read without prose
}

// need says how much of the dataset a command reads, passed to each load so
// that no call order decides it.
type need int

const (
	needProse   need = iota // items with their prose: titles, summaries, notes
	needFigures             // figures only: prose is dropped once checked, which keeps a large dataset small
)

// Main runs the command line and returns the process exit code.
func Main(args []string, ios *iostreams.IOStreams, v version.Info) int {
	tuneGC(os.Getenv)
	f := &Factory{IO: ios, Getenv: os.Getenv, Now: time.Now, Version: v}
	return run(f, args)
}

// tuneGC trades memory for speed up to a soft limit. A run on the real
// dataset allocates a few MB and should not pay for collections; a run on a
// very large dataset should stay within a few hundred MB (measured with
// bench/run.sh: `validate` on 100,000 items peaks at about 250 MB). GOGC and GOMEMLIMIT, when
// set, win.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(250 << 20)
	}
}

// Command returns the command tree, for programs that document it
// (cmd/gen-docs writes the man pages from it).
func Command(ios *iostreams.IOStreams, v version.Info) *cobra.Command {
	return newRootCmd(&Factory{IO: ios, Getenv: os.Getenv, Now: time.Now, Version: v})
}

func run(f *Factory, args []string) int {
	if err := f.pinToday(); err != nil {
		fmt.Fprintf(f.IO.ErrOut, "strategy: %s\n", sanitize.Text(err.Error()))
		return ExitUsage
	}
	root := newRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	err = formatSlip(cmd, args, err)
	code := exitCode(err)
	if _, ok := errors.AsType[*findingsError](err); !ok {
		// Errors echo what the user gave (STRATEGY_DATA, a path, an id):
		// nothing in them may act on the terminal.
		fmt.Fprintf(f.IO.ErrOut, "strategy: %s\n", sanitize.Text(err.Error()))
	}
	if code == ExitUsage && cmd != nil {
		fmt.Fprintf(f.IO.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return code
}

func newRootCmd(f *Factory) *cobra.Command {
	if f.Version.Version == "" {
		f.Version.Version = "dev"
	}
	root := &cobra.Command{
		Use:   "strategy <command> [flags]",
		Short: "Track England's Workforce Strategy for Adult Social Care",
		Long: `strategy checks, queries and summarises the Workforce Strategy for Adult
Social Care in England (Skills for Care, 18 July 2024) as a git-tracked YAML
dataset: one file per recommendation or commitment, with dated evidence.

The dataset is found in this order: --data DIR, the STRATEGY_DATA environment
variable, ./data when that folder exists, and otherwise the snapshot built
into this binary. Use --verbose to see which one was read.

Today's date comes from the clock, or from STRATEGY_TODAY=YYYY-MM-DD when it
is set: the figures, the future-date rule and the defaults of --as-of and
--date then work as on that day.

Exit codes: 0 ok, 1 the dataset has errors, 2 usage error, 3 could not run.`,
		Example: `  # progress in plain English
  $ strategy summary

  # everything in the train theme
  $ strategy list --theme train

  # check the dataset in ./data, as CI does
  $ strategy validate`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       f.Version.String(),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
				if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
					msg += fmt.Sprintf(" (did you mean %q?)", s[0])
				}
				return usagef("%s", msg)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate("strategy {{.Version}}\n")
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{err}
	})
	root.PersistentFlags().StringVar(&f.DataDir, "data", "", "read the dataset from `DIR` (default: $STRATEGY_DATA, ./data, or the bundled snapshot)")
	root.PersistentFlags().BoolVarP(&f.Verbose, "verbose", "v", false, "say which dataset was read")
	_ = root.MarkPersistentFlagDirname("data")

	root.AddGroup(
		&cobra.Group{ID: "data", Title: "Dataset commands:"},
		&cobra.Group{ID: "report", Title: "Reporting commands:"},
	)
	for _, c := range []*cobra.Command{
		newCmdValidate(f),
		newCmdSchema(f),
		newCmdUpdate(f),
		newCmdNew(f),
		newCmdDiff(f),
		newCmdHistory(f),
		newCmdPlan(f),
	} {
		c.GroupID = "data"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{
		newCmdList(f, nil),
		newCmdShow(f),
		newCmdSummary(f),
		newCmdTimeline(f),
		newCmdClaims(f),
		newCmdActors(f),
		newCmdThemes(f),
		newCmdReport(f, nil),
		newCmdBrief(f, nil),
		newCmdBadge(f),
		newCmdChart(f),
		newCmdSite(f),
	} {
		c.GroupID = "report"
		root.AddCommand(c)
	}
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := checkFlags(cmd, args); err != nil {
			return err
		}
		return refuseEmptyFlags(cmd, args)
	}
	// cobra's completion command is only a parent of one command per shell:
	// an unknown shell would print its help and succeed.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					var shells []string
					for _, s := range cmd.Commands() {
						shells = append(shells, s.Name())
					}
					return usagef("no completion for shell %q: use one of %s", args[0], strings.Join(shells, ", "))
				}
				return cmd.Help()
			}
		}
	}
	typeArgErrors(root)
	return root
}

// refuseEmptyFlags refuses a flag given with an empty value. An empty value
// is what an unset CI variable gives (--base "$BASE", --as-of "$DAY"), and
// taking it as "not given" would quietly skip a check or pick today.
func refuseEmptyFlags(cmd *cobra.Command, _ []string) error {
	var err error
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if err == nil && fl.Value.String() == "" && (fl.Value.Type() == "string" || fl.Value.Type() == "enum") {
			err = usagef("--%s was given an empty value: give a value, or leave the flag out", fl.Name)
		}
	})
	return err
}

// datasetSource resolves where the dataset comes from.
func (f *Factory) datasetSource() (fs.FS, dataset.Options, error) {
	dir := f.DataDir
	if dir == "" {
		dir = f.Getenv("STRATEGY_DATA")
	}
	if dir == "" {
		if st, err := os.Stat("data"); err == nil && st.IsDir() {
			dir = "data"
		}
	}
	if dir == "" {
		return data.FS, dataset.Options{Display: "bundled", Name: "the bundled dataset", Bundled: true}, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, dataset.Options{}, fmt.Errorf("dataset folder %s: %w", sanitize.Path(dir), fserr.Bare(err))
	}
	if !st.IsDir() {
		return nil, dataset.Options{}, fmt.Errorf("dataset folder %s: not a folder", sanitize.Path(dir))
	}
	return safefile.FS{Dir: dir}, dataset.Options{Display: displayPath(dir), OSRoot: dir}, nil
}

// displayPath shows dir relative to the working folder when it lies inside.
func displayPath(dir string) string {
	if filepath.IsAbs(dir) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(dir))
}

// Dataset loads the dataset once per run, or again when a load without
// prose is followed by one that needs it.
func (f *Factory) Dataset(n need) (*dataset.Set, error) {
	if f.loaded != nil && (n == needFigures || !f.loadedLean) {
		return f.loaded, nil
	}
	fsys, opts, err := f.datasetSource()
	if err != nil {
		return nil, err
	}
	opts.Lean = n == needFigures
	s, err := dataset.Load(fsys, opts)
	if err != nil {
		return nil, err
	}
	if f.Verbose {
		where := opts.Display
		if opts.OSRoot == "" {
			where = "the snapshot bundled with this binary"
		}
		fmt.Fprintf(f.IO.ErrOut, "strategy: read %d item files from %s\n", s.ItemFiles, where)
	}
	f.loaded, f.loadedLean = s, opts.Lean
	return s, nil
}

// Today returns the current local date as YYYY-MM-DD: a maintainer in
// London recording something just after midnight means the new day.
// STRATEGY_TODAY overrides it (see pinToday).
func (f *Factory) Today() string { return f.Now().Format(time.DateOnly) }

// pinToday makes "today" an input: STRATEGY_TODAY=YYYY-MM-DD fixes the date
// every command works from, so tests, examples and reproducible builds never
// depend on the day they run.
func (f *Factory) pinToday() error {
	v := f.Getenv("STRATEGY_TODAY")
	if v == "" {
		return nil
	}
	day, err := time.ParseInLocation(time.DateOnly, v, time.Local)
	if err != nil {
		return fmt.Errorf("STRATEGY_TODAY=%q is not a date: write it as YYYY-MM-DD, or unset it to use the clock", v)
	}
	noon := day.Add(12 * time.Hour)
	f.Now = func() time.Time { return noon }
	return nil
}

// enumFlag is a string flag restricted to a set of values, with completion.
type enumFlag struct {
	value   *string
	allowed []string
}

func (e *enumFlag) String() string { return *e.value }
func (e *enumFlag) Type() string   { return "string" }
func (e *enumFlag) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("valid values are {%s}", strings.Join(e.allowed, "|"))
	}
	*e.value = v
	return nil
}

func addEnumFlag(cmd *cobra.Command, p *string, name, short, def, usage string, allowed ...string) {
	*p = def
	cmd.Flags().VarP(&enumFlag{value: p, allowed: allowed}, name, short, fmt.Sprintf("%s: {%s}", usage, strings.Join(allowed, "|")))
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return allowed, cobra.ShellCompDirectiveNoFileComp
	})
}

// formatSlip explains an -o given to a command that writes no file, as the
// older releases had it for --format: "list -o json" is a usage error that
// suggests "--format json".
func formatSlip(cmd *cobra.Command, args []string, err error) error {
	e, ok := errors.AsType[*pflag.NotExistError](err)
	if !ok || cmd == nil || cmd.Flags().Lookup("format") == nil || !strings.HasPrefix(e.GetSpecifiedShortnames(), "o") || e.GetSpecifiedName() != "o" {
		return err
	}
	value := strings.TrimPrefix(strings.TrimPrefix(e.GetSpecifiedShortnames(), "o"), "=")
	if value == "" {
		if i := slices.Index(args, "-o"); i >= 0 && i+1 < len(args) {
			value = args[i+1]
		}
	}
	if value == "" || strings.HasPrefix(value, "-") {
		value = "FORMAT"
	}
	return usagef("%s writes to standard output and has no -o, which names an output file in the commands that write one; for a format use --format %s", cmd.CommandPath(), value)
}
