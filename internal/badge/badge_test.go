package badge

import (
	"bytes"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/summary"
)

func TestProgressPartial(t *testing.T) {
	// 9 of 31 present progressed; 56 declared: 9/56 = 16% up to 34/56 = 61%.
	sum := &summary.Summary{Declared: 56, Present: 31, Data: summary.Age{LatestEvidence: "2026-02-06"},
		Headlines: []summary.Headline{progressHeadline(9, 31, 56)}}
	b := Progress(sum)
	if b.Message != "9/31 tracked, 16–61% of 56" {
		t.Errorf("message %q", b.Message)
	}
	if b.Title != "Over a quarter of the items present (9 of 31, 29%) are in progress or complete, so between 16% and 61% of the 56. The latest evidence recorded is dated 2026-02-06." {
		t.Errorf("title %q", b.Title)
	}
}

func TestProgressComplete(t *testing.T) {
	sum := &summary.Summary{Declared: 56, Present: 56, Headlines: []summary.Headline{progressHeadline(30, 56, 56)}}
	if b := Progress(sum); b.Message != "54% (30/56)" {
		t.Errorf("message %q", b.Message)
	}
}

func progressHeadline(n, present, declared int) summary.Headline {
	h := summary.Describe(n, 0, present, declared, "are in progress or complete")
	h.ID = summary.HeadlineProgressed
	return h
}

// TestSVG checks the badge is well-formed XML that says what it shows, with
// hostile text escaped and control characters gone, and is deterministic.
func TestSVG(t *testing.T) {
	b := Badge{Label: `<script>"x"&`, Message: "1/2 \x1b[31m", Title: "a < b", Colour: `#000"/><script>`}
	var out bytes.Buffer
	if err := SVG(&out, b); err != nil {
		t.Fatal(err)
	}
	svg := out.String()
	if strings.Contains(svg, "<script") || strings.Contains(svg, "\x1b") {
		t.Errorf("unescaped: %s", svg)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, svg)
			}
			break
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			texts = append(texts, string(cd))
		}
	}
	want := []string{"a < b", `<script>"x"&`, `<script>"x"&`, "1/2 [31m", "1/2 [31m"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("texts %q, want %q", texts, want)
	}
	var again bytes.Buffer
	_ = SVG(&again, b)
	if again.String() != svg {
		t.Error("not deterministic")
	}
}

func TestWidthGrowsWithText(t *testing.T) {
	if textWidth("in progress or complete") <= textWidth("in progress") || textWidth("") != 0 {
		t.Error("text widths do not add up")
	}
}

func TestExampleDataset(t *testing.T) {
	s, err := dataset.Load(os.DirFS("../../testdata/example-partial"), dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// On 2025-07-18 the example has AR-01 and TF-02 in progress and TR-01
	// complete among 6 present of 8 declared: 3/8 = 37.5%, shown as 37%, up to 5/8 = 63%.
	b := Progress(summary.Compute(s, "2025-07-18"))
	if b.Message != "3/6 tracked, 37–63% of 8" {
		t.Errorf("message %q", b.Message)
	}
}
