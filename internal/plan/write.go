package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// SchemaURL is where editors outside this repository fetch the plan schema.
// Inside a dataset folder, plans/ files point at ../schema/plan.schema.json.
const SchemaURL = "https://raw.githubusercontent.com/open-workforce/strategy/main/data/schema/plan.schema.json"

// Modeline is the first line of a plan file: yaml-language-server reads it and
// checks the file against the schema at ref while it is edited.
func Modeline(ref string) string {
	return "# yaml-language-server: $schema=" + ref + "\n"
}

// Header says what a plan file is for; it goes below the modeline.
type Header struct {
	SchemaRef string   // schema path or URL for the modeline
	Comment   []string // lines written as comments after the modeline
}

// Marshal writes p as a plan file: the modeline, the header comments, then
// the fields in schema order, each action as a block. It writes text from a
// template rather than re-encoding a YAML tree so that the layout is the one
// a person would write, and it quotes every value that needs it.
func Marshal(p *Plan, h Header) []byte {
	var b strings.Builder
	b.WriteString(Modeline(h.SchemaRef))
	writeComments(&b, "", h.Comment)
	writeHead(&b, p)
	if len(p.Actions) == 0 {
		b.WriteString("actions: []\n")
		return []byte(b.String())
	}
	b.WriteString("actions:\n")
	for _, a := range p.Actions {
		writeAction(&b, a)
	}
	return []byte(b.String())
}

func writeHead(b *strings.Builder, p *Plan) {
	fmt.Fprintf(b, "organisation:\n  name: %s\n  type: %s\n", yamlnode.Scalar(p.Organisation.Name), yamlnode.Scalar(p.Organisation.Type))
	fmt.Fprintf(b, "title: %s\n", yamlnode.Scalar(p.Title))
	if p.URL != "" {
		fmt.Fprintf(b, "url: %s\n", yamlnode.Scalar(p.URL))
	}
	fmt.Fprintf(b, "date: %s\n", yamlnode.DoubleQuoted(p.Date))
	if p.Notes != "" {
		fmt.Fprintf(b, "notes: %s\n", yamlnode.Scalar(p.Notes))
	}
}

func writeAction(b *strings.Builder, a Action) {
	fmt.Fprintf(b, "  - id: %s\n", yamlnode.Scalar(a.ID))
	fmt.Fprintf(b, "    title: %s\n", yamlnode.Scalar(a.Title))
	fmt.Fprintf(b, "    owner: %s\n", yamlnode.Scalar(a.Owner))
	fmt.Fprintf(b, "    status: %s\n", yamlnode.Scalar(a.Status))
	if a.Due != "" {
		fmt.Fprintf(b, "    due: %s\n", yamlnode.DoubleQuoted(a.Due))
	}
	serves := make([]string, len(a.Serves))
	for i, id := range a.Serves {
		serves[i] = yamlnode.Scalar(id)
	}
	fmt.Fprintf(b, "    serves: [%s]\n", strings.Join(serves, ", "))
	if a.Notes != "" {
		fmt.Fprintf(b, "    notes: %s\n", yamlnode.Scalar(a.Notes))
	}
}

func writeComments(b *strings.Builder, indent string, lines []string) {
	for _, l := range lines {
		if l == "" {
			b.WriteString(indent + "#\n")
			continue
		}
		// Titles come from the dataset: a line break in one would end the
		// comment and write the rest as YAML keys of the new plan.
		b.WriteString(indent + "# " + sanitize.Line(l) + "\n")
	}
}

