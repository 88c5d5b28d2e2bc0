package schema

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ajv locates an ajv-cli install (a folder with node_modules/.bin/ajv and
// ajv-formats), set by .ci/run. Outside CI the test is skipped without one;
// in CI its absence is a failure, so the check cannot silently vanish.
func ajv(t *testing.T) (bin, dir string) {
	t.Helper()
	dir = os.Getenv("STRATEGY_AJV_DIR")
	if dir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("STRATEGY_AJV_DIR is not set: .ci/run installs ajv-cli and sets it")
		}
		t.Skip("set STRATEGY_AJV_DIR to a folder where `npm install ajv-cli@5 ajv-formats` ran")
	}
	bin = filepath.Join(dir, "node_modules", ".bin", "ajv")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("ajv-cli not found: %v", err)
	}
	return bin, dir
}

func runAjv(t *testing.T, schemaFile string, data ...string) (string, error) {
	bin, dir := ajv(t)
	args := []string{"validate", "--spec=draft2020", "-c", "ajv-formats", "--all-errors", "-s", schemaFile}
	for _, d := range data {
		args = append(args, "-d", d)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir // ajv-cli resolves the ajv-formats plugin from here
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestIndependentValidatorAcceptsDataset shows the schema files are plain
// JSON Schema 2020-12 that another implementation reads the same way: ajv
// accepts every real data file against them.
func TestIndependentValidatorAcceptsDataset(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	items, _ := filepath.Glob(abs("../../data/items/*.yaml"))
	if len(items) == 0 {
		t.Fatal("no items found")
	}
	cases := map[string][]string{
		"item.schema.json":     items,
		"actors.schema.json":   {abs("../../data/actors.yaml")},
		"strategy.schema.json": {abs("../../data/strategy.yaml")},
	}
	for schemaFile, data := range cases {
		out, err := runAjv(t, abs("../../data/schema/"+schemaFile), data...)
		if err != nil {
			t.Errorf("ajv rejects the dataset against %s: %v\n%s", schemaFile, err, out)
		}
		if got := strings.Count(out, " valid"); got != len(data) {
			t.Errorf("ajv reported %d valid files against %s, want %d:\n%s", got, schemaFile, len(data), out)
		}
	}
}

// TestIndependentValidatorAgreesOnDates shows ajv and this tool apply the same
// rule to an unquoted date: YAML 1.1 parsers read it as a timestamp, so both
// refuse it; quoted, both accept it.
func TestIndependentValidatorAgreesOnDates(t *testing.T) {
	src, err := os.ReadFile("../cli/testdata/base/items/AR-01.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	quoted := filepath.Join(dir, "AR-01.yaml")
	unquoted := filepath.Join(dir, "AR-02.yaml")
	if err := os.WriteFile(quoted, src, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), `date: "2025-06-19"`, "date: 2025-06-19", 1)
	if err := os.WriteFile(unquoted, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	schemaFile, _ := filepath.Abs("../../data/schema/item.schema.json")
	if out, err := runAjv(t, schemaFile, quoted); err != nil {
		t.Errorf("ajv rejects the quoted date: %v\n%s", err, out)
	}
	if out, err := runAjv(t, schemaFile, unquoted); err == nil {
		t.Errorf("ajv accepts an unquoted date, which this tool refuses:\n%s", out)
	}
}
