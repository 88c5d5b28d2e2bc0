package dataset_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/synth"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// synthetic writes a dataset of n items shaped like data/ into a temporary
// folder shared by the benchmark's runs.
func synthetic(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), strconv.Itoa(n))
	if err := synth.Generate(os.DirFS("../../data"), dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchLoad(b *testing.B, dir string) {
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for b.Loop() {
		s, err := dataset.Load(fsys, dataset.Options{Display: "data", OSRoot: dir})
		if err != nil || len(s.Findings) > 1 {
			b.Fatalf("load: %v %v", err, s.Findings)
		}
	}
}

func BenchmarkLoadReal(b *testing.B) { benchLoad(b, "../../data") }
func BenchmarkLoad1k(b *testing.B)   { benchLoad(b, synthetic(b, 1000)) }
func BenchmarkLoad10k(b *testing.B)  { benchLoad(b, synthetic(b, 10000)) }

// BenchmarkParseOnly10k parses the same 10,000 files with yamlnode.Parse
// alone (yaml.v3 plus the strict walk) on one core, the floor the full load is compared
// with.
func BenchmarkParseOnly10k(b *testing.B) {
	dir := synthetic(b, 10000)
	names, _ := filepath.Glob(filepath.Join(dir, "items", "*.yaml"))
	b.ResetTimer()
	for b.Loop() {
		for _, n := range names {
			src, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			if _, probs := yamlnode.Parse(src); len(probs) > 0 {
				b.Fatal(probs)
			}
		}
	}
}
