package cli

import (
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
)

// TestDatasetNeeds: what a load keeps is its caller's explicit choice, and a
// load without prose never serves a later one that needs it.
func TestDatasetNeeds(t *testing.T) {
	ios, _, _ := iostreams.Test()
	f := exampleFactory(ios)
	hasProse := func(n need) bool {
		s, err := f.Dataset(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range s.Items {
			if it.Summary != "" {
				return true
			}
		}
		return false
	}
	if hasProse(needFigures) {
		t.Error("needFigures kept item summaries")
	}
	if !hasProse(needProse) {
		t.Error("needProse after needFigures served the set without prose")
	}
	first, _ := f.Dataset(needProse)
	if again, _ := f.Dataset(needFigures); again != first {
		t.Error("a set with prose was read again for a load that needs less")
	}
}
