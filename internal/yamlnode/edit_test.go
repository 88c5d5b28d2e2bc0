package yamlnode

import "testing"

func TestScalar(t *testing.T) {
	tests := map[string]string{
		"in-progress":       "in-progress",
		"Launch state.":     "Launch state.",
		"a: b":              `"a: b"`,
		"x # y":             `"x # y"`,
		"yes":               `"yes"`,
		"No":                `"No"`,
		"2025-01-01":        `"2025-01-01"`,
		"12":                `"12"`,
		"":                  `""`,
		" padded":           `" padded"`,
		"two\nlines":        `"two\nlines"`,
		"- dash":            `"- dash"`,
		"https://e.org/a#b": "https://e.org/a#b",
		`say "hi" & <go>`:   `say "hi" & <go>`,
		"'quoted'":          `"'quoted'"`,
		"null":              `"null"`,
		"café":              "café",
	}
	for in, want := range tests {
		if got := Scalar(in); got != want {
			t.Errorf("Scalar(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestSetScalar(t *testing.T) {
	tests := []struct{ src, value, want string }{
		{"status: a # c\n", "b", "status: b # c\n"},
		{"status: \"a\"\n", "b", "status: \"b\"\n"},
		{"status: 'a'\n", "it's", "status: 'it''s'\n"},
		{"status: \"a\\\"q\" # c\n", "b", "status: \"b\" # c\n"},
		{"x: é\nstatus:   a\n", "yes", "x: é\nstatus:   \"yes\"\n"},
	}
	for _, tt := range tests {
		doc, probs := Parse([]byte(tt.src))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		e, err := doc.SetScalar(tt.value, "status")
		if err != nil {
			t.Fatal(err)
		}
		got, err := Apply(doc.Source(), e)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("SetScalar on %q gave %q, want %q", tt.src, got, tt.want)
		}
	}
}

// A new entry's nested mapping follows the file's own indentation even when
// no earlier entry has one to copy (only the launch entry is there).
func TestAppendMappingFollowsFileIndent(t *testing.T) {
	src := "actors:\n    lead: [dhsc]\nprogress:\n    -   date: \"2024-07-18\"\n        status: not-started\n"
	doc, probs := Parse([]byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e, err := doc.AppendMapping([]Field{
		{Key: "date", Value: Quoted("2025-01-01")},
		{Key: "evidence", Value: []Field{{Key: "kind", Value: "consultation"}}},
	}, "progress")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Apply(doc.Source(), e)
	if err != nil {
		t.Fatal(err)
	}
	want := src + "    -   date: \"2025-01-01\"\n        evidence:\n            kind: consultation\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, probs := Parse(got); len(probs) > 0 {
		t.Errorf("result does not parse: %v", probs)
	}
}
