package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/summary"
	"github.com/open-workforce/strategy/internal/timeline"
)

func load(t *testing.T, dir string) *dataset.Set {
	t.Helper()
	s, err := dataset.Load(os.DirFS(dir), dataset.Options{Display: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// wellFormed parses the whole document as XML and returns the text of its
// title and desc elements.
func wellFormed(t *testing.T, b []byte) (title, desc string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var path []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			switch strings.Join(path, "/") {
			case "svg/title":
				title += string(tok)
			case "svg/desc":
				desc += string(tok)
			}
		}
	}
	return title, desc
}

func TestTimelineChart(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	tl, err := timeline.Compute(s, timeline.Options{Today: "2025-10-15"})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := Timeline(&a, tl, Options{Heading: true}); err != nil {
		t.Fatal(err)
	}
	if err := Timeline(&b, tl, Options{Heading: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same timeline gave different bytes")
	}
	title, desc := wellFormed(t, a.Bytes())
	if title != "Items in progress or complete, 2024-07-18 to 2025-10-15" {
		t.Errorf("title = %q", title)
	}
	for _, want := range []string{"4 of 6 (67%) on 2025-10-15", "between 50% and 75% of all 8", "On 2025-06-01 it was published that over half", "3 of 6 present, between 37% and 63% of all 8"} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc lacks %q:\n%s", want, desc)
		}
	}
	svg := a.String()
	for _, want := range []string{`width="720" height="405"`, `role="img"`, `aria-labelledby="chart-title chart-desc"`, "Claimed 2025-06-01: over 50%", "Range for all 8 declared", "<polygon", "<polyline"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	for _, banned := range []string{"<script", "href", "<image", "<style", "@import", "url("} {
		if strings.Contains(svg, banned) {
			t.Errorf("chart contains %q: it must stand alone", banned)
		}
	}
	var fluid bytes.Buffer
	if err := Timeline(&fluid, tl, Options{Fluid: true, IDPrefix: "progress", Width: 960, Height: 540}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fluid.String(), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540"`) || !strings.Contains(fluid.String(), `viewBox="0 0 960 540"`) || !strings.Contains(fluid.String(), `id="progress-title"`) {
		t.Errorf("fluid chart:\n%s", fluid.String())
	}
}

func TestChartsEscapeDatasetText(t *testing.T) {
	hostile := "<script>alert(1)</script> & \x1b[31m\"quoted\""
	var b bytes.Buffer
	bars := []Bar{{Label: hostile, Complete: 1, InProgress: 2, Total: 5}, {Label: "Train", Total: 3}}
	if err := BarChart(&b, hostile, "", bars, Options{Heading: true}); err != nil {
		t.Fatal(err)
	}
	title, desc := wellFormed(t, b.Bytes())
	if title != "<script>alert(1)</script> & [31m\"quoted\"" {
		t.Errorf("title = %q", title)
	}
	if !strings.Contains(desc, "3 of 5 items in progress or complete (1 complete, 2 in progress). Train: 0 of 3") {
		t.Errorf("desc = %q", desc)
	}
	if strings.Contains(b.String(), "<script") || strings.Contains(b.String(), "\x1b") {
		t.Errorf("unescaped text in chart:\n%s", b.String())
	}
}

func TestBarsFromSummary(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	sum := summary.Compute(s, "2025-10-15")
	bars := Bars(sum.Themes, nil)
	if len(bars) != 3 {
		t.Fatalf("bars = %+v", bars)
	}
	if b := bars[1]; b.Label != "Train" || b.Complete != 1 || b.InProgress != 1 || b.Total != 2 {
		t.Errorf("train bar = %+v", b)
	}
	var out bytes.Buffer
	if err := BarChart(&out, "Progress by theme", "", bars, Options{}); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, out.Bytes())
	if !strings.Contains(out.String(), "2 of 2 (100%)") {
		t.Errorf("chart lacks the train figure:\n%s", out.String())
	}
}

func TestLongHeadingWraps(t *testing.T) {
	long := strings.Repeat("progress of the workforce strategy ", 12)
	lines := headingLines(long, 720)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("lines = %q", lines)
	}
	for _, l := range lines {
		if textWidth(l, 18)*1.08 > 720-32 {
			t.Errorf("line too wide: %q", l)
		}
	}
	if got := headingLines("Short title", 720); len(got) != 1 || got[0] != "Short title" {
		t.Errorf("short title = %q", got)
	}
	var b bytes.Buffer
	if err := BarChart(&b, long, "", []Bar{{Label: "A", Total: 1}}, Options{Heading: true}); err != nil {
		t.Fatal(err)
	}
	title, _ := wellFormed(t, b.Bytes())
	if title != long {
		t.Errorf("the accessible title must stay whole: %q", title)
	}
}

func TestTextChart(t *testing.T) {
	s := load(t, "../../testdata/example-partial")
	tl, err := timeline.Compute(s, timeline.Options{Today: "2025-10-15", Interval: "quarter"})
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{20, 40, 60, 80, 120} {
		out := Text(tl, width)
		if out == "" {
			t.Fatalf("no chart at %d columns", width)
		}
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if n := len([]rune(line)); n > width {
				t.Errorf("width %d: line of %d: %q", width, n, line)
			}
		}
	}
	out := Text(tl, 80)
	lines := strings.Split(out, "\n")
	// Points: launch, four quarter ends, the last day; 3 columns each. On
	// the last day 4 of 8 certainly moved (50%) and at most 6 (75%): full
	// up to the row under 50%, shaded up to the row under 75%.
	if lines[0] != "100% ┤" {
		t.Errorf("top row %q", lines[0])
	}
	if !strings.HasSuffix(lines[4], "██████") || !strings.HasSuffix(lines[2], "▒▒▒") || strings.HasSuffix(lines[1], "▒") {
		t.Errorf("chart:\n%s", out)
	}
	if !strings.Contains(out, "◆") || !strings.Contains(out, "▒ if the 2 missing items were too") {
		t.Errorf("legend or claim missing:\n%s", out)
	}
	if Text(tl, 10) != "" {
		t.Error("a chart in 10 columns")
	}
}
