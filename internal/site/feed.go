package site

import (
	"cmp"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/sanitize"
)

// Atom (RFC 4287) documents. encoding/xml escapes every value; the text has
// had control characters removed first, which XML 1.0 cannot carry.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Links     []atomLink  `xml:"link"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published"`
	Links     []atomLink     `xml:"link"`
	Category  []atomCategory `xml:"category"`
	Summary   atomText       `xml:"summary"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// namespace makes the feeds' ids: name-based UUIDs (RFC 9562, version 5)
// under this tool's own namespace, made once. An id depends only on the
// item, the entry's place in its log and its date, so it stays the same
// wherever the site is served and whenever it is rebuilt.
var namespace = [16]byte{0x50, 0x79, 0xc7, 0x7e, 0x76, 0xec, 0x45, 0x08, 0x87, 0xb7, 0x45, 0xc8, 0xf1, 0x34, 0xab, 0x3b}

func uuid5(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// timestamp is a day as an RFC 3339 date-time, as Atom requires: the logs
// record days, so midnight UTC stands for the day.
func timestamp(day string) string { return day + "T00:00:00Z" }

// feedAuthor is who writes the entries: the dataset's maintainers, not the
// strategy's publisher.
const feedAuthor = "The maintainers of the strategy dataset"

func (b *builder) feeds() error {
	if err := b.feed(feedFile, indexPage, "", b.s.Items); err != nil {
		return err
	}
	for _, it := range b.s.Items {
		if err := b.feed(itemFeed(it.ID), itemPage(it.ID), sanitize.Line(it.ID)+": "+sanitize.Line(it.Title), []*dataset.Item{it}); err != nil {
			return err
		}
	}
	for _, a := range b.actors() {
		var items []*dataset.Item
		for _, it := range b.s.Items {
			for _, id := range it.AllActors() {
				if id == a.ID {
					items = append(items, it)
					break
				}
			}
		}
		what := "items naming " + sanitize.Line(cmp.Or(a.Short, a.Name)) + " as lead or partner"
		if err := b.feed(actorFeed(a.ID), actorPage(a.ID), what, items); err != nil {
			return err
		}
	}
	return nil
}

// href is the link from the feed at feed to the page at page: absolute with
// a base URL, relative to the feed without one.
func (b *builder) href(feed, page string) string {
	if b.o.BaseURL != "" {
		return b.absolute(page)
	}
	return rel(feed, page)
}

func (b *builder) feed(path, page, what string, items []*dataset.Item) error {
	site := "the strategy"
	if b.s.Strategy != nil && b.s.Strategy.Title != "" {
		site = sanitize.Line(b.s.Strategy.Title)
	}
	f := atomFeed{
		ID:        uuid5("feed:" + path),
		Title:     "Progress on " + site,
		Author:    atomPerson{Name: feedAuthor},
		Generator: "strategy site",
	}
	if what != "" {
		f.Title += ": " + what
	}
	f.Subtitle = "Each entry is a dated progress entry recorded after the strategy's launch, newest first."
	self := feedFile // relative to the feed itself
	if b.o.BaseURL != "" {
		self = b.o.BaseURL + path
	}
	f.Links = []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}, {Rel: "alternate", Type: "text/html", Href: b.href(path, page)}}
	evs := b.events(items)
	// With no entry the feed's date is the launch: nothing has changed since.
	f.Updated = timestamp(b.o.AsOf)
	if b.s.Strategy != nil && b.s.Strategy.Published != "" {
		f.Updated = timestamp(b.s.Strategy.Published)
	}
	if len(evs) > 0 {
		f.Updated = timestamp(evs[0].Entry.RecordedOn())
	}
	for _, e := range evs {
		f.Entries = append(f.Entries, b.entry(path, e))
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return b.add(path, append(append([]byte(xml.Header), out...), '\n'))
}

func (b *builder) entry(feed string, e event) atomEntry {
	it, en := e.Item, e.Entry
	status := b.statusName(e.Status)
	ae := atomEntry{
		ID:        uuid5(fmt.Sprintf("item:%s/progress/%d/%s", it.ID, e.Index+1, en.Date)),
		Title:     fmt.Sprintf("%s: %s. %s", sanitize.Line(it.ID), status, sanitize.Line(it.Title)),
		Updated:   timestamp(en.RecordedOn()), // an event found late is news when recorded
		Published: timestamp(en.Date),
		Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: b.href(feed, itemPage(it.ID)) + fmt.Sprintf("#log-%d", e.Index+1)}},
		Category:  []atomCategory{{Term: sanitize.Line(e.Status), Label: status}},
	}
	var text strings.Builder
	text.WriteString(sanitize.Line(strings.TrimSpace(en.Note)))
	if en.Recorded != "" && en.Recorded != en.Date {
		fmt.Fprintf(&text, " (Dated %s, recorded %s.)", en.Date, en.Recorded)
	}
	if e.Status != en.Status {
		fmt.Fprintf(&text, " (Recorded as %s; a later correction says %s.)", b.statusName(en.Status), status)
	}
	if ev := en.Evidence; ev != nil {
		l := newLink(ev.URL, cmp.Or(ev.Title, ev.Kind))
		if l.URL != "" {
			ae.Links = append(ae.Links, atomLink{Rel: "related", Href: l.URL})
			fmt.Fprintf(&text, " Evidence (%s, link %s): %s <%s>", sanitize.Line(ev.Kind), sanitize.Line(ev.Link), l.Text, l.URL)
		} else {
			fmt.Fprintf(&text, " Evidence (%s, link %s): %s (link withheld, not http or https)", sanitize.Line(ev.Kind), sanitize.Line(ev.Link), l.Text)
		}
	}
	ae.Summary = atomText{Type: "text", Text: text.String()}
	return ae
}
