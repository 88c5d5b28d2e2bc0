package schema

import (
	"sync"
	"testing"
)

// BenchmarkCompile measures what every process that loads a dataset pays
// once: compiling the item, actors and strategy schemas.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		once = sync.Once{}
		for _, k := range []Kind{Item, Actors, Strategy} {
			if _, err := get(k); err != nil {
				b.Fatal(err)
			}
		}
	}
}
