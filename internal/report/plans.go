package report

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/open-workforce/strategy/internal/coverage"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
	"github.com/open-workforce/strategy/internal/prose"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// localPlans is the page's coverage view: how local plans map onto the
// national items. Every figure comes from [coverage.Compute], so the page
// agrees with `strategy plan coverage`.
type localPlans struct {
	Scope   string // what the n of N figures count
	Plans   []planSummary
	Across  string   // the plans together, when there are several
	Columns []string // a header per plan, in the order given
	Rows    []planRow
}

// planSummary is one plan in plain English.
type planSummary struct {
	ID       string // an anchor for the plan's table of themes
	Sentence string // "X serves 4 of the 31 national items in the dataset (13%)."
	Detail   string // title, date, file and actions
	Link     *Link  // where the plan says it is published
	Actions  []planAction
	Themes   []themeBar // the same bars per theme as 'plan coverage'
}

// themeBar is how much of one theme a plan serves, as a bar and in words.
type themeBar struct {
	Name          string
	Width         string // CSS percentage of the track
	Text          string // "2 of 16 (13%)"
	Served, Total int    // for the Markdown's text bar
}

type planAction struct {
	ID, Title, Status string
}

// planRow is one national item against every plan.
type planRow struct {
	ID, Title, ThemeName string
	Status               string     // the national item's own status, beside its local coverage
	Cells                []planCell // one per plan, in the order given
	Plans                int
	Text                 string // "1 of 2"
}

// planCell is what one plan does for one national item.
type planCell struct {
	Actions string // the serving local action ids, "A1, A3"; "" when none
}

// Text says the cell in words, so that the table never relies on colour or
// on an empty cell to mean "not served".
func (c planCell) Text() string { return cmp.Or(c.Actions, "Not served") }

// newLocalPlans builds the section; statuses are as of asOf, or as the
// logs now end when asOf is "".
func newLocalPlans(s *dataset.Set, plans []*plan.Plan, asOf string) *localPlans {
	if len(plans) == 0 {
		return nil
	}
	rep := coverage.Compute(s, plans)
	statusName := StatusNames(s)
	lp := &localPlans{Scope: fmt.Sprintf("Each local action names the national items it serves; dropped and paused actions serve nothing. Figures count the %s in the dataset", prose.Count(rep.Items, "national item"))}
	if rep.Declared > rep.Items {
		lp.Scope += fmt.Sprintf(", not all %d the strategy declares", rep.Declared)
	}
	lp.Scope += "."

	names := map[string]int{}
	for _, p := range rep.Plans {
		names[p.Organisation.Name]++
	}
	served := make([]map[string]string, len(rep.Plans))
	for i, pr := range rep.Plans {
		org := sanitize.Line(pr.Organisation.Name)
		col := org
		if names[pr.Organisation.Name] > 1 {
			col += " (" + sanitize.Line(pr.File) + ")"
		}
		lp.Columns = append(lp.Columns, col)

		sum := planSummary{
			ID:       fmt.Sprintf("plan-%d", i+1),
			Sentence: fmt.Sprintf("%s serves %d of the %d national items in the dataset (%d%%).", org, pr.Total.Served, pr.Total.Total, share(pr.Total)),
			Detail:   fmt.Sprintf("“%s”, dated %s, from %s: %s", sanitize.Line(pr.Title), sanitize.Line(pr.Date), sanitize.Line(pr.File), prose.Count(pr.Actions, "action")),
		}
		if dropped := pr.Actions - pr.Counted; dropped > 0 {
			sum.Detail += fmt.Sprintf(", %d dropped or paused and not counted", dropped)
		}
		sum.Detail += "."
		if pr.URL != "" {
			l := NewLink(pr.URL, "the published plan")
			sum.Link = &l
		}
		for _, a := range plans[i].Actions {
			sum.Actions = append(sum.Actions, planAction{ID: sanitize.Line(a.ID), Title: sanitize.Line(a.Title), Status: strings.ReplaceAll(sanitize.Line(a.Status), "-", " ")})
		}
		for _, sh := range pr.Themes {
			sum.Themes = append(sum.Themes, themeBar{Name: sanitize.Line(sh.Name), Width: width(sh.Served, sh.Total),
				Text: fmt.Sprintf("%d of %d (%d%%)", sh.Served, sh.Total, share(sh)), Served: sh.Served, Total: sh.Total})
		}
		lp.Plans = append(lp.Plans, sum)

		served[i] = map[string]string{}
		for _, sv := range pr.Served {
			served[i][sv.ID] = sanitize.Line(sv.ActionsText())
		}
	}
	if len(rep.Plans) > 1 {
		a := rep.Across
		lp.Across = fmt.Sprintf("Together the %d plans serve %d of the %d national items in the dataset (%d%%)", a.Plans, a.Total.Served, a.Total.Total, share(a.Total))
		if left := a.Total.Total - a.Total.Served; left > 0 {
			lp.Across += fmt.Sprintf("; %d %s served by no plan.", left, prose.Plural(left, "is", "are"))
		} else {
			lp.Across += ": every one is served by at least one plan."
		}
	}
	for _, it := range rep.Across.Items {
		r := planRow{ID: sanitize.Line(it.ID), Title: sanitize.Line(it.Title), ThemeName: sanitize.Line(it.Theme), Plans: it.Plans, Text: fmt.Sprintf("%d of %d", it.Plans, rep.Across.Plans)}
		if th := s.Theme(it.Theme); th != nil {
			r.ThemeName = sanitize.Line(th.Name)
		}
		if item := s.Item(it.ID); item != nil {
			st := item.Status
			if asOf != "" {
				st = query.Status(item, asOf)
			}
			r.Status = statusName(st)
		}
		for i := range rep.Plans {
			r.Cells = append(r.Cells, planCell{Actions: served[i][it.ID]})
		}
		lp.Rows = append(lp.Rows, r)
	}
	return lp
}

func share(sh coverage.Share) int {
	return summary.Share{N: sh.Served, Of: sh.Total}.Percent()
}
