package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/suggest"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// CheckOptions tune [Check].
type CheckOptions struct {
	RequireURL bool // plans contributed under data/plans/ must say where they are published
	// Today, when set (YYYY-MM-DD), flags actions past their due date and
	// not complete, as warnings: the plan is valid, but out of date.
	Today string
}

// Check checks a parsed plan against the national dataset s: local action ids
// unique within the plan, every national id one the dataset holds (with a
// suggestion for a near miss), and every date a real calendar date.
func Check(p *Plan, s *dataset.Set, opts CheckOptions) []finding.Finding {
	var out []finding.Finding
	at := func(path ...string) yamlnode.Pos { return p.Doc.Locate(path...).Value }
	add := func(pos yamlnode.Pos, rule, format string, args ...any) {
		out = append(out, finding.Finding{Path: p.Path, Line: pos.Line, Column: pos.Col, Rule: rule, Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	if opts.RequireURL && p.URL == "" {
		add(p.Doc.Locate().Key, "plan-url-required", "a plan under %s/ must give the url where it is published: only real, public plans belong there", Dir)
	}
	if p.Date != "" && !realDate(p.Date) {
		add(at("date"), "plan-invalid-date", "date: %q is not a calendar date", p.Date)
	}
	ids := make([]string, len(s.Items))
	known := make(map[string]bool, len(s.Items))
	for i, it := range s.Items {
		ids[i] = it.ID
		known[it.ID] = true
	}
	first := map[string]int{} // local id to the line it was first used on
	for i, a := range p.Actions {
		n := strconv.Itoa(i)
		if a.ID != "" {
			if line, dup := first[a.ID]; dup {
				add(at("actions", n, "id"), "plan-duplicate-id", "actions[%d].id: %q is already the id of the action on line %d; local ids must be unique within the plan", i, a.ID, line)
			} else {
				first[a.ID] = at("actions", n, "id").Line
			}
		}
		if a.Due != "" && !realDate(a.Due) {
			add(at("actions", n, "due"), "plan-invalid-date", "actions[%d].due: %q is not a calendar date", i, a.Due)
		} else if opts.Today != "" && a.Overdue(opts.Today) {
			pos := at("actions", n, "due")
			out = append(out, finding.Finding{Path: p.Path, Line: pos.Line, Column: pos.Col, Rule: "plan-action-overdue", Severity: finding.Warning,
				Message: fmt.Sprintf("actions[%d] (%s) was due %s and is %s: record its progress, or its new due date", i, a.ID, a.Due, strings.ReplaceAll(a.Status, "-", " "))})
		}
		for j, id := range a.Serves {
			if known[id] {
				continue
			}
			add(at("actions", n, "serves", strconv.Itoa(j)), "plan-unknown-item", "actions[%d].serves[%d]: %s", i, j, unknownItem(s, ids, id))
		}
	}
	return out
}

var datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// realDate reports whether a YYYY-MM-DD string names a day that exists; the
// schema checks only the shape, so 2025-02-30 gets this far.
func realDate(s string) bool {
	if !datePattern.MatchString(s) {
		return true // the schema has reported the shape already
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

var strategyID = regexp.MustCompile(`^(AR|TR|TF|UN)-[0-9]{2,}$`)

// unknownItem explains a national id the dataset does not hold.
func unknownItem(s *dataset.Set, ids []string, id string) string {
	msg := fmt.Sprintf("no national item %q in %s", id, s.Name())
	near := suggest.ID(id, ids)
	msg += suggest.Hint(near)
	switch {
	case strategyID.MatchString(id) && len(s.Items) < s.Declared():
		msg += fmt.Sprintf("; it holds %d of the %d declared items: map the action to the items it has", len(s.Items), s.Declared())
	case near == "":
		msg += "; national ids look like TR-02 (run 'strategy list' to see them)"
	}
	return msg
}
