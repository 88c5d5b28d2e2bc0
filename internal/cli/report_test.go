package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
)

// TestNewCmdReport checks flag parsing: -o is the output file here, and
// --format takes only html or markdown.
func TestNewCmdReport(t *testing.T) {
	tests := []struct {
		args    []string
		want    reportOptions
		wantErr string
	}{
		{args: nil, want: reportOptions{Format: "html"}},
		{args: []string{"-o", "r.html", "--as-of", "2025-07-18"}, want: reportOptions{Format: "html", Output: "r.html", AsOf: "2025-07-18"}},
		{args: []string{"--format", "markdown", "--output", "-"}, want: reportOptions{Format: "markdown", Output: "-"}},
		{args: []string{"--since", "2025-09-01"}, want: reportOptions{Format: "html", Since: "2025-09-01"}},
		// A Markdown file name means Markdown, unless --format says otherwise.
		{args: []string{"-o", "PROGRESS.md"}, want: reportOptions{Format: "markdown", Output: "PROGRESS.md"}},
		{args: []string{"-o", "notes/Board.Markdown"}, want: reportOptions{Format: "markdown", Output: "notes/Board.Markdown"}},
		{args: []string{"-o", "PROGRESS.md", "--format", "html"}, want: reportOptions{Format: "html", Output: "PROGRESS.md"}},
		{args: []string{"-o", "md.html"}, want: reportOptions{Format: "html", Output: "md.html"}},
		{args: []string{"--plans", "a.yaml,plans/", "--plans", "b.yaml"}, want: reportOptions{Format: "html", Plans: []string{"a.yaml", "plans/", "b.yaml"}}},
		{args: []string{"--format", "json"}, wantErr: `invalid argument "json" for "--format" flag: valid values are {html|markdown}`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ios, _, _ := iostreams.Test()
			f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: fixedNow}
			var got *reportOptions
			cmd := newCmdReport(f, func(o *reportOptions) error { got = o; return nil })
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
			if got.Format != tt.want.Format || got.Output != tt.want.Output || got.AsOf != tt.want.AsOf || got.Since != tt.want.Since || !slices.Equal(got.Plans, tt.want.Plans) {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestNewCmdBrief(t *testing.T) {
	ios, _, _ := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: fixedNow}
	var got *briefOptions
	cmd := newCmdBrief(f, func(o *briefOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--actor", "dhsc", "--since", "2025-07-18", "--format", "markdown"})
	if _, err := cmd.ExecuteC(); err != nil {
		t.Fatal(err)
	}
	if got.Actor != "dhsc" || got.Since != "2025-07-18" || got.Format != "markdown" || got.Theme != "" {
		t.Errorf("options %+v", *got)
	}
}
