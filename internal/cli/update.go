package cli

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/edit"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/memfs"
	"github.com/open-workforce/strategy/internal/textdiff"
)

// Values the schema allows, offered as flag completions.
var (
	statuses      = []string{"not-started", "in-progress", "complete"}
	evidenceKinds = []string{"announcement", "consultation", "guidance-published", "funding-allocated", "programme-launched", "legislation", "independent-report", "progress-review"}
)

type updateOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	ID            string
	Status        string
	Date          string
	DatePrecision string
	Note          string
	EvidenceURL   string
	EvidenceKind  string
	EvidenceTitle string
	Link          string
	Corrects      string
	Reason        string
	DryRun        bool
}

func newCmdUpdate(f *Factory) *cobra.Command {
	opts := &updateOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "update <id> --status STATUS --note TEXT --evidence URL --evidence-kind KIND [flags]",
		Short: "Record progress on an item",
		Long: `Append a dated entry to an item's progress log and set its status to match,
without hand-editing YAML: the entry is spliced into the file, so comments,
key order, quoting and blank lines elsewhere stay exactly as they were.

The whole dataset is checked with the change before anything is written, and
the update is refused, with the reasons, if it would make the dataset invalid:
for instance no evidence, a date before the last entry or after today, or
complete backed by an announcement alone. The file is written atomically and
left untouched if it changed on disk meanwhile.

--link says whether the source itself ties the event to this item (stated)
or the tie is our reading (read, the default). --date defaults to today.
An event found late, dated before the log's last entry, is appended all the
same with recorded: set to today, and counts from its own date.

A wrong entry is never edited or removed. --corrects DATE --reason TEXT
appends a correction instead, dated today: --status is the status that should
have stood from DATE, and figures for any date are recomputed as if the
corrected entry had said so. Evidence is optional on a correction.
With --dry-run, the unified diff is printed and nothing is written.`,
		Example: `  # preview a (hypothetical) consultation recorded against TF-01
  $ strategy update TF-01 --status in-progress --date 2026-01-15 \
      --note "A consultation on a workforce planning duty opened." \
      --evidence https://example.org/consultation --evidence-kind consultation --link stated --dry-run

  # the same without --dry-run writes data/items/TF-01.yaml; then commit it
  $ git commit -am "TF-01: consultation opened"

  # a later read finds the 2024-11-30 move unsupported: correct it
  $ strategy update TR-03 --corrects 2024-11-30 --status not-started \
      --note "A second read of the source." --reason "The page never mentions the strategy."`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("update needs one item id, got %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: completeItemIDs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if opts.Corrects != "" {
				if opts.Date != "" {
					return usagef("a correction is dated the day it is recorded: drop --date (the corrected entry keeps its own date)")
				}
				if _, err := time.Parse(time.DateOnly, opts.Corrects); err != nil {
					return usagef("--corrects %q is not a date: give the date of the entry to correct, YYYY-MM-DD", opts.Corrects)
				}
				if strings.TrimSpace(opts.Reason) == "" {
					return usagef("give --reason with --corrects: say why the corrected entry does not hold")
				}
			} else if opts.Reason != "" {
				return usagef("--reason goes with --corrects DATE, the date of the entry it corrects")
			}
			if opts.Date == "" {
				opts.Date = f.Today()
			}
			if _, err := time.Parse(time.DateOnly, opts.Date); err != nil {
				return usagef("--date %q is not a date: use YYYY-MM-DD", opts.Date)
			}
			if opts.Corrects == "" && opts.EvidenceURL == "" && opts.EvidenceKind == "" {
				// Every entry after launch cites dated public evidence; say so
				// before any file is touched, with the flags that supply it.
				return usagef("a progress entry cites its evidence: add --evidence URL --evidence-kind KIND (%s), and --link stated when the source itself names the item", strings.Join(evidenceKinds, ", "))
			}
			if (opts.EvidenceURL == "") != (opts.EvidenceKind == "") {
				return usagef("give --evidence and --evidence-kind together")
			}
			return updateRun(opts)
		},
	}
	addEnumFlag(cmd, &opts.Status, "status", "s", "", "new status", statuses...)
	cmd.Flags().StringVar(&opts.Date, "date", "", "date of the event, `YYYY-MM-DD` (default today)")
	addEnumFlag(cmd, &opts.DatePrecision, "date-precision", "", "", "month when the source gives only the month (use the 1st)", "day", "month")
	cmd.Flags().StringVar(&opts.Note, "note", "", "what happened, in one or two sentences")
	cmd.Flags().StringVar(&opts.EvidenceURL, "evidence", "", "public `URL` of the source")
	addEnumFlag(cmd, &opts.EvidenceKind, "evidence-kind", "", "", "what the source is", evidenceKinds...)
	cmd.Flags().StringVar(&opts.EvidenceTitle, "evidence-title", "", "title of the source")
	addEnumFlag(cmd, &opts.Link, "link", "", "read", "does the source name this item (stated) or is the tie our reading (read)", "stated", "read")
	cmd.Flags().StringVar(&opts.Corrects, "corrects", "", "append a correction of the entry dated `YYYY-MM-DD`")
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "with --corrects: why the corrected entry does not hold")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print the diff instead of writing")
	_ = cmd.MarkFlagRequired("status")
	_ = cmd.MarkFlagRequired("note")
	return cmd
}

