// Package render writes results in the formats people and programs read:
// text and tables for terminals, JSON, CSV and Markdown for scripts and pages,
// GitHub Actions annotations for CI. The commands' text, tables, CSV and
// Markdown are all written here, a file for each kind of result, so that the
// command files only read flags and data. The report, site, charts and badge
// have packages of their own; escaping itself is internal/sanitize's.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// Report is the outcome of validating a dataset.
type Report struct {
	Dataset  string            `json:"dataset"`
	Items    int               `json:"items"`
	Declared int               `json:"declared"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Valid    bool              `json:"valid"`
	Plans    int               `json:"plans,omitempty"`   // local plan files checked
	Actions  int               `json:"actions,omitempty"` // actions in those plans
	Findings []finding.Finding `json:"findings"`

	// PlansOnly says the report is about plans checked against the dataset,
	// not about the dataset's own items.
	PlansOnly bool `json:"-"`
}

// Summary is the closing line of a text report.
func (r Report) Summary() string {
	var b strings.Builder
	plans := fmt.Sprintf("%s with %s", prose.Count(r.Plans, "plan"), prose.Count(r.Actions, "action"))
	if r.PlansOnly {
		fmt.Fprintf(&b, "checked %s against the %s in %s", plans, prose.Count(r.Items, "item"), r.Dataset)
	} else {
		fmt.Fprintf(&b, "%s: checked %s", r.Dataset, prose.Count(r.Items, "item"))
		if r.Declared > 0 {
			fmt.Fprintf(&b, "; %d of the %d declared items are present", r.Items, r.Declared)
		}
		if r.Plans > 0 {
			fmt.Fprintf(&b, "; %s", plans)
		}
	}
	fmt.Fprintf(&b, "; %s, %s", prose.Count(r.Errors, "error"), prose.Count(r.Warnings, "warning"))
	return b.String()
}

// Findings writes a validation report in format text, json or github.
func Findings(w io.Writer, r Report, format string) error {
	switch format {
	case "json":
		if r.Findings == nil {
			r.Findings = []finding.Finding{} // a list for scripts, never null
		}
		return JSON(w, r)
	case "github":
		return findingsGitHub(w, r)
	}
	return findingsText(w, r)
}

// findingsText writes one path:line:column: rule: message line per finding,
// then the summary line.
func findingsText(w io.Writer, r Report) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintln(w, f.String()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, sanitize.Line(r.Summary()))
	return err
}

// findingsGitHub writes GitHub Actions workflow commands, which GitHub shows
// as annotations on the pull request's changed lines.
func findingsGitHub(w io.Writer, r Report) error {
	for _, f := range r.Findings {
		level := "error"
		switch f.Severity {
		case finding.Warning:
			level = "warning"
		case finding.Notice:
			level = "notice"
		}
		props, msg := "", f.Message
		if sanitize.Path(f.Path) == f.Path {
			props = "file=" + sanitize.WorkflowProperty(f.Path) + ","
			if f.Line > 0 {
				props += fmt.Sprintf("line=%d,col=%d,", f.Line, f.Column)
			}
		} else {
			// A path that holds control, bidirectional or other unprintable characters
			// would point the annotation at whichever file it reads
			// as once they are dropped, perhaps a real one: no file
			// then, and the path quoted in the message instead.
			where := sanitize.Path(f.Path)
			if f.Line > 0 {
				where += fmt.Sprintf(":%d:%d", f.Line, f.Column)
			}
			msg = where + ": " + msg
		}
		props += "title=" + sanitize.WorkflowProperty(f.Rule)
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, props, sanitize.WorkflowData(msg)); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, sanitize.WorkflowLine(r.Summary()))
	return err
}
