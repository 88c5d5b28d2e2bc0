package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/sanitize"
	"github.com/open-workforce/strategy/internal/summary"
)

// claimsReport is the JSON and YAML contract of `strategy claims`.
type claimsReport struct {
	Data   summary.Age           `json:"data"`
	Claims []summary.ClaimResult `json:"claims"`
}

// Claims writes each published claim recomputed from the items: as json or
// yaml, a [claimsReport]; as `strategy claims` prints them in format text or
// markdown, its verdict, what was found and implied, the items counted and
// the source, after a sentence on how old the evidence is.
func Claims(w io.Writer, results []summary.ClaimResult, age summary.Age, format string) error {
	if done, err := asDocument(w, claimsReport{Data: age, Claims: results}, format); done {
		return err
	}
	var b strings.Builder
	md := format == "markdown"
	if len(results) > 0 {
		b.WriteString(age.Sentence() + "\n\n")
	}
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		c := r.Claim
		if md {
			fmt.Fprintf(&b, "### %s (%s): %s\n\n> %s\n\n%s.\n\n", c.ID, c.Date, verdictText(r.Verdict), c.Text, r.Explanation)
			if r.Tension != "" {
				fmt.Fprintf(&b, "%s.\n\n", r.Tension)
			}
			fmt.Fprintf(&b, "- Counted: %s\n- Source: %s\n", joinOrDash(r.Matched), c.Source)
			continue
		}
		fmt.Fprintf(&b, "%s (%s): %s\n", c.ID, c.Date, verdictText(r.Verdict))
		fmt.Fprintf(&b, "  claim:   %s\n", c.Text)
		fmt.Fprintf(&b, "  found:   %s\n", r.Explanation)
		if r.Tension != "" {
			fmt.Fprintf(&b, "  implies: %s\n", r.Tension)
		}
		fmt.Fprintf(&b, "  counted: %s\n", joinOrDash(r.Matched))
		fmt.Fprintf(&b, "  source:  %s\n", strings.Join(strings.Fields(c.Source), " "))
	}
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}

// verdictText says a verdict in words.
func verdictText(v summary.Verdict) string {
	if v == summary.Undecided {
		return "cannot be decided with the current coverage"
	}
	return string(v)
}