// Starter writes a new, empty plan for p's organisation: a commented example
// action, and every national item of s listed by theme as comments, so that
// actions can be mapped without leaving the file.
func Starter(p *Plan, s *dataset.Set, schemaRef string) []byte {
	var b strings.Builder
	b.WriteString(Modeline(schemaRef))
	strategy := "the national Workforce Strategy for Adult Social Care"
	if s.Strategy != nil {
		strategy = fmt.Sprintf("%s (%s, %s)", s.Strategy.Title, s.Strategy.Publisher, s.Strategy.Published)
	}
	writeComments(&b, "", []string{
		"",
		"A local workforce plan mapped onto",
		strategy + ".",
		"Each action names the national items it serves; the ids are listed at the",
		"end of this file. Check the file, then see what it covers and leaves:",
		"",
		"  strategy plan check THIS-FILE",
		"  strategy plan coverage THIS-FILE",
	})
	writeHead(&b, p)
	b.WriteString("# url: https://...   where the plan is published, once it is\n")
	writeComments(&b, "", []string{
		"",
		"Replace [] with the plan's actions, one block each, like this:",
		"",
		"actions:",
		"  - id: A1                  # the plan's own numbering, unique in this file",
		"    title: What the action does, in the plan's own words",
		"    owner: Who leads it locally",
		"    status: planned         # " + strings.Join(Statuses, ", "),
		"    due: \"2026-03-31\"       # optional; quoted, YYYY-MM-DD",
		fmt.Sprintf("    serves: [%s]%s# one or more national item ids, listed below", exampleID(s), strings.Repeat(" ", max(1, 14-len(exampleID(s))))),
		"",
		"A dropped action stays in the file for the record and serves nothing.",
	})
	b.WriteString("actions: []\n")
	writeItemList(&b, s)
	return []byte(b.String())
}

// exampleID is a national id for the commented example: a sector-only item
// when there is one, since those are what a local plan can take up.
func exampleID(s *dataset.Set) string {
	for _, it := range s.Items {
		if it.ActorType == dataset.SectorOnly {
			return it.ID
		}
	}
	if len(s.Items) > 0 {
		return s.Items[0].ID
	}
	return "TR-02"
}

func writeItemList(b *strings.Builder, s *dataset.Set) {
	var lines []string
	head := fmt.Sprintf("National items: the %d in the dataset", len(s.Items))
	if d := s.Declared(); d > len(s.Items) {
		head += fmt.Sprintf(" of the %d the strategy declares", d)
	}
	lines = append(lines, "", head+", by theme.")
	lines = append(lines, "[sector] marks items the sector can act on without government: a local plan")
	lines = append(lines, "can pick those up itself. 'strategy show ID' prints an item in full.")
	for _, g := range ByTheme(s, s.Items) {
		lines = append(lines, "", fmt.Sprintf("%s (%s)", g.Name, g.Theme))
		for _, it := range g.Items {
			mark := ""
			if it.ActorType == dataset.SectorOnly {
				mark = "  [sector]"
			}
			lines = append(lines, fmt.Sprintf("  %-6s %s%s", it.ID, it.Title, mark))
		}
	}
	b.WriteString("\n")
	writeComments(b, "", lines)
}

// ThemeGroup is items of one theme.
type ThemeGroup struct {
	Theme string
	Name  string
	Items []*dataset.Item
}

// ByTheme groups items by theme in the strategy's theme order (themes the
// metadata does not declare come last, by id), keeping the items' order.
func ByTheme(s *dataset.Set, items []*dataset.Item) []ThemeGroup {
	var order []string
	if s.Strategy != nil {
		for _, t := range s.Strategy.Themes {
			order = append(order, t.ID)
		}
	}
	var groups []ThemeGroup
	index := map[string]int{}
	for _, it := range items {
		i, ok := index[it.Theme]
		if !ok {
			name := it.Theme
			if t := s.Theme(it.Theme); t != nil {
				name = t.Name
			}
			i = len(groups)
			index[it.Theme] = i
			groups = append(groups, ThemeGroup{Theme: it.Theme, Name: name})
		}
		groups[i].Items = append(groups[i].Items, it)
	}
	rank := func(id string) int {
		if i := slices.Index(order, id); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(groups, func(a, b ThemeGroup) int {
		if ra, rb := rank(a.Theme), rank(b.Theme); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Theme, b.Theme)
	})
	return groups
}
