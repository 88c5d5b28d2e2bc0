package site

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-workforce/strategy/internal/browsertest"
)

type crawlPage struct {
	Links  []string `json:"links"`
	Widths map[string]struct {
		Console  []string `json:"console"`
		Requests []string `json:"requests"`
		Overflow float64  `json:"overflow"`
		Status   int      `json:"status"`
		H1       string   `json:"h1"`
		Axe      []string `json:"axe"` // nil where axe-core did not run
		// On the front page: the search box at work.
		FormVisible bool `json:"formVisible"`
		Search      struct {
			Query   string   `json:"query"`
			Visible []string `json:"visible"`
		} `json:"search"`
		SearchNone bool `json:"searchNone"`
	} `json:"widths"`
}

// TestSiteInBrowser writes the real dataset's site to a folder and crawls it in headless Chromium from the front page, at a phone's
// width and a desktop's: every page loads with no console error and no
// sideways scrolling, fetches nothing outside the site, and every link
// inside the site resolves; every item's page is reached. axe-core's WCAG
// 2.1 A and AA rules pass on one page of each kind at both widths: a run
// costs seconds on a busy machine, and pages of a kind share a template.
func TestSiteInBrowser(t *testing.T) {
	tools := browsertest.Find(t)
	s := load(t, "../../data")
	site := build(t, s, Options{})
	dir := filepath.Join(t.TempDir(), "site")
	write(t, s, Options{}, dir)
	var res struct {
		Pages map[string]crawlPage `json:"pages"`
	}
	in := map[string]any{"widths": []int{390, 1280}, "axeEvery": 0}
	tools.Run(t, 9*time.Minute, "testdata/crawl.cjs", in, &res, "file://"+filepath.ToSlash(dir)+"/")
	axeRuns := 0
	for path, p := range res.Pages {
		if _, ok := site.Files[path]; !ok {
			t.Errorf("the crawl reached %s, which the site does not have", path)
		}
		for _, w := range []string{"390", "1280"} {
			r, ok := p.Widths[w]
			if !ok {
				t.Errorf("%s was not opened at %s px", path, w)
				continue
			}
			if len(r.Console) > 0 {
				t.Errorf("%s at %s px: console %q", path, w, r.Console)
			}
			if len(r.Requests) > 0 {
				t.Errorf("%s at %s px fetched %q", path, w, r.Requests)
			}
			if r.Overflow > 0 {
				t.Errorf("%s at %s px scrolls sideways by %.0f px", path, w, r.Overflow)
			}
			if r.Axe != nil {
				axeRuns++
			}
			if len(r.Axe) > 0 {
				t.Errorf("%s at %s px: axe-core finds %q", path, w, r.Axe)
			}
			if path == "index.html" {
				if !r.FormVisible || len(r.Search.Visible) != 1 || r.Search.Visible[0] != r.Search.Query || !r.SearchNone {
					t.Errorf("search at %s px: form shown %v, %q finds %q, nonsense shows the no-match line %v", w, r.FormVisible, r.Search.Query, r.Search.Visible, r.SearchNone)
				}
			}
			if r.H1 == "" {
				t.Errorf("%s at %s px: no h1", path, w)
			}
		}
		for _, l := range p.Links {
			target := l
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s links to %s, which does not exist", path, l)
			}
		}
	}
	// index, 404, themes/, actors/, a theme, an actor, an item: at each width
	if axeRuns < 2*7 {
		t.Errorf("axe-core ran %d times, want at least once per kind of page at each width", axeRuns)
	}
	for _, it := range s.Items {
		if _, ok := res.Pages["items/"+it.ID+"/index.html"]; !ok {
			t.Errorf("no link leads to %s's page", it.ID)
		}
	}
	if len(res.Pages) < len(s.Items)+5 {
		t.Errorf("the crawl reached only %d pages", len(res.Pages))
	}
}
