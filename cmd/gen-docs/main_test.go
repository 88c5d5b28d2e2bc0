package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestManPages(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1721260800" // 2024-07-18
		}
		return ""
	}
	if err := run([]string{"--dir", dir}, getenv, time.Now); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"strategy.1", "strategy-report.1", "strategy-plan-import.1"} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `.TH "STRATEGY" "1" "Jul 2024"`) {
			t.Errorf("%s: no header dated from SOURCE_DATE_EPOCH:\n%.300s", page, b)
		}
	}
	if err := run(nil, getenv, time.Now); err == nil {
		t.Error("no --dir: want an error")
	}
}
