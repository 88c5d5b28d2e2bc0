package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/safefile"
)

type planImportOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	CSV    string
	Org    string
	Type   string
	Title  string
	URL    string
	Date   string
	Output string
	Force  bool
	Schema string
	Map    string
}

func newCmdPlanImport(f *Factory) *cobra.Command {
	opts := &planImportOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "import --csv FILE --org NAME [flags]",
		Short: "Turn a spreadsheet of local actions into a plan file",
		Long: `Read a spreadsheet saved as CSV, one local action per row under a header
row, and write it as a plan file; --csv - reads it from standard input.
Columns are found by their header, in any case and order; other columns
are ignored:

  local action (or action, title)     required
  national ids (or national id(s))    required: one or more, such as
                                      "AR-05, TR-02" (commas, semicolons,
                                      slashes or one per line)
  owner (or lead)                     required
  status                              required: planned, in-progress,
                                      complete, paused or dropped; also
                                      "not started", "done", "on hold",
                                      "cancelled" and the like
  due (or due date, deadline)         optional: YYYY-MM-DD or DD/MM/YYYY
  id (or ref, no)                     optional: the plan's own numbering;
                                      without it actions are A1, A2, ...
  notes                               optional

A spreadsheet with headers of its own says which is which with --map, such
as --map "Lead officer=owner,National strategy link=serves"; a field is
named as above (id, title, serves, owner, status, due, notes) or by any of
its accepted headers.

Excel's CSV is read as saved: UTF-8 with or without a byte order mark,
Windows-1252 ("CSV (Comma delimited)"), or UTF-16 text; commas, semicolons
or tabs between fields; quoted cells holding line breaks. A national id
spelt loosely (tr-2) is written properly (TR-02), and said so on stderr. A
cell that names items by their words ("Care Workforce Pathway") is matched
against titles and summaries, as 'strategy list --search' does, and the
message suggests the ids to write.

The plan is dated --date; without it, the day of the import, and stderr
says so, since a plan's own date is what readers compare.

Every row that cannot be mapped (a row with more or fewer cells than the
header, an unknown status, a national id the dataset does not hold, an empty
required cell, a date that is not one) is reported with its line in the file
and its row number (the header is row 1, as in the spreadsheet), on stderr, and then nothing is written: fix the
spreadsheet and import again. Exits 1 then, as 'plan check' does.`,
		Example: `  # import a council's mapping spreadsheet
  $ strategy plan import --csv mapping.csv --org "Example Borough Council" -o plan.yaml

  # a spreadsheet with its own column names
  $ strategy plan import --csv actions.csv --org "Example Borough Council" \
      --map "Lead officer=owner,National strategy link=serves" -o plan.yaml

  # a spreadsheet converted by another tool, read from standard input
  $ xlsx2csv mapping.xlsx | strategy plan import --csv - \
      --org "Example Borough Council" -o plan.yaml

  # an ICS's, with its title and where it is published
  $ strategy plan import --csv ics.csv --org "Example ICS" --type integrated-care-system \
      --title "Workforce plan" --url https://example.org/plan -o ics.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(opts.Org) == "" {
				return usagef("--org needs the organisation's name")
			}
			if opts.Force && opts.Output == "" {
				return usagef("--force needs --output")
			}
			if opts.Date != "" {
				if _, err := query.ParseDate(opts.Date); err != nil {
					return usagef("--date: %v", err)
				}
			}
			if _, err := plan.ParseColumnMap(opts.Map); err != nil {
				return usagef("--map: %v", err)
			}
			return planImportRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.CSV, "csv", "", "read the actions from `FILE`, a CSV with a header row (- for standard input)")
	fl.StringVar(&opts.Org, "org", "", "the organisation's `NAME`, as it publishes it")
	addEnumFlag(cmd, &opts.Type, "type", "", "local-authority", "the organisation's type", plan.OrgTypes...)
	fl.StringVar(&opts.Title, "title", "", "the plan's `TITLE` (default: \"<NAME> workforce plan\")")
	fl.StringVar(&opts.URL, "url", "", "where the plan is published (`URL`)")
	fl.StringVar(&opts.Date, "date", "", "the date of this version of the plan, `YYYY-MM-DD` (default: today)")
	fl.StringVar(&opts.Map, "map", "", "which of the spreadsheet's own headers holds which field, `\"HEADER=FIELD,...\"`")
	addPlanFileFlags(cmd, &opts.Output, &opts.Force, &opts.Schema)
	_ = cmd.MarkFlagRequired("csv")
	_ = cmd.MarkFlagRequired("org")
	_ = cmd.MarkFlagFilename("csv", "csv", "txt")
	for _, name := range []string{"org", "title", "url", "date", "map"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
	}
	return cmd
}

