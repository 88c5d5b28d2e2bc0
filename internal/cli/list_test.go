package cli

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/query"
)

func exampleFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{
		IO: ios, Getenv: func(string) string { return "" },
		Now:     fixedNow,
		DataDir: "../../testdata/example-partial",
	}
}

func TestNewCmdList(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		tty     bool
		check   func(*listOptions) bool
		wantErr string
	}{
		{"piped default is tsv", nil, false, func(o *listOptions) bool { return o.Format == "tsv" }, ""},
		{"terminal default is table", nil, true, func(o *listOptions) bool { return o.Format == "table" }, ""},
		{"explicit table when piped", []string{"--format", "table"}, false, func(o *listOptions) bool { return o.Format == "table" }, ""},
		{"comma and repeated values", []string{"--theme", "train,tr", "--theme", "AR"}, false,
			func(o *listOptions) bool { return slices.Equal(o.Filter.Themes, []string{"train", "tr", "AR"}) }, ""},
		{"government shorthand", []string{"--government"}, false, func(o *listOptions) bool { return o.Government }, ""},
		{"bad sort", []string{"--sort", "title"}, false, nil, `invalid argument "title" for "--sort" flag: valid values are {id|due|status|theme}`},
		{"shorthand and actor type", []string{"--sector", "--actor-type", "unknown"}, false, nil,
			"if any flags in the group [government sector actor-type] are set none of the others can be; [actor-type sector] were all set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _ := iostreams.Test()
			ios.SetStdoutTTY(tt.tty)
			var got *listOptions
			cmd := newCmdList(exampleFactory(ios), func(o *listOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(ios.ErrOut)
			cmd.SetErr(ios.ErrOut)
			_, err := cmd.ExecuteC()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(got) {
				t.Errorf("options not as expected: %+v", got)
			}
		})
	}
}

func TestListRun(t *testing.T) {
	tests := []struct {
		name       string
		opts       listOptions
		tty        bool
		wantOut    string
		wantErrOut string
	}{
		{"ids", listOptions{Format: "ids", AsOf: "2025-06-01"}, false, "AR-01\nAR-02\nTF-01\nTF-02\nTR-01\nTR-02\n", ""},
		{"count", listOptions{Count: true, Government: true}, false, "4\n", ""},
		{"nothing matched on a terminal says so on stderr", listOptions{Format: "table", Filter: query.Filter{Search: "no such words"}}, true, "", "no items match\n"},
		{"nothing matched in a pipe is silent", listOptions{Format: "tsv", Filter: query.Filter{Search: "no such words"}}, false, "", ""},
		{"tsv as of", listOptions{Format: "tsv", AsOf: "2025-06-01", Filter: query.Filter{Kinds: []string{"recommendation"}, Statuses: []string{"complete"}}}, false,
			"TR-01\trecommendation\tcomplete\t2025-07-31\texample-department\tExample career pathway\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, out, errOut := iostreams.Test()
			ios.SetStdoutTTY(tt.tty)
			opts := tt.opts
			opts.IO, opts.Factory = ios, exampleFactory(ios)
			if err := listRun(&opts); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.wantOut || errOut.String() != tt.wantErrOut {
				t.Errorf("stdout %q stderr %q\nwant   %q        %q", out, errOut, tt.wantOut, tt.wantErrOut)
			}
		})
	}
}

// fixedNow is the clock of every in-process test: no test reads the real one.
func fixedNow() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) }

// runIn runs the command line in process, as the binary would on the day the
// end-to-end scripts run, and returns what it printed and its exit code.
func runIn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ios, out, errOut := iostreams.Test()
	today := func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: today}
	code = run(f, args)
	return out.String(), errOut.String(), code
}

