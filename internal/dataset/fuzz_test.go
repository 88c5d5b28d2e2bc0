package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes as an item file. Loading must never panic,
// and every finding about the file must name a line and column in it.
func FuzzLoad(f *testing.F) {
	base := "../cli/testdata/base"
	seeds, _ := filepath.Glob(filepath.Join(base, "items", "*.yaml"))
	real, _ := filepath.Glob("../../data/items/*.yaml")
	for _, p := range append(seeds, real...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "- a", "a: &x 1\nb: *x", "a: [", "\xff", "id: AR-01\nid: AR-02", "a: !t 1", "d: 2024-01-01"} {
		f.Add([]byte(s))
	}
	strategy, err := os.ReadFile(filepath.Join(base, StrategyFile))
	if err != nil {
		f.Fatal(err)
	}
	actors, err := os.ReadFile(filepath.Join(base, ActorsFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, item []byte) {
		fsys := fstest.MapFS{
			StrategyFile:       {Data: strategy},
			ActorsFile:         {Data: actors},
			"items/AR-01.yaml": {Data: item},
		}
		s, err := Load(fsys, Options{Display: "data"})
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range s.Findings {
			if !strings.HasPrefix(fd.Path, "data/items/") {
				continue
			}
			if fd.Line < 1 || fd.Column < 1 {
				t.Errorf("finding without a position: %+v", fd)
			}
		}
	})
}
