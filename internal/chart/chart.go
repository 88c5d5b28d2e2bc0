// Package chart draws a dataset's figures as SVG that stands on its own: no
// fonts, scripts, styles or images from elsewhere, so one file can be put in
// a web page, an article or a slide, or inlined in the HTML report under its
// content security policy. Each chart carries a title and a description for
// screen readers, and the same bytes for the same input, so a committed
// chart changes only when its figures do. The numbers behind a chart are
// the caller's to show as a table beside it.
package chart

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/sanitize"
)

// Options size and label a chart.
type Options struct {
	// Width and Height are the chart's size in pixels; zero means the
	// default for the kind of chart.
	Width, Height int
	// Title replaces the chart's own title (the accessible name, and the
	// heading when Heading is set).
	Title string
	// Heading draws the title as text at the top, for a chart that stands
	// alone; a page that has its own heading leaves it off.
	Heading bool
	// Fluid leaves out the width and height attributes so the chart scales
	// to its container (keeping its proportions through the viewBox).
	Fluid bool
	// IDPrefix starts every id in the chart, so that several charts can
	// share one page; "" means "chart".
	IDPrefix string
}

// Colours. Each passes WCAG 2.1's 3:1 for graphics against white; text is
// near-black.
const (
	ink       = "#1a1a1a"
	grid      = "#d0d0d0"
	axis      = "#6b6b6b"
	lineBlue  = "#0b4f9c" // the badge's blue
	bandBlue  = "#9ecae1"
	claimRust = "#a63603"
	midBlue   = "#4a90d9"
	track     = "#e6e6e6"
	outline   = "#8a8a8a" // around the pale track, which alone is too faint
	fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
	fontSize  = 14
)

// svg collects a chart's markup; every dataset string passes through
// [sanitize.XML] on its way in.
type svg struct {
	bytes.Buffer
	id string
}

func newSVG(o Options, w, h int, title, desc string) *svg {
	s := &svg{id: o.IDPrefix}
	if s.id == "" {
		s.id = "chart"
	}
	size := ""
	if !o.Fluid {
		size = fmt.Sprintf(` width="%d" height="%d"`, w, h)
	}
	fmt.Fprintf(s, `<svg xmlns="http://www.w3.org/2000/svg"%s viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" font-family="%s" font-size="%d" fill="%s">`,
		size, w, h, s.id, s.id, fontStack, fontSize, ink)
	fmt.Fprintf(s, "\n<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", s.id, sanitize.XML(title), s.id, sanitize.XML(desc))
	fmt.Fprintf(s, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", w, h)
	return s
}

func (s *svg) text(x, y float64, anchor, weight, fill string, size int, text string) {
	attrs := ""
	if anchor != "" && anchor != "start" {
		attrs += fmt.Sprintf(` text-anchor="%s"`, anchor)
	}
	if weight != "" {
		attrs += fmt.Sprintf(` font-weight="%s"`, weight)
	}
	if fill != "" && fill != ink {
		attrs += fmt.Sprintf(` fill="%s"`, fill)
	}
	if size != 0 && size != fontSize {
		attrs += fmt.Sprintf(` font-size="%d"`, size)
	}
	fmt.Fprintf(s, "<text x=\"%s\" y=\"%s\"%s>%s</text>\n", num(x), num(y), attrs, sanitize.XML(text))
}

func (s *svg) finish(w io.Writer) error {
	s.WriteString("</svg>\n")
	_, err := w.Write(s.Bytes())
	return err
}

// headingLead is the distance between the lines of a heading.
const headingLead = 22.0

// headingLines breaks a heading into at most two lines that fit a chart w
// pixels wide, shortening the second with an ellipsis if it must.
func headingLines(title string, w int) []string {
	limit := float64(w) - 32
	fits := func(s string) bool { return textWidth(s, 18)*1.08 <= limit } // bold is wider
	var lines []string
	line := ""
	for _, word := range strings.Fields(title) {
		switch {
		case line == "":
			line = word
		case fits(line + " " + word):
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	lines = append(lines, line)
	if len(lines) > 2 {
		rest := strings.Join(lines[1:], " ")
		for rest != "" && !fits(rest+"…") {
			r := []rune(rest)
			rest = string(r[:len(r)-1])
		}
		lines = []string{lines[0], rest + "…"}
	}
	return lines
}

// heading draws the title at the top and returns where the rest begins.
func (s *svg) heading(title string, w int) float64 {
	lines := headingLines(title, w)
	for i, l := range lines {
		s.text(16, 26+headingLead*float64(i), "", "bold", "", 18, l)
	}
	return 40 + headingLead*float64(len(lines)-1)
}

// num prints a coordinate with at most one decimal, and no "-0".
func num(f float64) string {
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// textWidth estimates the width of s at size pixels in a proportional sans
// serif: wide enough that labels placed by it do not collide.
func textWidth(s string, size int) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("il.,:;|!'()[]/ -", r):
			w += 0.33
		case r >= 'A' && r <= 'Z', r == 'm', r == 'w', r == '%', r == '–':
			w += 0.72
		default:
			w += 0.56
		}
	}
	return w * float64(size)
}
