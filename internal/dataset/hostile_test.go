package dataset

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/memfs"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Files within the size limit whose shape is hostile: each costs a few
// findings, never one per key or entry, and never work that grows with the
// square of the file. The inputs sit at the limits (1 MiB).
type hostileCase struct {
	name  string
	src   string
	rules []string // every finding about the file
}

// hostileItems are item files at the 1 MiB limit whose shape is hostile.
func hostileItems() []hostileCase {
	plain := item("AR-02", "attract-and-retain", "careers", "dhsc")
	// fill starts with prefix and adds lines until the file is at the
	// size limit.
	fill := func(prefix string, line func(i int) string) string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; b.Len() < MaxFileSize-64; i++ {
			b.WriteString(line(i))
		}
		return b.String()
	}
	return []hostileCase{
		{
			name:  "distinct keys at the top",
			src:   fill(plain, func(i int) string { return fmt.Sprintf("k%x: 1\n", i) }),
			rules: []string{"yaml-too-large"},
		},
		{
			name:  "distinct keys in a nested mapping",
			src:   fill(plain+"extra:\n", func(i int) string { return fmt.Sprintf("  z%d: x\n", i) }),
			rules: []string{"yaml-too-large"},
		},
		{
			name: "many mappings just under the key bound",
			src: fill(plain+"extra:\n", func(i int) string {
				if i%yamlnode.MaxKeys == 0 {
					return fmt.Sprintf("  - k%d: 1\n", i)
				}
				return fmt.Sprintf("    k%d: 1\n", i)
			}),
			rules: []string{"unknown-field"},
		},
		{
			name:  "duplicate lead entries, flow style",
			src:   strings.Replace(plain, "lead: [dhsc]", "lead: [x"+strings.Repeat(",x", 300000)+"]", 1),
			rules: []string{"schema", "too-many"},
		},
		{
			name:  "distinct lead entries, block style",
			src:   fill(strings.Replace(plain, "actors:\n  lead: [dhsc]\n  partners: []\n", "", 1)+"actors:\n  partners: []\n  lead:\n", func(i int) string { return fmt.Sprintf("    - a%d\n", i) }),
			rules: []string{"too-many"},
		},
		{
			name:  "a long list where text belongs",
			src:   fill(plain+"wording:\n", func(i int) string { return "  - x\n" }),
			rules: []string{"invalid-value"},
		},
	}
}

func TestLoadHostileShapes(t *testing.T) {
	for _, tt := range hostileItems() {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.src) > MaxFileSize {
				t.Fatalf("input is %d bytes, over the limit", len(tt.src))
			}
			fsys := memfs.Overlay{Base: os.DirFS(base), Files: memfs.FS{"items/AR-02.yaml": []byte(tt.src)}}
			s, err := Load(fsys, Options{Display: "data"})
			if err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, f := range s.Findings {
				if f.Path == "data/items/AR-02.yaml" {
					rules = append(rules, f.Rule)
				}
			}
			slices.Sort(rules)
			if !slices.Equal(rules, slices.Sorted(slices.Values(tt.rules))) {
				if len(rules) > 10 {
					rules = append(rules[:10], fmt.Sprintf("... %d in all", len(rules)))
				}
				t.Errorf("findings %v, want %v", rules, tt.rules)
			}
		})
	}
}

// A declared total no strategy could have falls back to the items present,
// so no figure divides by it or loops up to it.
func TestDeclaredOutOfRange(t *testing.T) {
	for _, n := range []int{MaxDeclared + 1, 1 << 62} {
		s := &Set{Strategy: &Strategy{DeclaredItems: n}, Items: []*Item{{ID: "AR-01"}}}
		if got := s.Declared(); got != 1 {
			t.Errorf("Declared with %d declared = %d, want 1", n, got)
		}
	}
}

// BenchmarkLoadHostile loads the example dataset with one hostile item at
// the size limit: each should cost about what any 1 MiB file costs to parse
// (go test -bench LoadHostile ./internal/dataset).
func BenchmarkLoadHostile(b *testing.B) {
	for _, tt := range hostileItems() {
		b.Run(tt.name, func(b *testing.B) {
			fsys := memfs.Overlay{Base: os.DirFS(base), Files: memfs.FS{"items/AR-02.yaml": []byte(tt.src)}}
			for b.Loop() {
				if _, err := Load(fsys, Options{Display: "data"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Thousands of unknown keys, each in a mapping under the key bound, cost
// a bounded number of findings: the schema's first few and one for the rest.
func TestLoadManyUnknownKeysIsBounded(t *testing.T) {
	src := item("AR-02", "attract-and-retain", "careers", "dhsc")
	// Progress entries of unknown keys only, before the launch entry.
	var extra strings.Builder
	for i := 0; len(src)+extra.Len() < MaxFileSize-64; i++ {
		if i%(yamlnode.MaxKeys-1) == 0 {
			fmt.Fprintf(&extra, "  - k%d: 1\n", i)
		} else {
			fmt.Fprintf(&extra, "    k%d: 1\n", i)
		}
	}
	src = strings.Replace(src, "progress:\n", "progress:\n"+extra.String(), 1)
	if len(src) > MaxFileSize {
		t.Fatalf("input is %d bytes", len(src))
	}
	fsys := memfs.Overlay{Base: os.DirFS(base), Files: memfs.FS{"items/AR-02.yaml": []byte(src)}}
	s, err := Load(fsys, Options{Display: "data"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range s.Findings {
		if f.Path == "data/items/AR-02.yaml" {
			n++
		}
	}
	if n < 100 || n > 250 {
		t.Errorf("%d findings about the file, want the first 200 or so and one for the rest", n)
	}
}
