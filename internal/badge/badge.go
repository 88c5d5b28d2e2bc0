// Package badge draws a small SVG badge in the usual shields.io "flat" style
// for a dataset's README: "in progress or complete | 9/31 tracked, 16–61% of
// 56". With partial coverage it never shows one percentage as if it were the
// whole strategy's.
package badge

import (
	"bytes"
	"fmt"
	"io"

	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// Badge is what the badge says.
type Badge struct {
	Label   string // left, on grey
	Message string // right, on Colour
	Title   string // the full sentence, for screen readers and tooltips
	Colour  string // CSS colour of the right half
}

// Label is the left half of the progress badge.
const Label = "in progress or complete"

// colour passes WCAG AA (7.7:1) with white text, like the grey (7.5:1).
const colour = "#0b4f9c"

// Progress returns the badge for the share of items in progress or
// complete. With every declared item present it reads "54% (30/56)";
// otherwise "9/31 tracked, 16–61% of 56": the count among the items present
// and the range the share of all declared items must lie in.
func Progress(sum *summary.Summary) Badge {
	h := sum.Headline(summary.HeadlineProgressed)
	title := h.Text + ". " + sum.Data.Sentence()
	if sum.Evidence == "stated" {
		title += " Only evidence whose source ties it to the item is counted."
	}
	b := Badge{Label: Label, Title: title, Colour: colour}
	if sum.Evidence == "stated" {
		b.Label = Label + " (stated evidence)"
	}
	if h.Low == h.High {
		b.Message = fmt.Sprintf("%d%% (%d/%d)", h.Low.Percent(), h.Low.N, h.Low.Of)
	} else {
		b.Message = fmt.Sprintf("%d/%d tracked, %d–%d%% of %d", h.Share.N, h.Share.Of, h.Low.PercentFloor(), h.High.PercentCeil(), h.Low.Of)
	}
	return b
}

// SVG writes the badge. Widths come from a fixed table of Verdana 11px
// advance widths, so the same badge is always the same bytes.
func SVG(w io.Writer, b Badge) error {
	label, msg, title := sanitize.Line(b.Label), sanitize.Line(b.Message), sanitize.Line(b.Title)
	e := sanitize.XML
	lw, mw := textWidth(label)+10, textWidth(msg)+10
	total := lw + mw
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">`, total, e(label), e(msg))
	fmt.Fprintf(&buf, `<title>%s</title>`, e(title))
	buf.WriteString(`<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`)
	fmt.Fprintf(&buf, `<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`, total)
	fmt.Fprintf(&buf, `<g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>`,
		lw, lw, mw, e(b.Colour), total)
	buf.WriteString(`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`)
	for _, t := range []struct {
		x    float64
		text string
	}{{float64(lw) / 2, label}, {float64(lw) + float64(mw)/2, msg}} {
		fmt.Fprintf(&buf, `<text x="%.1f" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">%s</text><text x="%.1f" y="14">%s</text>`, t.x, e(t.text), t.x, e(t.text))
	}
	buf.WriteString("</g></svg>\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// textWidth estimates the width in pixels of s in Verdana at 11px.
func textWidth(s string) int {
	w := 0.0
	for _, r := range s {
		w += advance(r)
	}
	return int(w + 0.5)
}

// advance widths of Verdana 11px, grouped; characters outside the table
// count as a wide letter so text never overflows.
func advance(r rune) float64 {
	switch {
	case r == ' ':
		return 3.9
	case r == 'i' || r == 'l' || r == 'j' || r == '\'' || r == '.' || r == ',' || r == ':' || r == ';' || r == '|' || r == '!':
		return 3.4
	case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '[' || r == ']' || r == '/' || r == '-':
		return 4.9
	case r == 'm' || r == 'w':
		return 10.7
	case r == 'M' || r == 'W' || r == '%' || r == '–':
		return 11.5
	case r >= '0' && r <= '9':
		return 7.0
	case r >= 'A' && r <= 'Z':
		return 7.6
	case r >= 'a' && r <= 'z':
		return 6.7
	}
	return 8.5
}
