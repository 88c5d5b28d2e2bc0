// Package plan reads and checks local workforce plans: one YAML file per
// plan, whose actions each name the national strategy items they serve. It
// applies the same strict YAML and JSON Schema checks as the dataset loader,
// then checks the plan against a loaded national dataset, and reports every
// problem as a located finding.
package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/safefile"
	"github.com/open-workforce/strategy/internal/schema"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Limits. A real local plan has tens of actions and a few KiB of YAML; the
// bounds leave two orders of magnitude of room and keep a runaway export
// from costing more than a fraction of a second before it is refused.
const (
	MaxFileSize = 2 << 20 // bytes in one plan file: the worst such file still parses within a second
	MaxActions  = 10000   // actions in one plan; also maxItems in plan.schema.json
)

// Dir is the folder inside a dataset that holds real, public plans.
const Dir = "plans"

// Local statuses of an action.
const (
	Planned    = "planned"
	InProgress = "in-progress"
	Complete   = "complete"
	Paused     = "paused"
	Dropped    = "dropped"
)

// Statuses lists the local statuses in order. A dropped action stays in the
// file for the record but serves nothing.
var Statuses = []string{Planned, InProgress, Complete, Paused, Dropped}

// OrgTypes lists the kinds of organisation that own plans.
var OrgTypes = []string{"local-authority", "integrated-care-system", "region", "provider", "other"}

// Plan is one local plan file.
type Plan struct {
	Organisation Organisation `yaml:"organisation" json:"organisation"`
	Title        string       `yaml:"title" json:"title"`
	URL          string       `yaml:"url,omitempty" json:"url,omitempty"`
	Date         string       `yaml:"date" json:"date"`
	Notes        string       `yaml:"notes,omitempty" json:"notes,omitempty"`
	Actions      []Action     `yaml:"actions" json:"actions"`

	// Path is the file as shown to the user.
	Path string `yaml:"-" json:"file"`
	// Doc locates the plan's fields in its file.
	Doc *yamlnode.Doc `yaml:"-" json:"-"`
}

// Organisation owns a plan.
type Organisation struct {
	Name string `yaml:"name" json:"name"`
	Type string `yaml:"type" json:"type"`
}

