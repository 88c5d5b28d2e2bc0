// Package synth writes synthetic datasets of any size for benchmarks. Each
// item is a copy of a real item with a new id, so the files have the real
// dataset's shape, size and references; strategy.yaml declares exactly the
// number written, so the copies validate as the real data does.
package synth

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

var idLine = regexp.MustCompile(`(?m)^id: ([A-Z]{2})-[0-9]+$`)
var declaredLine = regexp.MustCompile(`(?m)^declared_items: [0-9]+$`)

// Generate writes a dataset of n items to dir (created if needed), built
// from the real dataset in src (strategy.yaml, actors.yaml, items/,
// schema/).
func Generate(src fs.FS, dir string, n int) error {
	names, err := fs.Glob(src, "items/*.yaml")
	if err != nil || len(names) == 0 {
		return fmt.Errorf("no items to copy in the source dataset")
	}
	var templates [][]byte
	for _, name := range names {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		if !idLine.Match(b) {
			return fmt.Errorf("%s: no id line to rewrite", name)
		}
		templates = append(templates, b)
	}
	if err := os.MkdirAll(filepath.Join(dir, "items"), 0o755); err != nil {
		return err
	}
	st, err := fs.ReadFile(src, "strategy.yaml")
	if err != nil {
		return err
	}
	st = declaredLine.ReplaceAll(st, fmt.Appendf(nil, "declared_items: %d", n))
	if err := os.WriteFile(filepath.Join(dir, "strategy.yaml"), st, 0o644); err != nil {
		return err
	}
	if err := copyFile(src, "actors.yaml", dir); err != nil {
		return err
	}
	schemas, _ := fs.Glob(src, "schema/*.json")
	if len(schemas) > 0 {
		if err := os.MkdirAll(filepath.Join(dir, "schema"), 0o755); err != nil {
			return err
		}
		for _, s := range schemas {
			if err := copyFile(src, s, dir); err != nil {
				return err
			}
		}
	}
	next := map[string]int{}
	for i := range n {
		t := templates[i%len(templates)]
		prefix := string(idLine.FindSubmatch(t)[1])
		next[prefix]++
		id := fmt.Sprintf("%s-%05d", prefix, next[prefix])
		b := idLine.ReplaceAll(t, []byte("id: "+id))
		if err := os.WriteFile(filepath.Join(dir, "items", id+".yaml"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src fs.FS, name, dir string) error {
	b, err := fs.ReadFile(src, name)
	if err != nil {
		return err
	}
	// Schema modelines point at ../schema or schema/; the layout is kept, so
	// they still resolve.
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	return os.WriteFile(filepath.Join(dir, filepath.FromSlash(path.Clean(strings.TrimPrefix(name, "./")))), b, 0o644)
}
