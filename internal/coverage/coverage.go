// Package coverage works out how much of the national strategy local plans
// pick up: per plan and across plans, which national items are served and by
// which local actions, which are not (grouped by theme, with the items the
// sector can act on alone first), and coverage by theme as n of N.
//
// N is always the number of items in the dataset, which may hold fewer than
// the strategy declares; the report carries both so that no figure reads as a
// share of the whole strategy when it is not.
package coverage

import (
	"cmp"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
)

// Report is the coverage of one or more plans. It is also the JSON shape of
// `strategy plan coverage --format json`.
type Report struct {
	Dataset  string       `json:"dataset"`
	Items    int          `json:"items"`    // national items in the dataset: the N of every n/N
	Declared int          `json:"declared"` // items the strategy declares
	Plans    []PlanReport `json:"plans"`
	Across   Across       `json:"across"`
}

// PlanReport is one plan's coverage.
type PlanReport struct {
	File         string            `json:"file"`
	Organisation plan.Organisation `json:"organisation"`
	Title        string            `json:"title"`
	URL          string            `json:"url,omitempty"`
	Date         string            `json:"date"`
	Actions      int               `json:"actions"`         // actions in the file
	Counted      int               `json:"counted_actions"` // actions neither dropped nor paused
	Served       []Served          `json:"served"`
	Unserved     []ThemeItems      `json:"unserved"`
	Themes       []Share           `json:"themes"`
	Total        Share             `json:"total"`
	// Overdue are the actions past their due date and not complete, once
	// [Report.MarkOverdue] has run.
	Overdue []OverdueAction `json:"overdue_actions"`
}

// OverdueAction is a local action past its due date and not complete.
type OverdueAction struct {
	ID     string `json:"id"`
	Due    string `json:"due"`
	Status string `json:"status"`
}

// MarkOverdue lists, for each plan, its actions past their due date and
// not complete on date (YYYY-MM-DD); plans are the ones Compute was given,
// in the same order.
func (r *Report) MarkOverdue(plans []*plan.Plan, date string) {
	for i := range r.Plans {
		r.Plans[i].Overdue = []OverdueAction{}
		if i >= len(plans) {
			continue
		}
		for _, a := range plans[i].Actions {
			if a.Overdue(date) {
				r.Plans[i].Overdue = append(r.Plans[i].Overdue, OverdueAction{ID: a.ID, Due: a.Due, Status: a.Status})
			}
		}
	}
}

// Served is a national item a plan serves and the local actions serving it.
type Served struct {
	Item
	Actions  []string `json:"actions"`
	Statuses []string `json:"action_statuses"` // each action's local status, in the same order
}

