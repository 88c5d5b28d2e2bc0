// Package dataset loads the strategy dataset (strategy.yaml, actors.yaml and
// one file per item under items/) from a folder or the embedded snapshot. It
// checks each file's YAML and schema, keeps every finding with its position,
// and derives what is never typed in (each item's actor type).
package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/fserr"
	"github.com/open-workforce/strategy/internal/safefile"
	"github.com/open-workforce/strategy/internal/schema"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// MaxFileSize bounds a data file. The largest real item is a few kilobytes;
// a bound keeps a huge or hostile file from costing time or memory.
const MaxFileSize = 1 << 20

// Well-known names inside a dataset folder.
const (
	StrategyFile = "strategy.yaml"
	ActorsFile   = "actors.yaml"
	ItemsDir     = "items"
)

// Options says where a dataset comes from.
type Options struct {
	Display string // path prefix shown in findings, e.g. "data"
	Name    string // how sentences name the dataset ("the bundled dataset"); Display when empty
	Bundled bool   // the snapshot built into the binary
	OSRoot  string // the folder on disk, for symlink checks; "" for an embedded FS
	Workers int    // parallel file readers; 0 means GOMAXPROCS
	Lean    bool   // drop prose (summaries, notes, titles of sources) once checked: for validation of large datasets
}

// lstat is os.Lstat; a variable so tests need not create real symlinks on
// systems that cannot.
var lstat = os.Lstat

// Set is a loaded dataset. Items holds every item file that could be read and
// decoded, sorted by id; Findings holds every problem met while loading.
type Set struct {
	Display     string
	Strategy    *Strategy
	StrategyDoc *yamlnode.Doc
	Registry    *Registry
	RegistryDoc *yamlnode.Doc
	Items       []*Item
	ItemFiles   int // item files found, readable or not
	// Bundled is set for the snapshot built into the binary.
	Bundled bool
	// Stated is set on a copy narrowed by StatedOnly.
	Stated   bool
	Findings []finding.Finding

	actors map[string]*Actor
	types  map[string]*ActorType
	name   string
}

// Name is how a sentence names the dataset: its folder, or "the bundled
// dataset" for the snapshot built into the binary.
func (s *Set) Name() string {
	if s.name != "" {
		return s.name
	}
	return s.Display
}

// ErrNoDataset reports a folder that does not exist or cannot be listed:
// nothing can run, which is not the same as a dataset with errors.
var ErrNoDataset = errors.New("no dataset")

// Load reads the dataset in fsys. It returns an error only when there is no
// dataset to speak of; every problem inside one becomes a finding.
func Load(fsys fs.FS, opts Options) (*Set, error) {
	if _, err := fs.Stat(fsys, "."); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoDataset, opts.Display, fserr.Bare(err))
	}
	// A folder with none of the dataset's parts is the wrong folder, not a
	// broken dataset: there is nothing to report findings about.
	found := false
	for _, name := range []string{StrategyFile, ActorsFile, ItemsDir} {
		if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("%w: %s holds none of %s, %s or %s/", ErrNoDataset, opts.Display, StrategyFile, ActorsFile, ItemsDir)
	}
	s := &Set{Display: opts.Display, name: opts.Name, Bundled: opts.Bundled}
	l := &loader{fsys: fsys, opts: opts, set: s, schemaFailed: map[string]bool{}, plain: map[string]bool{}}

	if doc := l.readDoc(StrategyFile, schema.Strategy, true); doc != nil {
		var st Strategy
		if l.decode(StrategyFile, doc, &st) {
			s.Strategy, s.StrategyDoc = &st, doc
		}
	}
	if doc := l.readDoc(ActorsFile, schema.Actors, true); doc != nil {
		var reg Registry
		if l.decode(ActorsFile, doc, &reg) {
			s.Registry, s.RegistryDoc = &reg, doc
		}
	}
	names := l.itemNames()
	s.ItemFiles = len(names)
	s.Items = l.loadItems(names)
	s.index()
	for _, it := range s.Items {
		it.ActorType = s.DeriveActorType(it)
	}
	return s, nil
}

