// Package finding defines a located problem in a dataset file, shared by every
// stage that checks data (YAML, schema, cross-file rules), and its ordering.
package finding

import (
	"cmp"
	"fmt"
	"path"
	"slices"

	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Severity says whether a finding fails validation.
type Severity string

// Severities. Warnings fail only under --strict; a notice is information
// (such as how many declared items the dataset holds, which stays true until
// the dataset is complete) and never fails, so that --strict is usable in CI.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Notice  Severity = "notice"
)

// Finding is one problem at a place in a file. Line and Column are 1-based;
// zero means the finding concerns the dataset as a whole or the whole file.
type Finding struct {
	Path     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`

	unplaced bool // Line is 0 because the file changed, not because the finding is about all of it
}

// Place points f at the value at path in doc, or with onKey at the key that
// holds it. When doc can no longer give a position (its file changed after
// it was checked, see [yamlnode.Doc.Lost]), f gets no line and its message
// says why: a line read from the changed file could point anywhere.
func (f *Finding) Place(doc *yamlnode.Doc, onKey bool, path ...string) {
	loc := doc.Locate(path...)
	if err := doc.Lost(); err != nil {
		f.Line, f.Column, f.unplaced = 0, 0, true
		f.Message += " (" + err.Error() + ")"
		return
	}
	pos := loc.Value
	if onKey {
		pos = loc.Key
	}
	f.Line, f.Column = pos.Line, pos.Col
}

// String renders path:line:column: rule: message, the form editors and CI
// log parsers recognise.
func (f Finding) String() string {
	// A file name is the one part of a finding nobody checked: a newline
	// in it would start a forged finding line, an ESC a terminal escape.
	shown := sanitize.Path(f.Path)
	loc := shown
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", shown, f.Line, f.Column)
	}
	sev := ""
	if f.Severity == Warning || f.Severity == Notice {
		sev = string(f.Severity) + ": "
	}
	msg := sanitize.Line(f.Message)
	if f.Line == 0 && !f.unplaced {
		// Without a line an editor jumps to the top of the file, as if
		// the problem were there: say that it is about the file itself.
		what := "file"
		if path.Ext(f.Path) == "" {
			what = "folder"
		}
		msg += " (about the whole " + what + ": no line to point at)"
	}
	return fmt.Sprintf("%s: %s%s: %s", loc, sev, f.Rule, msg)
}

// Sort orders findings by file, line, column, then rule, so output is the same
// on every run whatever order files were read in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings; notices count as
// neither.
func Count(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		switch f.Severity {
		case Notice:
		case Warning:
			warns++
		default:
			errs++
		}
	}
	return errs, warns
}
