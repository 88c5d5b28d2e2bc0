package chart

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/open-workforce/strategy/internal/summary"
	"github.com/open-workforce/strategy/internal/timeline"
)

// Default size of a timeline chart: fits an article column, and a 16:9
// slide when scaled.
const (
	TimelineWidth  = 720
	TimelineHeight = 405
)

// Timeline draws the share of items in progress or complete over time: a
// line for the items present and, when the dataset lacks some declared
// items, a band for the range the share of all declared items must lie in,
// with each published claim about that share as a marked point on its day.
func Timeline(w io.Writer, t *timeline.Timeline, o Options) error {
	if len(t.Dates) == 0 || len(t.Overall.Points) != len(t.Dates) {
		return fmt.Errorf("the timeline has no points to draw")
	}
	W, H := size(o, TimelineWidth, TimelineHeight)
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("Items in progress or complete, %s to %s", t.From, t.To)
	}
	s := newSVG(o, W, H, title, TimelineDescription(t))
	top := 8.0
	if o.Heading {
		top = s.heading(title, W)
	}
	partial := t.Declared > t.Present

	// Legend, one row: what the band, the line and the diamonds are.
	lx, ly := 16.0, top+14
	legend := func(mark func(x, y float64), label string) {
		mark(lx, ly-5)
		s.text(lx+22, ly, "", "", "", 13, label)
		lx += 22 + textWidth(label, 13) + 18
	}
	if partial {
		legend(func(x, y float64) {
			fmt.Fprintf(s, `<rect x="%s" y="%s" width="16" height="10" fill="%s"/>`+"\n", num(x), num(y-5), bandBlue)
		}, fmt.Sprintf("Range for all %d declared", t.Declared))
	}
	lineLabel := fmt.Sprintf("Of the %d items present", t.Present)
	if !partial {
		lineLabel = fmt.Sprintf("Of all %d items", t.Present)
	}
	legend(func(x, y float64) {
		fmt.Fprintf(s, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="3"/>`+"\n", num(x), num(y), num(x+16), num(y), lineBlue)
	}, lineLabel)
	if len(t.Claims) > 0 {
		legend(func(x, y float64) { s.diamond(x+8, y, claimRust) }, "Published claim")
	}

	left, right := 52.0, float64(W)-20
	plotTop, bottom := top+36, float64(H)-34
	y := func(f float64) float64 { return bottom - f*(bottom-plotTop) }
	start, _ := time.Parse(time.DateOnly, t.From)
	end, _ := time.Parse(time.DateOnly, t.To)
	span := end.Sub(start).Hours()
	x := func(date string) float64 {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil || span <= 0 {
			return (left + right) / 2
		}
		return left + d.Sub(start).Hours()/span*(right-left)
	}

	// Grid and axes: a line every 25%, labelled.
	s.WriteString(`<g aria-hidden="true">` + "\n")
	for p := 0; p <= 100; p += 25 {
		yy := y(float64(p) / 100)
		colour := grid
		if p == 0 {
			colour = axis
		}
		fmt.Fprintf(s, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(left), num(yy), num(right), num(yy), colour)
		s.text(left-6, yy+5, "end", "", axis, 12, fmt.Sprintf("%d%%", p))
	}
	for _, tk := range ticks(start, end, right-left) {
		xx := x(tk.date)
		fmt.Fprintf(s, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(xx), num(bottom), num(xx), num(bottom+5), axis)
		s.text(xx, bottom+20, "middle", "", axis, 12, tk.label)
	}

	pts := t.Overall.Points
	if partial && pts[0].Low != nil {
		var b strings.Builder
		for _, p := range pts {
			fmt.Fprintf(&b, "%s,%s ", num(x(p.Date)), num(y(p.High.Fraction())))
		}
		for i := len(pts) - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "%s,%s ", num(x(pts[i].Date)), num(y(pts[i].Low.Fraction())))
		}
		fmt.Fprintf(s, `<polygon points="%s" fill="%s" fill-opacity="0.6"/>`+"\n", strings.TrimSpace(b.String()), bandBlue)
	}
	var line strings.Builder
	for _, p := range pts {
		fmt.Fprintf(&line, "%s,%s ", num(x(p.Date)), num(y(p.Moved.Fraction())))
	}
	fmt.Fprintf(s, `<polyline points="%s" fill="none" stroke="%s" stroke-width="3" stroke-linejoin="round"/>`+"\n", strings.TrimSpace(line.String()), lineBlue)
	last := pts[len(pts)-1]
	fmt.Fprintf(s, `<circle cx="%s" cy="%s" r="4" fill="%s"/>`+"\n", num(x(last.Date)), num(y(last.Moved.Fraction())), lineBlue)
	label := fmt.Sprintf("%d of %d", last.Moved.N, last.Moved.Of)
	lxx, anchor := x(last.Date)-6, "end"
	s.text(lxx, y(last.Moved.Fraction())-10, anchor, "bold", lineBlue, 13, label)

	for _, c := range t.Claims {
		// The claim, and beside it what the dataset allowed that day: a
		// bracket from the lowest to the highest share of all declared.
		cx, cy := x(c.Date), y(c.Threshold)
		lo, hi := y(c.Low.Fraction()), y(c.High.Fraction())
		fmt.Fprintf(s, `<path d="M%s %sh-8v%sh8" fill="none" stroke="%s" stroke-width="2"/>`+"\n", num(cx-4), num(hi), num(lo-hi), ink)
		s.diamond(cx, cy, claimRust)
		said, shown := ClaimLabel(c), "Dataset that day: "+shareWords(c.Low, c.High)
		tx, anchor := cx+10, "start"
		if tx+max(textWidth(said, 13), textWidth(shown, 13)) > right {
			tx, anchor = cx-16, "end"
		}
		s.text(tx, cy-8, anchor, "bold", claimRust, 13, said)
		s.text(tx, cy+20, anchor, "", ink, 13, shown)
	}
	s.WriteString("</g>\n")
	return s.finish(w)
}

func (s *svg) diamond(cx, cy float64, fill string) {
	fmt.Fprintf(s, `<path d="M%s %sl6 6-6 6-6-6z" fill="%s" stroke="#ffffff"/>`+"\n", num(cx), num(cy-6), fill)
}

// shareWords gives a share of all declared items, or the range it lies in.
func shareWords(low, high summary.Share) string {
	if low == high {
		return fmt.Sprintf("%d%% of %d", low.Percent(), low.Of)
	}
	return fmt.Sprintf("%d–%d%% of %d", low.PercentFloor(), high.PercentCeil(), low.Of)
}

// ClaimLabel says a claim in a few words: "Claimed 2025-06-19: over 50%".
func ClaimLabel(c timeline.ClaimPoint) string {
	return fmt.Sprintf("Claimed %s: %s %s%%", c.Date, strings.ReplaceAll(c.Comparison, "-", " "),
		strconv.FormatFloat(c.Threshold*100, 'f', -1, 64))
}

// TimelineDescription says in sentences what a timeline chart shows, for
// its accessible description: where the line starts and ends, the range
// over all declared items, and each claim beside the range on its day.
func TimelineDescription(t *timeline.Timeline) string {
	if len(t.Overall.Points) == 0 {
		return "No points."
	}
	first, last := t.Overall.Points[0], t.Overall.Points[len(t.Overall.Points)-1]
	var b strings.Builder
	fmt.Fprintf(&b, "Items in progress or complete, counted at each %s end from %s to %s: %d of the %d items present on %s, %d of %d (%d%%) on %s.",
		t.Interval, t.From, t.To, first.Moved.N, first.Moved.Of, first.Date, last.Moved.N, last.Moved.Of, last.Moved.Percent(), last.Date)
	if t.Declared > t.Present && last.Low != nil {
		fmt.Fprintf(&b, " The dataset holds %d of the %d declared items, so on %s between %d%% and %d%% of all %d are in progress or complete.",
			t.Present, t.Declared, last.Date, last.Low.PercentFloor(), last.High.PercentCeil(), t.Declared)
	}
	for _, c := range t.Claims {
		fmt.Fprintf(&b, " On %s it was published that %s; the dataset gives %d of %d present", c.Date, lowerFirst(c.Text), c.Moved.N, c.Moved.Of)
		if c.Low != c.High {
			fmt.Fprintf(&b, ", between %d%% and %d%% of all %d", c.Low.PercentFloor(), c.High.PercentCeil(), c.Low.Of)
		} else {
			fmt.Fprintf(&b, ", %d%% of all %d", c.Low.Percent(), c.Low.Of)
		}
		fmt.Fprintf(&b, " (the claim %s).", verdictWords(string(c.Verdict)))
	}
	return b.String()
}

func verdictWords(v string) string {
	switch v {
	case "holds":
		return "holds"
	case "contradicted":
		return "is contradicted"
	}
	return "can be neither confirmed nor ruled out"
}

func lowerFirst(s string) string {
	if s == "" || len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

type tick struct{ date, label string }

// ticks places month labels along the x axis: every month, two, three, six
// or twelve, whichever is the first to leave room between labels.
func ticks(start, end time.Time, width float64) []tick {
	for _, step := range []int{1, 2, 3, 6, 12, 24, 60} {
		var out []tick
		m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
		if m.Before(start) {
			m = m.AddDate(0, 1, 0)
		}
		for ; !m.After(end); m = m.AddDate(0, 1, 0) {
			if (int(m.Month())-1)%step != 0 {
				continue
			}
			label := m.Format("Jan 2006")
			if step >= 12 {
				label = m.Format("2006")
			}
			out = append(out, tick{m.Format(time.DateOnly), label})
		}
		room := 0.0
		for _, t := range out {
			room += textWidth(t.label, 12) + 14
		}
		if room <= width {
			return out
		}
	}
	return nil
}

func size(o Options, w, h int) (int, int) {
	if o.Width > 0 {
		w = o.Width
	}
	if o.Height > 0 {
		h = o.Height
	}
	return w, h
}
