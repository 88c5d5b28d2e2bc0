// Package edit changes dataset files the way a careful maintainer would by
// hand: it splices new bytes in at node positions found by yamlnode, so
// comments, key order, quoting and blank lines elsewhere survive byte for
// byte; it checks the whole dataset with the change before anything is
// written; and it writes atomically, refusing if the file moved underneath.
package edit

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

var bom = []byte("\xef\xbb\xbf")

// Update is one progress step: a new entry at the end of the item's progress
// log, and the item's status set to match the log.
type Update struct {
	Status        string
	Date          string // YYYY-MM-DD
	DatePrecision string // "", "day" or "month"
	Recorded      string // YYYY-MM-DD, for an event found late; "" otherwise
	Note          string
	Evidence      *dataset.Evidence   // nil only for tests of the refusal, and optional on a correction
	Correction    *dataset.Correction // set when the entry corrects an earlier one
	// ItemStatus is the item's status once the entry is in: Status unless a
	// correction or a late event leaves a later entry's status standing.
	ItemStatus string
}

// ApplyUpdate returns src with u applied. It fails when the file cannot be
// edited in place (it does not parse, or its progress is written in flow
// style); whether the result is a valid item is for [Checker] to say.
func ApplyUpdate(src []byte, u Update) ([]byte, error) {
	body := bytes.TrimPrefix(src, bom)
	doc, probs := yamlnode.Parse(body)
	if doc == nil || len(probs) > 0 {
		p := yamlnode.Problem{Pos: yamlnode.Pos{Line: 1, Col: 1}, Message: "cannot be parsed"}
		if len(probs) > 0 {
			p = probs[0]
		}
		return nil, fmt.Errorf("%d:%d: %s: fix the file before editing it", p.Line, p.Col, p.Message)
	}
	entry := []yamlnode.Field{{Key: "date", Value: yamlnode.Quoted(u.Date)}}
	if u.DatePrecision != "" {
		entry = append(entry, yamlnode.Field{Key: "date_precision", Value: u.DatePrecision})
	}
	if u.Recorded != "" {
		entry = append(entry, yamlnode.Field{Key: "recorded", Value: yamlnode.Quoted(u.Recorded)})
	}
	entry = append(entry,
		yamlnode.Field{Key: "status", Value: u.Status},
		yamlnode.Field{Key: "note", Value: u.Note},
	)
	if ev := u.Evidence; ev != nil {
		fields := []yamlnode.Field{
			{Key: "kind", Value: ev.Kind},
			{Key: "url", Value: ev.URL},
			{Key: "link", Value: ev.Link},
		}
		if ev.Title != "" {
			fields = append(fields, yamlnode.Field{Key: "title", Value: ev.Title})
		}
		entry = append(entry, yamlnode.Field{Key: "evidence", Value: fields})
	}
	if c := u.Correction; c != nil {
		entry = append(entry, yamlnode.Field{Key: "correction", Value: []yamlnode.Field{
			{Key: "corrects", Value: yamlnode.Quoted(c.Corrects)},
			{Key: "reason", Value: c.Reason},
		}})
	}
	add, err := doc.AppendMapping(entry, "progress")
	if err != nil {
		return nil, err
	}
	status := u.ItemStatus
	if status == "" {
		status = u.Status
	}
	set, err := doc.SetScalar(status, "status")
	if err != nil {
		return nil, err
	}
	out, err := yamlnode.Apply(doc.Source(), set, add)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(src, bom) {
		out = append(slices.Clone(bom), out...)
	}
	return out, nil
}

// SchemaLine is the first line of every item file: it tells editors that use
// yaml-language-server which schema to apply.
const SchemaLine = "# yaml-language-server: $schema=../schema/item.schema.json"

// NewItem describes an item file to create.
type NewItem struct {
	ID         string
	Title      string
	Summary    string
	Kind       string
	Membership string
	Theme      string
	ThemeBasis string
	Area       string
	Lead       []string
	Partners   []string
	Timescale  string
	Sources    []dataset.Source

	LaunchDate   string // the strategy's publication date
	LaunchStatus string
}

// LaunchNote is the note of the first progress entry of a new item: it records
// the item's state when the strategy was published, not an event.
const LaunchNote = "Launch state when the strategy was published."

// Render returns the YAML file for n, fields in the schema's order.
func (n NewItem) Render() ([]byte, error) {
	var sources [][]yamlnode.Field
	for _, s := range n.Sources {
		f := []yamlnode.Field{{Key: "url", Value: s.URL}, {Key: "kind", Value: s.Kind}}
		if s.Title != "" {
			f = append(f, yamlnode.Field{Key: "title", Value: s.Title})
		}
		sources = append(sources, f)
	}
	fields := []yamlnode.Field{
		{Key: "id", Value: n.ID},
		{Key: "title", Value: n.Title},
		{Key: "summary", Value: n.Summary},
		{Key: "kind", Value: n.Kind},
		{Key: "membership", Value: n.Membership},
		{Key: "theme", Value: n.Theme},
		{Key: "theme_basis", Value: n.ThemeBasis},
		{Key: "area", Value: n.Area},
		{Key: "actors", Value: []yamlnode.Field{
			{Key: "lead", Value: nonNil(n.Lead)},
			{Key: "partners", Value: nonNil(n.Partners)},
		}},
		{Key: "timescale", Value: []yamlnode.Field{{Key: "stated", Value: n.Timescale}}},
		{Key: "status", Value: n.LaunchStatus},
		{Key: "progress", Value: [][]yamlnode.Field{{
			{Key: "date", Value: yamlnode.Quoted(n.LaunchDate)},
			{Key: "status", Value: n.LaunchStatus},
			{Key: "note", Value: LaunchNote},
		}}},
		{Key: "sources", Value: sources},
	}
	body, err := yamlnode.Render(fields)
	if err != nil {
		return nil, err
	}
	return []byte(SchemaLine + "\n" + body), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// NextID returns the id after the highest one in use with prefix, at least
// two digits wide. Ids are never reused, so a gap left by a removed item
// stays a gap. The schema puts no bound on the digits, so the count is
// kept as a big number: TR-9223372036854775807 is followed by
// TR-9223372036854775808, not by a negative number.
func NextID(items []*dataset.Item, prefix string) string {
	highest := new(big.Int)
	for _, it := range items {
		p, num, ok := strings.Cut(it.ID, "-")
		if !ok || p != prefix || num == "" || strings.Trim(num, "0123456789") != "" {
			continue
		}
		if n, ok := new(big.Int).SetString(num, 10); ok && n.Cmp(highest) > 0 {
			highest = n
		}
	}
	next := highest.Add(highest, big.NewInt(1)).String()
	if len(next) < 2 {
		next = "0" + next
	}
	return prefix + "-" + next
}
