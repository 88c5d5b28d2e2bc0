package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/synth"
)

// BenchmarkBuild builds the site for the real dataset and for generated
// ones of 1,000 and 10,000 items (copies of real items) into a sink that
// keeps nothing, as the command's folder keeps nothing in memory: the time
// and bytes per item should stay flat as the dataset grows. bench/run.sh
// times the whole command, writing included.
func BenchmarkBuild(b *testing.B) {
	b.Run("real", func(b *testing.B) { benchBuild(b, "../../data") })
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "data")
			if err := synth.Generate(os.DirFS("../../data"), dir, n); err != nil {
				b.Fatal(err)
			}
			benchBuild(b, dir)
		})
	}
}

func benchBuild(b *testing.B, dir string) {
	s, err := dataset.Load(os.DirFS(dir), dataset.Options{Display: dir})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Build(s, Options{AsOf: today, BaseURL: "https://example.org/"}, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s.Items)), "ns/item")
}

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }
