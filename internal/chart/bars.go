package chart

import (
	"fmt"
	"io"

	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/summary"
)

// Default width of a bar chart; its height follows the number of bars.
const BarsWidth = 720

// Bar is one group's items: how many are complete, how many in progress,
// out of how many.
type Bar struct {
	Label      string
	Complete   int
	InProgress int
	Total      int
}

// Bars turns summary groups into bars, naming each with name (or the
// group's own name when name is nil).
func Bars(groups []summary.Group, name func(summary.Group) string) []Bar {
	out := make([]Bar, 0, len(groups))
	for _, g := range groups {
		label := g.Name
		if name != nil {
			label = name(g)
		}
		out = append(out, Bar{Label: label, Complete: g.Count(query.Complete), InProgress: g.Count("in-progress"), Total: g.Total})
	}
	return out
}

// BarChart draws one horizontal bar per group: complete, then in progress,
// on a track standing for all the group's items, with the count in words
// beside it. desc is the accessible description; "" makes one from the bars.
func BarChart(w io.Writer, title, desc string, bars []Bar, o Options) error {
	if len(bars) == 0 {
		return fmt.Errorf("there are no groups to draw")
	}
	if desc == "" {
		desc = BarsDescription(bars)
	}
	if o.Title != "" {
		title = o.Title
	}
	const rowH, barH = 46.0, 16.0
	W, _ := size(o, BarsWidth, 0)
	top := 8.0
	if o.Heading {
		top = 40 + headingLead*float64(len(headingLines(title, W))-1)
	}
	H := int(top + 28 + rowH*float64(len(bars)) + 8)
	if o.Height > 0 {
		H = o.Height
	}
	s := newSVG(o, W, H, title, desc)
	if o.Heading {
		s.heading(title, W)
	}
	lx, ly := 16.0, top+14
	for _, l := range []struct{ colour, label string }{{lineBlue, "Complete"}, {midBlue, "In progress"}, {track, "Neither"}} {
		fmt.Fprintf(s, `<rect x="%s" y="%s" width="16" height="10" fill="%s" stroke="%s"/>`+"\n", num(lx), num(ly-10), l.colour, outline)
		s.text(lx+22, ly, "", "", "", 13, l.label)
		lx += 22 + textWidth(l.label, 13) + 18
	}
	left, right := 16.0, float64(W)-16
	s.WriteString(`<g aria-hidden="true">` + "\n")
	for i, b := range bars {
		y0 := top + 28 + rowH*float64(i)
		moved := b.Complete + b.InProgress
		share := summary.Share{N: moved, Of: b.Total}
		s.text(left, y0+14, "", "", "", 14, b.Label)
		words := fmt.Sprintf("%d of %d (%d%%)", moved, b.Total, share.Percent())
		s.text(right, y0+14, "end", "bold", "", 14, words)
		by := y0 + 22
		fmt.Fprintf(s, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n", num(left), num(by), num(right-left), num(barH), track, outline)
		x := left
		for _, seg := range []struct {
			n      int
			colour string
		}{{b.Complete, lineBlue}, {b.InProgress, midBlue}} {
			if seg.n == 0 || b.Total == 0 {
				continue
			}
			wd := float64(seg.n) / float64(b.Total) * (right - left)
			fmt.Fprintf(s, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#ffffff"/>`+"\n", num(x), num(by), num(wd), num(barH), seg.colour)
			x += wd
		}
	}
	s.WriteString("</g>\n")
	return s.finish(w)
}

// BarsDescription says every bar's figures in one sentence each.
func BarsDescription(bars []Bar) string {
	out := ""
	for i, b := range bars {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprintf("%s: %d of %d items in progress or complete (%d complete, %d in progress).",
			b.Label, b.Complete+b.InProgress, b.Total, b.Complete, b.InProgress)
	}
	return out
}