// TestListFilters covers every list filter on the fictional example dataset.
// Filters combine with AND; several values of one filter combine with OR.
// In process: the filters are the query package's semantics reached through
// the real flags, and starting a process per case adds nothing to that.
func TestListFilters(t *testing.T) {
	const (
		all       = "AR-01 AR-02 TF-01 TF-02 TR-01 TR-02"
		train     = "TR-01 TR-02"
		arTF      = "AR-01 AR-02 TF-01 TF-02"
		edc       = "AR-01 TF-01 TR-01 TR-02"
		edcLead   = "AR-01 TF-01 TR-01"
		overdue   = "AR-01 TF-01"
		sector    = "AR-02 TF-02"
		commitmts = "AR-02 TF-02 TR-02"
	)
	tests := []struct {
		args string
		want string // ids in order, space-separated
	}{
		{"--as-of 2026-01-01", all},
		{"--theme train", train},
		{"--theme TR", train},
		{"--theme attract,tf", arTF},
		{"--theme ar --theme transform", arTF},
		// actors by id or short name, lead or partner; --lead for leads only
		{"--actor example-department", edc},
		{"--actor edc", edc},
		{"--actor EDC --lead", edcLead},
		{"--actor-type government-only", "TF-01 TR-01"},
		{"--government", edc},
		{"--sector", sector},
		// status as the progress logs stood on --as-of
		{"--status in-progress --as-of 2025-01-01", "TF-02 TR-01"},
		{"--status in-progress,complete --as-of 2026-01-01", "AR-01 TF-02 TR-01 TR-02"},
		{"--kind commitment", commitmts},
		{"--area careers", train},
		{"--due-before 2025-07-31", overdue},
		{"--due-within 90d --as-of 2025-05-02", "TR-01"},
		{"--overdue --as-of 2025-06-01", overdue},
		{"--stale 6mo --as-of 2025-06-01", "AR-02 TF-01 TR-02"},
		{"--search CAREER\x00pathway", "TR-01"},
		{"--search digital\x00skills", "TR-02"},
		// AND across filters
		{"--theme train --kind recommendation", "TR-01"},
		// sorting
		{"--sort due --as-of 2026-01-01", "AR-01 TF-01 TR-01 AR-02 TF-02 TR-02"},
		{"--sort status --as-of 2026-01-01", "AR-02 TF-01 AR-01 TF-02 TR-02 TR-01"},
		{"--sort theme", "AR-01 AR-02 TR-01 TR-02 TF-01 TF-02"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			args := []string{"--data", "../../testdata/example-partial", "list", "--format", "ids"}
			for _, a := range strings.Fields(tt.args) {
				args = append(args, strings.ReplaceAll(a, "\x00", " "))
			}
			stdout, stderr, code := runIn(t, args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if got := strings.Join(strings.Fields(stdout), " "); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	// --count prints the number only; nothing matched is 0 and exit 0, and
	// a list that matches nothing prints nothing.
	for args, want := range map[string]string{"--government --count": "4\n", "--count": "6\n"} {
		stdout, _, code := runIn(t, append([]string{"--data", "../../testdata/example-partial", "list"}, strings.Fields(args)...)...)
		if code != ExitOK || stdout != want {
			t.Errorf("list %s: exit %d, stdout %q, want %q", args, code, stdout, want)
		}
	}
	for _, extra := range [][]string{{"--count"}, nil} {
		stdout, stderr, code := runIn(t, append([]string{"--data", "../../testdata/example-partial", "list", "--search", "no such words"}, extra...)...)
		want := ""
		if extra != nil {
			want = "0\n"
		}
		if code != ExitOK || stdout != want || stderr != "" {
			t.Errorf("list --search 'no such words' %v: exit %d, stdout %q, stderr %q", extra, code, stdout, stderr)
		}
	}
}

// TestListErrors: bad filter values are usage errors (exit 2) that say what
// is valid. testdata/script/list_errors.txtar runs the first on the binary.
func TestListErrors(t *testing.T) {
	tests := []struct{ args, says string }{
		{"--actor dhsc", `unknown actor "dhsc": valid values are example-department, example-council, example-skills`},
		{"--status done", `unknown status "done": valid values are not-started, in-progress, complete`},
		{"--kind promise", `unknown kind "promise": valid values are recommendation, commitment, not-stated`},
		{"--area nowhere", `unknown area "nowhere": valid values are pay, recruitment, careers, planning`},
		{"--actor-type government", `unknown actor type "government": valid values are government-only, government-with-sector, sector-only, unknown`},
		{"--due-before 2025-02-30", `due-before date: "2025-02-30" is not a date: use YYYY-MM-DD`},
		{"--due-within 3\x00months", `due-within: "3 months" is not a duration: use a whole number and d, w, mo or y, e.g. 90d, 6mo, 1y`},
		{"--stale soon", `stale: "soon" is not a duration`},
		{"--as-of yesterday", `--as-of: "yesterday" is not a date: use YYYY-MM-DD`},
		{"--as-of 2024-01-01", `--as-of 2024-01-01 is before the strategy was published (2024-07-18)`},
		{"--lead", `--lead needs --actor`},
		{"--government --actor-type sector-only", `if any flags in the group [government sector actor-type] are set none of the others can be`},
		{"--government --sector", `if any flags in the group [government sector actor-type] are set none of the others can be`},
		{"--sort title", `invalid argument "title" for "--sort" flag: valid values are {id|due|status|theme}`},
		{"--format xml", `valid values are {table|tsv|json|yaml|csv|markdown|ids}`},
		{"TR-01", `strategy list takes no arguments, got "TR-01"`},
		{"--count --format json", `if any flags in the group [count format] are set none of the others can be`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			args := []string{"--data", "../../testdata/example-partial", "list"}
			for _, a := range strings.Fields(tt.args) {
				args = append(args, strings.ReplaceAll(a, "\x00", " "))
			}
			stdout, stderr, code := runIn(t, args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			if !strings.Contains(stderr, tt.says) || !strings.Contains(stderr, "Run 'strategy list --help' for usage.") {
				t.Errorf("stderr lacks %q and the pointer to help:\n%s", tt.says, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
}
