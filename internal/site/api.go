package site

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/open-workforce/strategy/internal/record"
	"github.com/open-workforce/strategy/internal/render"
	"github.com/open-workforce/strategy/internal/timeline"
)

// The API's files, under api/v1/. Their shapes are the commands' JSON
// contracts and are described by docs/api/v1/*.schema.json; a change that
// breaks them needs a v2 beside v1, never an edit of v1.
func (b *builder) api() error {
	if err := b.json(apiDir+"items.json", record.Items(b.s.Items, b.o.AsOf)); err != nil {
		return err
	}
	for _, it := range b.s.Items {
		// As `strategy show ID --format json` gives it: the log as it stood
		// on the day, with the derived actor type.
		if err := b.json(apiDir+"items/"+it.ID+".json", it.AsOf(b.o.AsOf)); err != nil {
			return err
		}
	}
	if err := b.json(apiDir+"summary.json", b.sum); err != nil {
		return err
	}
	// As `strategy timeline --format json` gives it: month by month from
	// publication to the day.
	tl, err := timeline.Compute(b.s, timeline.Options{To: b.o.AsOf, Today: b.o.AsOf})
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	return b.json(apiDir+"timeline.json", tl)
}

func (b *builder) json(path string, v any) error {
	var buf bytes.Buffer
	if err := render.JSON(&buf, v); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return b.add(path, buf.Bytes())
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// sitemap lists every page but the 404 page by its absolute URL. Without a
// base URL there is none: the protocol allows only absolute URLs.
func (b *builder) sitemap() error {
	if b.o.BaseURL == "" {
		return nil
	}
	var u urlset
	for _, p := range sortedCopy(b.html) {
		u.URLs = append(u.URLs, sitemapURL{Loc: b.absolute(p)})
	}
	out, err := xml.MarshalIndent(u, "", "  ")
	if err != nil {
		return err
	}
	return b.add("sitemap.xml", append(append([]byte(xml.Header), out...), '\n'))
}
