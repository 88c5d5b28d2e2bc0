package schema

import (
	"fmt"
	"strings"

	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Located is a violation placed in its file.
type Located struct {
	Pos     yamlnode.Pos
	Rule    string
	Message string
}

// MaxViolations bounds the schema findings for one file.
const MaxViolations = 200

// Check validates a parsed document against kind and places every
// violation: at the offending key for unknown or missing fields, otherwise at
// the value. probs are the YAML problems already reported for the document:
// a value they refused (an alias, a bad tag) stands in the document as
// nothing, and the schema's complaint about it would only repeat them.
func Check(k Kind, doc *yamlnode.Doc, probs []yamlnode.Problem) ([]Located, error) {
	for _, p := range probs {
		if p.Rule == "yaml-too-deep" || p.Rule == "yaml-too-large" {
			// The walk stopped at the limit: what the schema would miss below
			// it is already explained by that one finding.
			return nil, nil
		}
	}
	vs, err := Validate(k, doc.Value())
	if err != nil {
		return nil, err
	}
	refused := make(map[yamlnode.Pos]bool, len(probs))
	for _, p := range probs {
		refused[p.Pos] = true
	}
	var out []Located
	for i, v := range vs {
		if i == MaxViolations {
			// A file of thousands of unknown keys would print a finding
			// for each, and place each in the file: the first few say
			// what is wrong.
			pos := doc.Locate(v.Path...).Value
			out = append(out, Located{Pos: pos, Rule: "schema", Message: fmt.Sprintf("%d more schema problems in this file from here on; fix the ones above first", len(vs)-MaxViolations)})
			break
		}
		loc := doc.Locate(v.Path...)
		if refused[loc.Value] {
			continue
		}
		pos := loc.Value
		if v.OnKey {
			pos = loc.Key
		}
		msg := v.Message
		if v.Rule == "too-many" && doc.Cut() {
			// The value holds a runaway list only up to just past the
			// bound; the file's own count is the one to report.
			if i := strings.LastIndex(msg, ", found "); i >= 0 {
				msg = fmt.Sprintf("%s, found %d", msg[:i], doc.Len(v.Path...))
			}
		}
		out = append(out, Located{Pos: pos, Rule: v.Rule, Message: msg})
	}
	return out, nil
}
