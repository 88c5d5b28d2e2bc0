package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/gitrepo"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// FileLog is what git says about an item's file: the commits that changed
// it, newest first, and whether it has uncommitted changes.
type FileLog struct {
	Commits []gitrepo.Commit
	Dirty   bool
}

// historyReport is the JSON and YAML contract of `strategy history`.
type historyReport struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Status   string           `json:"status"`
	File     string           `json:"file"`
	Progress []dataset.Entry  `json:"progress"`
	Commits  []gitrepo.Commit `json:"commits,omitempty"`
	Dirty    bool             `json:"uncommitted_changes,omitempty"`
}

// History writes an item's progress log: as json or yaml, a
// [historyReport]; as `strategy history` prints it, oldest first, each
// entry with its note and evidence; with git, the commits that changed the
// item's file follow.
func History(w io.Writer, it *dataset.Item, git *FileLog, format string) error {
	rep := historyReport{ID: it.ID, Title: it.Title, Status: it.Status, File: it.Path, Progress: it.Progress}
	if rep.Progress == nil {
		rep.Progress = []dataset.Entry{} // an empty log is [], never null
	}
	if git != nil {
		rep.Commits, rep.Dirty = git.Commits, git.Dirty
	}
	if done, err := asDocument(w, rep, format); done {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\nstatus: %s (%s)\n\n", it.ID, sanitize.Line(it.Title), it.Status, sanitize.Path(it.Path))
	marks := entryMarks(it)
	for i, e := range it.Progress {
		date := e.Date
		if e.DatePrecision == "month" {
			date = e.Date[:min(7, len(e.Date))] + "   "
		}
		fmt.Fprintf(&b, "%s  %-11s  %s%s\n", date, entryStatus(e), strings.TrimSpace(e.Note), marks[i])
		if c := e.Correction; c != nil {
			fmt.Fprintf(&b, "%12s reason: %s\n", "", strings.TrimSpace(c.Reason))
		}
		if ev := e.Evidence; ev != nil {
			fmt.Fprintf(&b, "%12s evidence: %s %s (link %s)\n", "", ev.Kind, ev.URL, ev.Link)
		}
	}
	if git != nil {
		fmt.Fprintf(&b, "\ncommits changing %s:\n", it.Path)
		if git.Dirty {
			b.WriteString("  (uncommitted changes in the working tree)\n")
		}
		if len(git.Commits) == 0 {
			b.WriteString("  none yet\n")
		}
		for _, c := range git.Commits {
			fmt.Fprintf(&b, "  %s %s %s: %s\n", c.ID[:min(12, len(c.ID))], c.Date, sanitize.Line(c.Author), sanitize.Line(c.Subject))
		}
	}
	// Titles, notes, URLs, and git authors and subjects are anyone's text.
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}
