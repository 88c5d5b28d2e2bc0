package plan

import (
	"os"
	"testing"
)

// FuzzParse feeds arbitrary bytes as a plan file. Parsing and checking must
// never panic, and every finding must name a line and column.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("testdata/example-borough-council.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	for _, s := range []string{"", "- a", "actions: [{}]", "a: &x 1\nb: *x", "date: 2025-01-01", head + "actions: [{id: A, serves: [x]}]"} {
		f.Add([]byte(s))
	}
	s := base(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		p, fs := Parse("p.yaml", src)
		if p != nil {
			fs = append(fs, Check(p, s, CheckOptions{RequireURL: true})...)
		}
		for _, fd := range fs {
			if fd.Line < 1 || fd.Column < 1 || fd.Path != "p.yaml" {
				t.Errorf("finding without a position: %s", fd)
			}
		}
	})
}

// FuzzImportCSV feeds arbitrary bytes as a spreadsheet: never a panic, and
// every finding names a line.
func FuzzImportCSV(f *testing.F) {
	for _, s := range []string{"", "Local action,National ids,Owner,Status\nA,AR-01,Team,planned\n", "\xff\xfe\x00", "a;b\n\"x", "Local action,National ids,Owner,Status\n\"A\n\",AR-1,T,done\n"} {
		f.Add([]byte(s))
	}
	s := base(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		p := &Plan{Organisation: Organisation{Name: "X (fictional)", Type: "other"}, Title: "X plan", Date: "2025-04-01"}
		res := ImportCSV(src, "in.csv", p, s)
		for _, fd := range res.Findings {
			if fd.Line < 1 || fd.Column < 1 {
				t.Errorf("finding without a position: %s", fd)
			}
		}
		if len(res.Findings) == 0 {
			// What imports must write a plan that checks.
			out := Marshal(p, Header{SchemaRef: SchemaURL})
			q, fs := Parse("out.yaml", out)
			if q == nil || len(fs) > 0 {
				t.Fatalf("imported plan does not parse: %v\n%s", fs, out)
			}
			if fs := Check(q, s, CheckOptions{}); len(fs) > 0 {
				t.Fatalf("imported plan does not check: %v\n%s", fs, out)
			}
		}
	})
}
