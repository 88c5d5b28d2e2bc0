package query

import "testing"

func BenchmarkSelectReal(b *testing.B) {
	s := realData(b)
	f := Filter{Themes: []string{"train", "ar"}, Statuses: []string{"not-started", "in-progress"}, Search: "care", Stale: "6mo", AsOf: "2026-01-01"}
	for b.Loop() {
		items, err := Select(s, f)
		if err != nil {
			b.Fatal(err)
		}
		if err := Sort(s, items, "due", f.AsOf); err != nil {
			b.Fatal(err)
		}
	}
}