// Action is one local action and the national items it serves.
type Action struct {
	ID     string   `yaml:"id" json:"id"`
	Title  string   `yaml:"title" json:"title"`
	Owner  string   `yaml:"owner" json:"owner"`
	Status string   `yaml:"status" json:"status"`
	Due    string   `yaml:"due,omitempty" json:"due,omitempty"`
	Serves []string `yaml:"serves" json:"serves"`
	Notes  string   `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Counts reports whether the action counts towards coverage: every action
// being done or done, that is every one neither dropped nor paused (a paused
// action serves nothing while it is paused).
func (a Action) Counts() bool { return a.Status != Dropped && a.Status != Paused }

// Overdue reports whether the action was past its due date and not complete
// (nor dropped) on date, YYYY-MM-DD.
func (a Action) Overdue(date string) bool {
	return a.Due != "" && a.Due < date && a.Status != Complete && a.Status != Dropped
}

// Serving returns the actions that serve national item id and count.
func (p *Plan) Serving(id string) []Action {
	var out []Action
	for _, a := range p.Actions {
		if a.Counts() && slices.Contains(a.Serves, id) {
			out = append(out, a)
		}
	}
	return out
}

// Served returns the ids of the national items the plan serves, each once,
// in the order the plan first names them.
func (p *Plan) Served() []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range p.Actions {
		if !a.Counts() {
			continue
		}
		for _, id := range a.Serves {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Name is how the plan is shown: its organisation, or its file.
func (p *Plan) Name() string {
	if p.Organisation.Name != "" {
		return p.Organisation.Name
	}
	return p.Path
}

// Read reads the plan file name from fsys and parses it; display is the path
// shown in findings.
func Read(fsys fs.FS, name, display string) (*Plan, []finding.Finding) {
	src, f := readBounded(fsys, name, display)
	if f != nil {
		return nil, []finding.Finding{*f}
	}
	return Parse(display, src)
}

// readBounded reads at most MaxFileSize bytes. A larger file is refused at
// the line where the limit falls, so the error still names a place.
func readBounded(fsys fs.FS, name, display string) ([]byte, *finding.Finding) {
	fail := func(line int, rule, format string, args ...any) *finding.Finding {
		col := 0
		if line > 0 {
			col = 1
		}
		return &finding.Finding{Path: display, Line: line, Column: col, Rule: rule, Severity: finding.Error, Message: fmt.Sprintf(format, args...)}
	}
	file, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fail(0, "file-unreadable", "no such file")
		}
		return nil, fail(0, "file-unreadable", "cannot read: %v", fserr.Bare(err))
	}
	defer file.Close()
	src, err := safefile.ReadAtMost(file, MaxFileSize)
	if errors.Is(err, safefile.ErrIsDir) {
		return nil, fail(0, "file-unreadable", "is a folder, not a plan file")
	}
	if err != nil {
		return nil, fail(0, "file-unreadable", "cannot read: %v", fserr.Bare(err))
	}
	if len(src) > MaxFileSize {
		line := bytes.Count(src[:MaxFileSize], []byte("\n")) + 1
		return nil, fail(line, "plan-too-large", "plan is larger than %d MiB (the limit falls on this line); a local plan is a few KiB to a few hundred KiB: split it, one file per plan", MaxFileSize>>20)
	}
	return src, nil
}

// Parse parses src as a plan: strict YAML, the action limit, then the plan
// schema. The plan is nil when the file cannot be used at all; it is returned
// with findings when it decodes but breaks the schema, so that later checks
// still run on what can be read.
func Parse(display string, src []byte) (*Plan, []finding.Finding) {
	var out []finding.Finding
	add := func(pos yamlnode.Pos, rule, msg string) {
		out = append(out, finding.Finding{Path: display, Line: pos.Line, Column: pos.Col, Rule: rule, Severity: finding.Error, Message: msg})
	}
	doc, probs := yamlnode.Parse(src)
	for _, p := range probs {
		add(p.Pos, p.Rule, p.Message)
	}
	if doc == nil {
		return nil, out
	}
	// Count before the schema runs: the schema would report every one of a
	// runaway file's actions, where one finding says all there is to say.
	if m, ok := doc.Value().(map[string]any); ok {
		if acts, ok := m["actions"].([]any); ok && len(acts) > MaxActions {
			add(doc.Locate("actions", strconv.Itoa(MaxActions)).Value, "plan-too-many-actions",
				fmt.Sprintf("actions: %d actions, more than the %d a plan may hold (this is action %d); a local plan has tens: split it, one file per plan", doc.Len("actions"), MaxActions, MaxActions+1))
			return nil, out
		}
	}
	vs, err := schema.Check(schema.Plan, doc, probs)
	if err != nil {
		add(yamlnode.Pos{Line: 1, Col: 1}, "schema", fmt.Sprintf("cannot apply the plan schema: %v", err))
		return nil, out
	}
	for _, v := range vs {
		add(v.Pos, v.Rule, v.Message+statusSynonym(v.Rule, v.Message))
	}
	if len(probs) > 0 {
		return nil, out
	}
	var p Plan
	if err := doc.Decode(&p); err != nil {
		if len(vs) == 0 {
			add(yamlnode.Pos{Line: 1, Col: 1}, "wrong-type", fmt.Sprintf("cannot read the plan's fields: %v", err))
		}
		return nil, out
	}
	p.Path, p.Doc = display, doc
	return &p, out
}

// IsPlanFile reports whether a directory entry name looks like a plan file.
func IsPlanFile(name string) bool {
	ext := path.Ext(name)
	return ext == ".yaml" || ext == ".yml"
}

// statusSynonym explains a local status written as a spreadsheet would say
// it ("on hold", "done"): plan check reads such a word as plan import does,
// and says which status to write.
func statusSynonym(rule, msg string) string {
	_, rest, ok := strings.Cut(msg, "].status: ")
	if rule != "invalid-value" || !ok {
		return ""
	}
	got, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return ""
	}
	got, _ = strconv.Unquote(got)
	if st, ok := statusWords[columnKey(got)]; ok && st != got {
		return fmt.Sprintf("; %q means %s, as 'plan import' reads it: write %s", got, st, st)
	}
	return ""
}