func planImportRun(opts *planImportOptions) error {
	if opts.CSV == stdinCSV && opts.IO.IsStdinTTY() {
		return usagef("--csv - reads the spreadsheet from standard input, which is a terminal here: pipe it in (xlsx2csv plan.xlsx | strategy plan import --csv - ...), or give --csv FILE")
	}
	s, err := loadForReport(opts.Factory, needProse)
	if err != nil {
		return err
	}
	src, err := readCSV(opts.CSV, opts.IO.In)
	if err != nil {
		return err
	}
	title := opts.Title
	if title == "" {
		title = opts.Org + " workforce plan"
	}
	date := opts.Date
	if date == "" {
		date = opts.Factory.Today()
	}
	p := &plan.Plan{
		Organisation: plan.Organisation{Name: strings.TrimSpace(opts.Org), Type: opts.Type},
		Title:        title, URL: opts.URL, Date: date,
	}
	display, source := filepath.ToSlash(filepath.Clean(opts.CSV)), filepath.Base(opts.CSV)
	if opts.CSV == stdinCSV {
		display, source = "stdin", "standard input"
	}
	columns, _ := plan.ParseColumnMap(opts.Map) // checked before the run
	res := plan.ImportCSVMapped(src, display, p, s, columns)
	errOut := opts.IO.ErrOut
	for _, n := range res.Notes {
		fmt.Fprintf(errOut, "strategy: %s: %s\n", display, n)
	}
	if len(res.Findings) > 0 {
		finding.Sort(res.Findings)
		for _, fd := range res.Findings {
			fmt.Fprintln(errOut, fd.String())
		}
		errs, warns := finding.Count(res.Findings)
		fmt.Fprintf(errOut, "strategy: %s: %s; nothing was written\n", display, prose.Count(errs, "problem"))
		return &findingsError{errors: errs, warnings: warns}
	}
	if opts.Date == "" {
		fmt.Fprintf(errOut, "strategy: the plan is dated %s, the day of the import; give --date with the date the plan itself bears\n", date)
	}
	out := plan.Marshal(p, plan.Header{
		SchemaRef: schemaRef(opts.Schema, opts.Output),
		Comment: []string{
			"",
			fmt.Sprintf("Imported from %s by 'strategy plan import'.", source),
			"Check it with 'strategy plan check', see its reach with 'strategy plan coverage'.",
		},
	})
	return writePlan(opts.Factory, s, out, opts.Output, opts.Force)
}

// stdinCSV is the --csv value that reads standard input, so that a
// spreadsheet can be piped in: a pipe named by path (/dev/stdin, <(...)) is
// refused like any other, as it could block the command.
const stdinCSV = "-"

// readCSV reads a spreadsheet from the file name, or from in when name is
// stdinCSV, refusing one larger than a plan may be.
func readCSV(name string, in io.Reader) ([]byte, error) {
	if name == stdinCSV {
		src, err := io.ReadAll(io.LimitReader(in, plan.MaxFileSize+1))
		if err != nil {
			return nil, fmt.Errorf("csv from standard input: %w", fserr.Bare(err))
		}
		return checkCSVSize(src, "from standard input")
	}
	// A FIFO or device named by mistake is refused, not waited on.
	f, err := safefile.Open(name)
	if err != nil {
		// Stat follows /dev/stdin and /dev/fd/N to the pipe itself,
		// without opening it, where safefile's link resolution fails.
		if st, serr := os.Stat(name); serr == nil && st.Mode()&fs.ModeNamedPipe != 0 {
			return nil, fmt.Errorf("csv %s: is a pipe, and a pipe named as a file is not read (it could block the command); use --csv - to read standard input", name)
		}
		return nil, fmt.Errorf("csv %s: %w", name, fserr.Bare(err))
	}
	defer f.Close()
	src, err := safefile.ReadAtMost(f, plan.MaxFileSize)
	if errors.Is(err, safefile.ErrIsDir) {
		return nil, fmt.Errorf("csv %s: is a folder", name)
	}
	if err != nil {
		return nil, fmt.Errorf("csv %s: %w", name, fserr.Bare(err))
	}
	return checkCSVSize(src, name)
}

func checkCSVSize(src []byte, shown string) ([]byte, error) {
	if len(src) > plan.MaxFileSize {
		return nil, fmt.Errorf("csv %s: larger than %d MiB, more than a plan may hold; split it", shown, plan.MaxFileSize>>20)
	}
	return src, nil
}
