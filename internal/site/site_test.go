package site

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-workforce/strategy/third_party/jsonschema"

	"github.com/open-workforce/strategy/internal/dataset"
)

// today is the fixed day the tests build on.
const today = "2026-11-27"

func load(t testing.TB, dir string) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS(dir), dataset.Options{Display: dir, OSRoot: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// memSite is a Sink that keeps the site in memory for the tests to read;
// the command streams into a folder instead.
type memSite struct {
	Files map[string][]byte
}

func (m *memSite) Put(path string, data []byte) error {
	m.Files[path] = data
	return nil
}

// Paths returns the site's file paths in order.
func (m *memSite) Paths() []string {
	return slices.Sorted(maps.Keys(m.Files))
}

func build(t testing.TB, s *dataset.Set, o Options) *memSite {
	t.Helper()
	if o.AsOf == "" {
		o.AsOf = today
	}
	site := &memSite{Files: map[string][]byte{}}
	if err := Build(s, o, site); err != nil {
		t.Fatal(err)
	}
	return site
}

// write builds the site as the command does, straight into dir.
func write(t testing.TB, s *dataset.Set, o Options, dir string) int {
	t.Helper()
	if o.AsOf == "" {
		o.AsOf = today
	}
	n, err := Write(t.Context(), s, o, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReproducible builds the real dataset twice, and writes it twice: the
// same bytes every time, file by file, and the folder holds what the build
// made in memory and the Marker, nothing else.
func TestReproducible(t *testing.T) {
	s := load(t, "../../data")
	o := Options{BaseURL: "https://example.org/strategy/"}
	a := build(t, s, o)
	b := build(t, load(t, "../../data"), o)
	if !slices.Equal(a.Paths(), b.Paths()) {
		t.Fatalf("two builds made different files")
	}
	for _, p := range a.Paths() {
		if !bytes.Equal(a.Files[p], b.Files[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	dirs := []string{filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "two")}
	for _, d := range dirs {
		if n := write(t, s, o, d); n != len(a.Files)+1 {
			t.Errorf("Write says %d files, want %d and the Marker", n, len(a.Files))
		}
	}
	x, y := tree(t, dirs[0]), tree(t, dirs[1])
	if !sameTree(x, y) {
		t.Errorf("two writes differ")
	}
	want := map[string]string{Marker: markerText}
	for p, data := range a.Files {
		want[p] = string(data)
	}
	if !sameTree(x, want) {
		t.Errorf("the written site differs from the one built in memory")
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestEveryItemHasItsFiles: a page, a feed and an API file for every item,
// a page and a feed for every actor, a page for every theme.
func TestEveryItemHasItsFiles(t *testing.T) {
	s := load(t, "../../data")
	site := build(t, s, Options{})
	want := []string{"index.html", "404.html", "feed.xml", "themes/index.html", "actors/index.html", "api/v1/items.json", "api/v1/summary.json", "api/v1/timeline.json"}
	for _, it := range s.Items {
		want = append(want, "items/"+it.ID+"/index.html", "items/"+it.ID+"/feed.xml", "api/v1/items/"+it.ID+".json")
	}
	for _, a := range s.Registry.Actors {
		want = append(want, "actors/"+a.ID+"/index.html", "actors/"+a.ID+"/feed.xml")
	}
	for _, th := range s.Strategy.Themes {
		want = append(want, "themes/"+th.ID+"/index.html")
	}
	for _, p := range want {
		if _, ok := site.Files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	if _, ok := site.Files["sitemap.xml"]; ok {
		t.Errorf("a sitemap without --base-url: its URLs must be absolute")
	}
	if _, ok := site.Files["plans/index.html"]; ok {
		t.Errorf("a plans page without plans")
	}
	index := string(site.Files["index.html"])
	for _, want := range []string{`<h2 id="progress-over-time">`, "<svg", `<h2 id="theme">`, `<h2 id="actor-type">`, `<h2 id="recent">`, `<h2 id="overdue">`, `id="coverage"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	page := string(site.Files["items/TR-02/index.html"])
	for _, want := range []string{"<h1>TR-02: ", "Progress log", "link read: our reading", `href="../../actors/dhsc/index.html"`, `href="../../themes/train/index.html"`} {
		if !strings.Contains(page, want) {
			t.Errorf("TR-02's page lacks %q", want)
		}
	}
}

// atom is what RFC 4287 requires of a feed and its entries, read back with
// encoding/xml.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Authors []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Updated   string     `xml:"updated"`
		Published string     `xml:"published"`
		Links     []atomLink `xml:"link"`
		Summary   string     `xml:"summary"`
		Authors   []struct {
			Name string `xml:"name"`
		} `xml:"author"`
	} `xml:"entry"`
}

func parseAtom(t *testing.T, name string, b []byte) atom {
	t.Helper()
	var f atom
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s is not Atom: %v", name, err)
	}
	absolute := func(what, id string) {
		if u, err := url.Parse(id); err != nil || u.Scheme == "" {
			t.Errorf("%s: %s %q is not an absolute IRI", name, what, id)
		}
	}
	stamp := func(what, v string) {
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			t.Errorf("%s: %s %q is not an RFC 3339 date-time", name, what, v)
		}
	}
	absolute("feed id", f.ID)
	stamp("feed updated", f.Updated)
	if f.Title == "" {
		t.Errorf("%s: no title", name)
	}
	feedAuthor := len(f.Authors) > 0 && f.Authors[0].Name != ""
	ids := map[string]bool{}
	for _, e := range f.Entries {
		absolute("entry id", e.ID)
		stamp("entry updated", e.Updated)
		if ids[e.ID] {
			t.Errorf("%s: entry id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if e.Title == "" {
			t.Errorf("%s: entry %s has no title", name, e.ID)
		}
		if !feedAuthor && len(e.Authors) == 0 {
			t.Errorf("%s: entry %s has no author, nor has the feed", name, e.ID)
		}
		if !slices.ContainsFunc(e.Links, func(l atomLink) bool { return l.Rel == "alternate" }) && e.Summary == "" {
			t.Errorf("%s: entry %s has neither an alternate link nor content", name, e.ID)
		}
	}
	return f
}

// progressAfterLaunch lists the progress entries dated after the strategy's
// publication and on or before day, as "ID date"; a correction is not an
// event of its own.
func progressAfterLaunch(s *dataset.Set, items []*dataset.Item, day string) []string {
	var out []string
	for _, it := range items {
		for _, e := range it.Progress {
			if e.Correction == nil && e.Date > s.Strategy.Published && e.Date <= day {
				out = append(out, it.ID+" "+e.Date)
			}
		}
	}
	return out
}

// TestFeeds parses every feed as Atom: the main feed has one entry per
// progress entry after launch, newest first, each linking to its item's
// page; each item's feed has that item's.
func TestFeeds(t *testing.T) {
	s := load(t, "../../data")
	for _, base := range []string{"", "https://example.org/strategy/"} {
		site := build(t, s, Options{BaseURL: base})
		f := parseAtom(t, "feed.xml", site.Files["feed.xml"])
		want := progressAfterLaunch(s, s.Items, today)
		if len(f.Entries) != len(want) || len(want) == 0 {
			t.Errorf("feed.xml has %d entries, want %d", len(f.Entries), len(want))
		}
		itemLink := regexp.MustCompile(`items/([A-Z]{2}-[0-9]+)/(?:index\.html)?#log-[0-9]+$`)
		var got []string
		for i, e := range f.Entries {
			if i > 0 && e.Updated > f.Entries[i-1].Updated {
				t.Errorf("entry %d (%s) is newer than the one before it", i, e.Updated)
			}
			var alt string
			for _, l := range e.Links {
				if l.Rel == "alternate" {
					alt = l.Href
				}
			}
			m := itemLink.FindStringSubmatch(alt)
			if m == nil || (base != "" && !strings.HasPrefix(alt, base)) {
				t.Errorf("entry %s links to %q, not an item page", e.ID, alt)
				continue
			}
			if _, ok := site.Files["items/"+m[1]+"/index.html"]; !ok {
				t.Errorf("entry %s links to %s, which has no page", e.ID, alt)
			}
			got = append(got, m[1]+" "+e.Published[:10])
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("feed entries %q, want %q", got, want)
		}
		for _, it := range s.Items {
			name := "items/" + it.ID + "/feed.xml"
			f := parseAtom(t, name, site.Files[name])
			if n := len(progressAfterLaunch(s, []*dataset.Item{it}, today)); len(f.Entries) != n {
				t.Errorf("%s: %d entries, want %d", name, len(f.Entries), n)
			}
		}
		for _, a := range s.Registry.Actors {
			parseAtom(t, "actors/"+a.ID+"/feed.xml", site.Files["actors/"+a.ID+"/feed.xml"])
		}
	}
}

// TestSitemap lists every page but the 404 page, by absolute URL.
func TestSitemap(t *testing.T) {
	s := load(t, "../../data")
	site := build(t, s, Options{BaseURL: "https://example.org/strategy"})
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(site.Files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range sm.URLs {
		got = append(got, u.Loc)
	}
	var pages int
	for _, p := range site.Paths() {
		if strings.HasSuffix(p, ".html") && p != "404.html" {
			pages++
			want := "https://example.org/strategy/" + strings.TrimSuffix(p, "index.html")
			if !slices.Contains(got, want) {
				t.Errorf("sitemap lacks %s", want)
			}
		}
	}
	if len(got) != pages {
		t.Errorf("sitemap has %d URLs for %d pages", len(got), pages)
	}
}

// schemaFor names the schema in docs/api/v1 that each API file follows.
func schemaFor(path string) string {
	switch {
	case path == "api/v1/items.json":
		return "items.schema.json"
	case path == "api/v1/summary.json":
		return "summary.schema.json"
	case path == "api/v1/timeline.json":
		return "timeline.schema.json"
	case strings.HasPrefix(path, "api/v1/items/"):
		return "item.schema.json"
	}
	return ""
}

// TestAPISchemas validates every api/v1 file of the real and example
// datasets' sites against its committed schema.
func TestAPISchemas(t *testing.T) {
	c := jsonschema.NewCompiler()
	schemas := map[string]*jsonschema.Schema{}
	names, _ := filepath.Glob("../../docs/api/v1/*.schema.json")
	if len(names) < 3 {
		t.Fatalf("schemas found: %q", names)
	}
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		id := "file:///" + filepath.Base(n)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
		if schemas[filepath.Base(n)], err = c.Compile(id); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
	for _, dir := range []string{"../../data", "../../testdata/example", "../../testdata/example-partial"} {
		site := build(t, load(t, dir), Options{})
		seen := 0
		for _, p := range site.Paths() {
			if !strings.HasPrefix(p, "api/") {
				continue
			}
			sch := schemas[schemaFor(p)]
			if sch == nil {
				t.Errorf("%s: no schema in docs/api/v1 describes it", p)
				continue
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(site.Files[p]))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s (%s) does not follow %s: %v", p, dir, schemaFor(p), err)
			}
			seen++
		}
		if seen < 3 {
			t.Errorf("%s: only %d API files", dir, seen)
		}
	}
}

// TestWriteIsSafe: a folder of other files is refused and left as it was;
// --force replaces it; a site is replaced by the next build without one.
func TestWriteIsSafe(t *testing.T) {
	s := load(t, "../../testdata/example")
	o := Options{AsOf: today}
	dir := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(t.Context(), s, o, dir, false); !errors.Is(err, ErrNotSite) {
		t.Fatalf("writing over a folder of other files: %v", err)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Fatalf("the refused folder was changed: %q %v", b, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("a refused write left files beside the folder: %v", entries)
	}
	if _, err := Write(t.Context(), s, o, dir, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(keep); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--force kept an old file: %v", err)
	}
	n := write(t, s, o, dir)
	if got, want := len(tree(t, dir)), len(build(t, s, o).Files)+1; got != want || n != want {
		t.Errorf("%d files written (Write says %d), want %d and the marker", got, n, want)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("building left temporary folders beside the site: %v", entries)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Write(t.Context(), s, o, file, true); err == nil {
		t.Errorf("writing over a file succeeded")
	}
}

// failAfter passes n files to sink, then fails: a disk that fills up
// halfway through a build.
type failAfter struct {
	sink Sink
	n    int
}

var errFull = errors.New("no space left on the test's device")

func (f *failAfter) Put(path string, data []byte) error {
	if f.n == 0 {
		return errFull
	}
	f.n--
	return f.sink.Put(path, data)
}

// writtenSite writes the example's site into public/ in a new folder, for
// tests of what a later build does to it: the dataset and options, the
// folder, the site's path, and its files as written.
func writtenSite(t *testing.T) (*dataset.Set, Options, string, string, map[string]string) {
	t.Helper()
	s := load(t, "../../testdata/example")
	o := Options{AsOf: today}
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	write(t, s, o, dir)
	return s, o, parent, dir, tree(t, dir)
}

// TestWriteFailsWhole: when writing stops partway, whether the build fails
// or the file system does, the site written before is untouched, a new
// folder is not created, and no temporary folder is left beside either.
func TestWriteFailsWhole(t *testing.T) {
	s, o, parent, dir, before := writtenSite(t)
	files := len(before) - 1
	if files < 20 {
		t.Fatalf("the example site has only %d files", files)
	}
	fresh := filepath.Join(parent, "fresh")
	fills := map[string]func(Sink) error{
		// The real build, stopped halfway by its sink.
		"sink fails halfway": func(sink Sink) error { return buildChecked(s, o, &failAfter{sink: sink, n: files / 2}) },
		// The real folder refusing a file: a folder is needed where a
		// file was written.
		"file system fails": func(sink Sink) error {
			if err := sink.Put("items/index.html", []byte("a page")); err != nil {
				return err
			}
			return sink.Put("items/index.html/index.html", []byte("another"))
		},
		"a path outside the site": func(sink Sink) error { return sink.Put("../escaped.html", nil) },
	}
	for name, fill := range fills {
		for _, target := range []string{dir, fresh} {
			_, err := replace(t.Context(), target, false, fill)
			if err == nil {
				t.Fatalf("%s: writing %s succeeded", name, target)
			}
			if name == "sink fails halfway" && !errors.Is(err, errFull) {
				t.Errorf("%s: the sink's error was lost: %v", name, err)
			}
			if name != "sink fails halfway" && !strings.Contains(err.Error(), "cannot write the site to "+target) {
				t.Errorf("%s: the error does not say which site: %v", name, err)
			}
		}
		if !sameTree(tree(t, dir), before) {
			t.Errorf("%s: the site written before was changed", name)
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Name() != "public" {
			t.Errorf("%s: left beside the site: %v", name, entries)
		}
	}
}

// midway passes each file on to sink and runs do once, after n files: the
// world changing while a build is half done.
type midway struct {
	sink Sink
	n    int
	do   func()
}

func (m *midway) Put(path string, data []byte) error {
	if m.n == 0 && m.do != nil {
		m.do()
		m.do = nil
	}
	m.n--
	return m.sink.Put(path, data)
}

// beside lists what is in parent, where only the site's own folder may be
// left once a write is over.
func beside(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestWriteStopsWhenCancelled: a build cancelled halfway (Ctrl-C) leaves the
// site written before as it was, creates no new folder, removes its
// unfinished one, and says nothing was written and why it stopped.
func TestWriteStopsWhenCancelled(t *testing.T) {
	s, o, parent, dir, before := writtenSite(t)
	files := len(before) - 1
	for _, target := range []string{dir, filepath.Join(parent, "fresh")} {
		ctx, cancel := context.WithCancelCause(t.Context())
		stop := errors.New("interrupt signal received")
		m := &midway{n: files / 2, do: func() { cancel(stop) }}
		_, err := replace(ctx, target, false, func(sink Sink) error {
			m.sink = sink
			return buildChecked(s, o, m)
		})
		cancel(nil)
		if !errors.Is(err, stop) || !strings.Contains(err.Error(), "nothing was written to "+target) {
			t.Errorf("%s: err = %v, want one that says the build was stopped and nothing written", target, err)
		}
		// m.n counts down once a file, to -1 at the one that cancels,
		// which must be the last.
		if m.n < -1 {
			t.Errorf("%s: the build went on for %d files after it was cancelled", target, -1-m.n)
		}
	}
	if !sameTree(tree(t, dir), before) {
		t.Errorf("the site written before was changed")
	}
	if got := beside(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("left beside the site: %v", got)
	}

	// Cancelled before it starts, through Write: nothing at all is made.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Write(ctx, s, o, filepath.Join(parent, "fresh"), false); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled Write: err = %v", err)
	}
	if got := beside(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("a cancelled Write left %v", got)
	}
}

// TestWriteLooksAgainBeforeSwap: a folder that stops being replaceable while
// the site is built (someone's file put in it, and no Marker) is not thrown
// away by the swap. Without --force the build is refused at the end and the
// file kept, whether the folder was empty, a site, or not there at the
// start; --force replaces it as asked.
func TestWriteLooksAgainBeforeSwap(t *testing.T) {
	s := load(t, "../../testdata/example")
	o := Options{AsOf: today}
	starts := map[string]func(t *testing.T, dir string){
		"empty folder": func(t *testing.T, dir string) {
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		},
		"a site":  func(t *testing.T, dir string) { write(t, s, o, dir) },
		"nothing": func(t *testing.T, dir string) {},
	}
	for name, start := range starts {
		for _, force := range []bool{false, true} {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			start(t, dir)
			notes := filepath.Join(dir, "notes.txt")
			add := func() {
				if err := os.Remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := replace(t.Context(), dir, force, func(sink Sink) error {
				return buildChecked(s, o, &midway{sink: sink, n: 5, do: add})
			})
			b, readErr := os.ReadFile(notes)
			if force {
				if err != nil {
					t.Errorf("%s, --force: %v", name, err)
				}
				if !errors.Is(readErr, fs.ErrNotExist) {
					t.Errorf("%s, --force: the folder was not replaced whole: %v", name, readErr)
				}
			} else {
				if !errors.Is(err, ErrChanged) || errors.Is(err, ErrNotSite) || !strings.Contains(err.Error(), "changed while the site was built") {
					t.Errorf("%s: err = %v, want a refusal that says the folder changed", name, err)
				}
				if readErr != nil || string(b) != "mine" {
					t.Errorf("%s: the file added during the build was lost: %q %v", name, b, readErr)
				}
			}
			if got := beside(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Errorf("%s, force %v: left beside the site: %v", name, force, got)
			}
		}
	}
}

// TestHostileData: nothing in the data becomes markup or a link that is not
// http(s) or inside the site, on any page or in any feed.
func TestHostileData(t *testing.T) {
	s := load(t, "../../testdata/hostile-example")
	site := build(t, s, Options{BaseURL: "https://example.org/"})
	href := regexp.MustCompile(`(?i)\bhref="([^"]*)"`)
	for _, p := range site.Paths() {
		page := string(site.Files[p])
		if strings.HasSuffix(p, ".json") {
			continue // data for scripts, as list --format json gives it: never shown as a page
		}
		if strings.Contains(page, "<script>alert") || strings.Contains(strings.ToLower(page), "<style>body") || strings.Contains(page, "\x1b") {
			t.Errorf("%s carries markup or escapes from the data", p)
		}
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if n := strings.Count(page, "<script"); n > 1 || (n == 1 && p != "index.html") {
			t.Errorf("%s has %d scripts", p, n)
		}
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			l := m[1]
			if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				continue
			}
			if strings.Contains(l, ":") {
				t.Errorf("%s links to %q", p, l)
			}
		}
	}
	if err := Build(s, Options{AsOf: today, BaseURL: "javascript:alert(1)"}, &memSite{Files: map[string][]byte{}}); err == nil {
		t.Errorf("a javascript: base URL was accepted")
	}
}

// TestUnsafeIDRefused: an id that cannot name a folder stops the build
// before any file is put, in memory or on disk.
func TestUnsafeIDRefused(t *testing.T) {
	s := load(t, "../../testdata/example")
	s.Items[1].ID = "../../etc"
	site := &memSite{Files: map[string][]byte{}}
	if err := Build(s, Options{AsOf: today}, site); err == nil || !strings.Contains(err.Error(), "cannot name a page") {
		t.Errorf("err = %v", err)
	}
	if len(site.Files) != 0 {
		t.Errorf("the refused build put %d files", len(site.Files))
	}
	parent := t.TempDir()
	if _, err := Write(t.Context(), s, Options{AsOf: today}, filepath.Join(parent, "public"), false); err == nil || !strings.Contains(err.Error(), "cannot name a page") {
		t.Errorf("err = %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("the refused build wrote %v", entries)
	}
}

// TestItemsJSONIsListContract: api/v1/items.json decodes to the same keys,
// in the same order, as list's records, one per item.
func TestItemsJSONIsListContract(t *testing.T) {
	s := load(t, "../../data")
	site := build(t, s, Options{})
	var recs []map[string]any
	if err := json.Unmarshal(site.Files["api/v1/items.json"], &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(s.Items) {
		t.Fatalf("%d records for %d items", len(recs), len(s.Items))
	}
	for i, it := range s.Items {
		if recs[i]["id"] != it.ID {
			t.Errorf("record %d is %v, want %s", i, recs[i]["id"], it.ID)
		}
	}
}
