package check

import (
	"os"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

// BenchmarkValidateReal is what `strategy validate` does: load, then the
// cross-file rules.
func BenchmarkValidateReal(b *testing.B) {
	fsys := os.DirFS("../../data")
	for b.Loop() {
		s, err := dataset.Load(fsys, dataset.Options{Display: "data"})
		if err != nil {
			b.Fatal(err)
		}
		Run(s, Options{Today: "2026-01-01"})
	}
}
