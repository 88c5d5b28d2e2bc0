package schema

import (
	"sync"
	"testing"
)

// BenchmarkCompile measures what every process pays once: compiling the
// embedded schemas.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		once = sync.Once{}
		once.Do(load)
	}
}