type loader struct {
	fsys fs.FS
	opts Options
	set  *Set
	mu   sync.Mutex

	schemaFailed map[string]bool // files whose schema violations are already reported
	plain        map[string]bool // item files the folder listing showed are not symlinks
}

// Path returns the path shown to the user for a name inside the dataset.
func (o Options) Path(name string) string {
	if o.Display == "" || o.Display == "." {
		return name
	}
	return path.Join(filepath.ToSlash(o.Display), name)
}

func (l *loader) add(f finding.Finding) {
	l.mu.Lock()
	l.set.Findings = append(l.set.Findings, f)
	l.mu.Unlock()
}

func (l *loader) errorf(name string, pos yamlnode.Pos, rule, format string, args ...any) {
	l.add(finding.Finding{Path: l.opts.Path(name), Line: pos.Line, Column: pos.Col, Rule: rule, Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
}

func (l *loader) itemNames() []string {
	if l.opts.OSRoot != "" {
		if msg := l.outside(ItemsDir); msg != "" {
			l.errorf(ItemsDir, yamlnode.Pos{}, "file-symlink", "%s", msg)
			return nil
		}
	}
	entries, err := fs.ReadDir(l.fsys, ItemsDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.add(finding.Finding{Path: l.opts.Path(ItemsDir), Rule: "missing-file", Severity: finding.Error, Message: "the items folder is missing: items live in items/<ID>.yaml"})
		} else {
			l.add(finding.Finding{Path: l.opts.Path(ItemsDir), Rule: "file-unreadable", Severity: finding.Error, Message: fmt.Sprintf("cannot list the items folder: %v", fserr.Bare(err))})
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		ext := path.Ext(n)
		if ext != ".yaml" && ext != ".yml" {
			continue // READMEs and the like sit beside items without being items
		}
		name := path.Join(ItemsDir, n)
		if e.Type()&fs.ModeSymlink == 0 {
			l.plain[name] = true
		}
		names = append(names, name)
	}
	return names
}

func (l *loader) loadItems(names []string) []*Item {
	workers := l.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(len(names), 1))
	results := make([]*Item, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			in := interner{}
			for i := range next {
				results[i] = l.loadItem(names[i], in)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	items := slices.DeleteFunc(results, func(it *Item) bool { return it == nil })
	slices.SortStableFunc(items, func(a, b *Item) int { return strings.Compare(strings.ToUpper(a.ID), strings.ToUpper(b.ID)) })
	// Two files with one id would count one item twice in every figure:
	// the first file (in name order) stands, the others are findings.
	kept := items[:0]
	for _, it := range items {
		if n := len(kept); n > 0 && strings.EqualFold(kept[n-1].ID, it.ID) {
			f := finding.Finding{Path: it.Path, Rule: "duplicate-id", Severity: finding.Error,
				Message: fmt.Sprintf("id %s is already used by %s; this file is left out of every figure", it.ID, kept[n-1].Path)}
			f.Place(it.Doc, false, "id")
			l.add(f)
			continue
		}
		kept = append(kept, it)
	}
	clear(items[len(kept):])
	return kept
}

func (l *loader) loadItem(name string, in interner) *Item {
	doc := l.readDoc(name, schema.Item, false)
	if doc == nil {
		return nil
	}
	var it Item
	if !l.decode(name, doc, &it) {
		return nil
	}
	if l.opts.Lean {
		it.dropProse()
	}
	it.share(in)
	it.Path = l.opts.Path(name)
	it.Doc = doc
	fsys := l.fsys
	doc.Release(func() (io.ReadCloser, error) {
		f, err := fsys.Open(name)
		return f, fserr.Bare(err)
	})
	return &it
}

// readDoc reads, parses and schema-checks one file. It returns nil when the
// file cannot be used at all; problems become findings either way.
func (l *loader) readDoc(name string, kind schema.Kind, required bool) *yamlnode.Doc {
	src, ok := l.read(name, required)
	if !ok {
		return nil
	}
	doc, probs := yamlnode.Parse(src)
	for _, p := range probs {
		l.errorf(name, p.Pos, p.Rule, "%s", p.Message)
	}
	if doc == nil {
		return nil
	}
	vs, err := schema.Check(kind, doc, probs)
	if err != nil {
		l.errorf(name, yamlnode.Pos{}, "schema", "cannot apply the %s schema: %v", kind, err)
		return nil
	}
	for _, v := range vs {
		l.errorf(name, v.Pos, v.Rule, "%s", v.Message)
	}
	if len(vs) > 0 {
		l.mu.Lock()
		l.schemaFailed[name] = true
		l.mu.Unlock()
	}
	if doc.Cut() {
		// A list runs past any bound: the value is too costly to decode.
		return nil
	}
	// The strict YAML checks failed: the value is unreliable for decoding,
	// except for an unquoted date, which decodes into its string field as
	// written. Such an item still counts, so one slip does not hide it
	// from every figure.
	for _, p := range probs {
		if p.Rule != "yaml-unquoted-date" {
			return nil
		}
	}
	return doc
}

// decode fills v from doc. A schema-invalid document can still decode, so the
// cross-file checks run on as much as possible; a decode failure means the
// shape is too far off, already reported by the schema.
func (l *loader) decode(name string, doc *yamlnode.Doc, v any) bool {
	if err := doc.Decode(v); err != nil {
		l.mu.Lock()
		explained := l.schemaFailed[name]
		l.mu.Unlock()
		if explained {
			return false
		}
		l.errorf(name, yamlnode.Pos{Line: 1, Col: 1}, "wrong-type", "cannot read the file's fields: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return false
	}
	return true
}

func (l *loader) read(name string, required bool) ([]byte, bool) {
	if l.opts.OSRoot != "" && !l.plain[name] {
		if msg := l.outside(name); msg != "" {
			l.errorf(name, yamlnode.Pos{}, "file-symlink", "%s", msg)
			return nil, false
		}
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if required {
				l.add(finding.Finding{Path: l.opts.Path(name), Rule: "missing-file", Severity: finding.Error, Message: fmt.Sprintf("%s is missing from the dataset folder", name)})
			}
			return nil, false
		}
		if errors.Is(err, safefile.ErrOutside) {
			// The link was changed after the check above.
			l.errorf(name, yamlnode.Pos{}, "file-symlink", "%v", fserr.Bare(err))
			return nil, false
		}
		l.errorf(name, yamlnode.Pos{}, "file-unreadable", "cannot read: %v", fserr.Bare(err))
		return nil, false
	}
	defer f.Close()
	src, err := safefile.ReadAtMost(f, MaxFileSize)
	if errors.Is(err, safefile.ErrIsDir) {
		l.errorf(name, yamlnode.Pos{}, "file-unreadable", "%v", err)
		return nil, false
	}
	if err != nil {
		l.errorf(name, yamlnode.Pos{}, "file-unreadable", "cannot read: %v", fserr.Bare(err))
		return nil, false
	}
	if len(src) > MaxFileSize {
		// Placed where the limit falls, as for plans: the place the
		// file stops being read.
		line := bytes.Count(src[:MaxFileSize], []byte("\n")) + 1
		l.errorf(name, yamlnode.Pos{Line: line, Col: 1}, "file-too-large", "file is larger than %d KiB (the limit falls on this line); a data file is a few KiB", MaxFileSize>>10)
		return nil, false
	}
	return src, true
}

// outside explains why name may not be read: a symlink whose target lies
// outside the dataset folder. It returns "" when reading is fine.
func (l *loader) outside(name string) string { return (l.opts).Outside(name) }

// Outside explains why name, inside the dataset folder on disk, may not be
// read: a symlink whose target lies outside the folder. It returns "" when
// reading is fine, and always for an embedded dataset.
func (o Options) Outside(name string) string {
	if o.OSRoot == "" {
		return ""
	}
	full := filepath.Join(o.OSRoot, filepath.FromSlash(name))
	st, err := lstat(full)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		return fmt.Sprintf("symlink cannot be followed: %v", fserr.Bare(err))
	}
	root, err := filepath.EvalSymlinks(o.OSRoot)
	if err != nil {
		return fmt.Sprintf("cannot resolve the dataset folder: %v", fserr.Bare(err))
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "symlink points outside the dataset folder; refusing to read it"
	}
	return ""
}

func (s *Set) index() {
	s.actors = map[string]*Actor{}
	s.types = map[string]*ActorType{}
	if s.Registry == nil {
		return
	}
	for i := range s.Registry.Types {
		t := &s.Registry.Types[i]
		if _, dup := s.types[t.ID]; !dup {
			s.types[t.ID] = t
		}
	}
	for i := range s.Registry.Actors {
		a := &s.Registry.Actors[i]
		if _, dup := s.actors[a.ID]; !dup {
			s.actors[a.ID] = a
		}
	}
}

// Actor returns the registry entry for id, or nil.
func (s *Set) Actor(id string) *Actor { return s.actors[id] }

// IsGovernment reports whether actor id is government, and whether that is
// known at all.
func (s *Set) IsGovernment(id string) (gov, known bool) {
	a := s.actors[id]
	if a == nil {
		return false, false
	}
	t := s.types[a.Type]
	if t == nil {
		return false, false
	}
	return t.Government, true
}

// DeriveActorType classifies an item by who must act: government-only when
// every actor is government, government-with-sector when some are,
// sector-only when none are, unknown when no actor is named or known.
func (s *Set) DeriveActorType(it *Item) string {
	gov, other := 0, 0
	for _, id := range it.AllActors() {
		g, known := s.IsGovernment(id)
		switch {
		case !known:
		case g:
			gov++
		default:
			other++
		}
	}
	switch {
	case gov > 0 && other == 0:
		return GovernmentOnly
	case gov > 0:
		return GovernmentWithSector
	case other > 0:
		return SectorOnly
	}
	return ActorTypeUnknown
}

// Theme returns the theme with id, or nil.
func (s *Set) Theme(id string) *Theme {
	if s.Strategy == nil {
		return nil
	}
	for i := range s.Strategy.Themes {
		if s.Strategy.Themes[i].ID == id {
			return &s.Strategy.Themes[i]
		}
	}
	return nil
}

// Item returns the item with id (case-insensitive), or nil.
func (s *Set) Item(id string) *Item {
	for _, it := range s.Items {
		if strings.EqualFold(it.ID, id) {
			return it
		}
	}
	return nil
}

// MaxDeclared is the schema's bound on declared_items. A count past it is a
// finding, and the figures fall back to the items present rather than divide
// by a number no strategy declares.
const MaxDeclared = 10000

// Declared returns how many items the strategy declares, or the number
// present when the metadata is unusable.
func (s *Set) Declared() int {
	if s.Strategy != nil && s.Strategy.DeclaredItems > 0 && s.Strategy.DeclaredItems <= MaxDeclared {
		return s.Strategy.DeclaredItems
	}
	return len(s.Items)
}

// StatedOnly returns a copy of s in which every item keeps only the progress
// its sources themselves tie to it (evidence link: stated), with the status
// that gives: the figures as they stand without our own reading.
func (s *Set) StatedOnly() *Set {
	c := *s
	c.Stated = true
	c.Items = make([]*Item, len(s.Items))
	for i, it := range s.Items {
		c.Items[i] = it.StatedAsOf("9999-12-31")
	}
	return &c
}

// LatestEntry is the newest day anything was recorded in an item's log:
// how fresh the dataset is.
func (s *Set) LatestEntry() string {
	latest := ""
	for _, it := range s.Items {
		for i := range it.Progress {
			latest = max(latest, it.Progress[i].RecordedOn())
		}
	}
	return latest
}
