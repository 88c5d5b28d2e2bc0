// Package record holds the published shape of an item for scripts: the
// records of `strategy list --format json|yaml` and of the site's
// api/v1/items.json. Both are built here so the two can never drift apart;
// docs/api/v1/items.schema.json describes them.
package record

import (
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
)

// Item is one item as a record: key names and values are spelled as in the
// data files, "status" is the status on the day asked for.
type Item struct {
	ID           string  `json:"id" yaml:"id"`
	Title        string  `json:"title" yaml:"title"`
	Summary      string  `json:"summary" yaml:"summary"`
	Kind         string  `json:"kind" yaml:"kind"`
	Membership   string  `json:"membership" yaml:"membership"`
	Theme        string  `json:"theme" yaml:"theme"`
	Area         string  `json:"area" yaml:"area"`
	Status       string  `json:"status" yaml:"status"`
	Due          *string `json:"due" yaml:"due"`
	Timescale    string  `json:"timescale" yaml:"timescale"`
	Actors       Actors  `json:"actors" yaml:"actors"`
	ActorType    string  `json:"actor_type" yaml:"actor_type"`
	LastEvidence *string `json:"last_evidence" yaml:"last_evidence"`
	File         string  `json:"file" yaml:"file"`
}

// Actors are an item's lead and partner actor ids, never null.
type Actors struct {
	Lead     []string `json:"lead" yaml:"lead"`
	Partners []string `json:"partners" yaml:"partners"`
}

// NewItem makes the record of it as its log stood on asOf (YYYY-MM-DD).
func NewItem(it *dataset.Item, asOf string) Item {
	return Item{
		ID: it.ID, Title: it.Title, Summary: it.Summary, Kind: it.Kind, Membership: it.Membership, Theme: it.Theme, Area: it.Area,
		Status:       query.Status(it, asOf),
		Due:          orNil(it.Timescale.Due),
		Timescale:    it.Timescale.Stated,
		Actors:       Actors{Lead: OrEmpty(it.Actors.Lead), Partners: OrEmpty(it.Actors.Partners)},
		ActorType:    it.ActorType,
		LastEvidence: orNil(query.LastEvidenceOn(it, asOf)),
		File:         it.Path,
	}
}

// Items makes the records of items, never nil, so that none is "[]".
func Items(items []*dataset.Item, asOf string) []Item {
	out := make([]Item, 0, len(items))
	for _, it := range items {
		out = append(out, NewItem(it, asOf))
	}
	return out
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// OrEmpty returns ss, or an empty list for nil, so JSON shows [] not null.
func OrEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
