package cli

import (
	"slices"
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
