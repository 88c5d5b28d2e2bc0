package summary

import (
	"os"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
)

func BenchmarkComputeReal(b *testing.B) {
	s, err := dataset.Load(os.DirFS("../../data"), dataset.Options{Display: "data"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Compute(s, "2025-07-18")
		Claims(s)
	}
}