func updateRun(opts *updateOptions) error {
	dir, display, fsys, set, unlock, err := loadEditable(opts.Factory, "update")
	if err != nil {
		return err
	}
	defer unlock()
	it := set.Item(opts.ID)
	if it == nil {
		return usagef("no item %q in %s%s", opts.ID, display, itemHint(set, opts.ID))
	}
	name := it.Path // relative to the dataset folder, as loaded without a display prefix
	shown := dataset.Options{Display: display}.Path(name)
	u := edit.Update{Status: opts.Status, Date: opts.Date, DatePrecision: opts.DatePrecision, Note: strings.TrimSpace(opts.Note)}
	if opts.EvidenceURL != "" {
		u.Evidence = &dataset.Evidence{Kind: opts.EvidenceKind, URL: opts.EvidenceURL, Link: opts.Link, Title: opts.EvidenceTitle}
	}
	if opts.Corrects != "" {
		u.Correction = &dataset.Correction{Corrects: opts.Corrects, Reason: strings.TrimSpace(opts.Reason)}
	}
	if n := len(it.Progress); n > 0 && opts.Corrects == "" && opts.Date < it.Progress[n-1].RecordedOn() {
		u.Recorded = opts.Factory.Today()
	}
	u.ItemStatus = statusAfter(it, u)
	orig := fsys[name]
	out, err := edit.ApplyUpdate(orig, u)
	if err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	if err := refuseInvalid(opts.IO.ErrOut, opts.Factory, display, shown, fsys, name, out); err != nil {
		return err
	}
	if opts.DryRun {
		_, err := io.WriteString(opts.IO.Out, textdiff.Unified(path.Join("a", shown), path.Join("b", shown), orig, out))
		return err
	}
	target := filepath.Join(dir, filepath.FromSlash(name))
	// An item kept behind a symlink inside the folder is edited where it
	// lives; the link stays a link.
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	if err := atomicfile.Replace(target, out, orig); err != nil {
		return fmt.Errorf("write %s: %w", shown, err)
	}
	switch {
	case u.Correction != nil:
		_, err = fmt.Fprintf(opts.IO.Out, "corrected %s: the entry of %s now stands as %s; status %s -> %s\n", shown, opts.Corrects, opts.Status, it.Status, u.ItemStatus)
	case u.Recorded != "":
		_, err = fmt.Fprintf(opts.IO.Out, "updated %s: %s on %s, recorded on %s; status %s -> %s\n", shown, opts.Status, opts.Date, u.Recorded, it.Status, u.ItemStatus)
	default:
		_, err = fmt.Fprintf(opts.IO.Out, "updated %s: %s -> %s on %s\n", shown, it.Status, u.ItemStatus, opts.Date)
	}
	return err
}

// statusAfter is the item's status once u is in its log: the log as now
// corrected decides, so a late event or a correction may leave a later
// entry's status standing.
func statusAfter(it *dataset.Item, u edit.Update) string {
	c := *it
	c.Progress = append(slices.Clip(it.Progress), dataset.Entry{Date: u.Date, Recorded: u.Recorded, Status: u.Status, Evidence: u.Evidence, Correction: u.Correction})
	events := c.Events()
	if len(events) == 0 {
		return u.Status
	}
	return events[len(events)-1].Status
}

// refuseInvalid checks the dataset with name replaced by data, prints the
// errors the change would bring in, and fails with exit code 1 if any.
func refuseInvalid(w io.Writer, f *Factory, display, shown string, fsys fs.FS, name string, data []byte) error {
	errs, err := edit.Checker{Display: display, Today: f.Today()}.Errors(fsys, map[string][]byte{name: data})
	if err != nil {
		return err
	}
	if len(errs) == 0 {
		return nil
	}
	fmt.Fprintf(w, "strategy: refusing to write %s: the change would make the dataset invalid (lines as the file would be written; it is unchanged):\n", shown)
	for _, e := range errs {
		fmt.Fprintf(w, "  %s\n", e)
	}
	n, _ := finding.Count(errs)
	return &findingsError{errors: n}
}

// loadEditable locks the dataset folder an edit will change, reads it into
// memory, so the change can be checked against the whole dataset before
// anything is written, and loads it. cmd names the command in errors. The
// caller holds the lock until its write is done, and must call unlock
// whenever err is nil: edits run one at a time, each reading what the one
// before wrote.
func loadEditable(f *Factory, cmd string) (dir, display string, fsys memfs.FS, set *dataset.Set, unlock func(), err error) {
	dir, display, err = f.dataFolder(cmd)
	if err != nil {
		return "", "", nil, nil, nil, err
	}
	if unlock, err = atomicfile.Lock(dir); err != nil {
		return "", "", nil, nil, nil, fmt.Errorf("lock %s: %w", display, err)
	}
	if fsys, err = edit.ReadFolder(dir); err == nil {
		set, err = dataset.Load(fsys, dataset.Options{})
	}
	if err != nil {
		unlock()
		return "", "", nil, nil, nil, err
	}
	return dir, display, fsys, set, unlock, nil
}
