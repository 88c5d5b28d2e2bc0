package check

import (
	"strconv"

	"github.com/open-workforce/strategy/internal/summary"
)

// claims warns when the items contradict a published claim as of its date.
// It is a warning, not an error: the data may be right and the claim wrong,
// but a change that flips a published figure deserves a second look.
func (c *checker) claims() {
	for i, r := range summary.Claims(c.set) {
		if r.Verdict != summary.Contradicted {
			continue
		}
		c.warnf(at(c.strategyPath(), c.set.StrategyDoc, "claims", strconv.Itoa(i), "text"), "claim-contradicted", "the items contradict published claim %q (%s): %s", r.Claim.ID, r.Claim.Text, r.Explanation)
	}
}
