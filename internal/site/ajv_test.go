package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAPIWithAjv validates every api/v1 file of the real dataset's site
// against its committed schema with ajv-cli, an independent implementation
// of JSON Schema 2020-12, which .ci/run installs. Outside CI the test is
// skipped without it; in CI its absence is a failure.
func TestAPIWithAjv(t *testing.T) {
	dir := os.Getenv("STRATEGY_AJV_DIR")
	if dir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("STRATEGY_AJV_DIR is not set: .ci/run installs ajv-cli and sets it")
		}
		t.Skip("set STRATEGY_AJV_DIR to a folder where `npm install ajv-cli@5 ajv-formats` ran")
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "ajv")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("ajv-cli not found: %v", err)
	}
	s := load(t, "../../data")
	site := build(t, s, Options{})
	out := filepath.Join(t.TempDir(), "site")
	write(t, s, Options{}, out)
	bySchema := map[string][]string{}
	for _, p := range site.Paths() {
		if strings.HasPrefix(p, "api/") {
			bySchema[schemaFor(p)] = append(bySchema[schemaFor(p)], filepath.Join(out, filepath.FromSlash(p)))
		}
	}
	if len(bySchema) < 3 {
		t.Fatalf("API files by schema: %v", bySchema)
	}
	for schema, files := range bySchema {
		abs, err := filepath.Abs(filepath.Join("../../docs/api/v1", schema))
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"validate", "--spec=draft2020", "-c", "ajv-formats", "--all-errors", "-s", abs}
		for _, f := range files {
			args = append(args, "-d", f)
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir // ajv-cli resolves the ajv-formats plugin from here
		res, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("ajv rejects files against %s: %v\n%s", schema, err, res)
		}
		if got := strings.Count(string(res), " valid"); got != len(files) {
			t.Errorf("ajv reported %d valid files against %s, want %d:\n%s", got, schema, len(files), res)
		}
	}
}