// ActionsText lists the serving actions with their local statuses, as a
// cell shows them: "A1 (in progress), A2 (planned)".
func (sv Served) ActionsText() string {
	parts := make([]string, len(sv.Actions))
	for i, id := range sv.Actions {
		parts[i] = id
		if i < len(sv.Statuses) {
			parts[i] += " (" + strings.ReplaceAll(sv.Statuses[i], "-", " ") + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// Item identifies a national item.
type Item struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Theme     string `json:"theme"`
	ActorType string `json:"actor_type"`
}

// ThemeItems is the national items of one theme that nothing serves.
type ThemeItems struct {
	Theme string `json:"theme"`
	Name  string `json:"name"`
	Items []Item `json:"items"`
}

// Share is n of N items served, overall or in a theme.
type Share struct {
	Theme  string `json:"theme,omitempty"`
	Name   string `json:"name,omitempty"`
	Served int    `json:"served"`
	Total  int    `json:"total"`
}

// Across is the coverage of all the plans together.
type Across struct {
	Plans    int          `json:"plans"`
	Items    []ItemPlans  `json:"items"` // every national item, with the plans serving it
	Unserved []ThemeItems `json:"unserved"`
	Themes   []Share      `json:"themes"`
	Total    Share        `json:"total"`
}

// ItemPlans is a national item and the plans that serve it.
type ItemPlans struct {
	Item
	Plans    int        `json:"plans"`
	ServedBy []PlanRefs `json:"served_by"`
}

// PlanRefs names a plan and its actions serving one item.
type PlanRefs struct {
	File         string   `json:"file"`
	Organisation string   `json:"organisation"`
	Actions      []string `json:"actions"`
}

// Compute works out the coverage of plans against the dataset s. Items are
// taken in theme order, then by id.
func Compute(s *dataset.Set, plans []*plan.Plan) Report {
	groups := plan.ByTheme(s, s.Items)
	r := Report{Dataset: s.Name(), Items: len(s.Items), Declared: s.Declared(), Plans: []PlanReport{}}
	servedBy := map[string][]PlanRefs{}
	for _, p := range plans {
		pr := PlanReport{
			File: p.Path, Organisation: p.Organisation, Title: p.Title, URL: p.URL, Date: p.Date,
			Actions: len(p.Actions), Served: []Served{},
		}
		for _, a := range p.Actions {
			if a.Counts() {
				pr.Counted++
			}
		}
		served := map[string]bool{}
		for _, g := range groups {
			for _, it := range g.Items {
				acts := p.Serving(it.ID)
				if len(acts) == 0 {
					continue
				}
				served[it.ID] = true
				ids := make([]string, len(acts))
				statuses := make([]string, len(acts))
				for i, a := range acts {
					ids[i], statuses[i] = a.ID, a.Status
				}
				pr.Served = append(pr.Served, Served{Item: ref(it), Actions: ids, Statuses: statuses})
				servedBy[it.ID] = append(servedBy[it.ID], PlanRefs{File: p.Path, Organisation: p.Organisation.Name, Actions: ids})
			}
		}
		pr.Unserved, pr.Themes, pr.Total = split(groups, served)
		r.Plans = append(r.Plans, pr)
	}
	r.Across = Across{Plans: len(plans), Items: []ItemPlans{}}
	anyServed := map[string]bool{}
	for _, g := range groups {
		for _, it := range g.Items {
			refs := servedBy[it.ID]
			if refs == nil {
				refs = []PlanRefs{}
			}
			anyServed[it.ID] = len(refs) > 0
			r.Across.Items = append(r.Across.Items, ItemPlans{Item: ref(it), Plans: len(refs), ServedBy: refs})
		}
	}
	r.Across.Unserved, r.Across.Themes, r.Across.Total = split(groups, anyServed)
	return r
}

func ref(it *dataset.Item) Item {
	return Item{ID: it.ID, Title: it.Title, Theme: it.Theme, ActorType: it.ActorType}
}

// split divides each theme's items into served and not, counting both, and
// lists the unserved with sector-only items first: those are the ones a local
// plan can take up without waiting for government.
func split(groups []plan.ThemeGroup, served map[string]bool) ([]ThemeItems, []Share, Share) {
	unserved := []ThemeItems{}
	themes := []Share{}
	var total Share
	for _, g := range groups {
		sh := Share{Theme: g.Theme, Name: g.Name, Total: len(g.Items)}
		var left []Item
		for _, it := range g.Items {
			if served[it.ID] {
				sh.Served++
			} else {
				left = append(left, ref(it))
			}
		}
		slices.SortStableFunc(left, func(a, b Item) int {
			return cmp.Compare(sectorRank(a), sectorRank(b))
		})
		if len(left) > 0 {
			unserved = append(unserved, ThemeItems{Theme: g.Theme, Name: g.Name, Items: left})
		}
		themes = append(themes, sh)
		total.Served += sh.Served
		total.Total += sh.Total
	}
	return unserved, themes, total
}

func sectorRank(it Item) int {
	if it.ActorType == dataset.SectorOnly {
		return 0
	}
	return 1
}
