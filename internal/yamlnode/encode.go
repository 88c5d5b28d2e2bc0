package yamlnode

import (
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Encode writes v as a YAML document with two-space indentation, using the
// `yaml` struct tags. It is for output only: data files are never rewritten
// this way, because re-encoding drops their comments and layout.
func Encode(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// Scalar returns s written as a YAML string scalar that fits on one line:
// plain where every parser reads it back as the same text, and double-quoted
// where plain text would change meaning (true, 2025-01-01, a # comment) or
// would need several lines. It is for files written from a template.
func Scalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	out, err := yaml.Marshal(n)
	text := strings.TrimSuffix(string(out), "\n")
	if err != nil || strings.Contains(text, "\n") || strings.HasPrefix(text, "|") || strings.HasPrefix(text, ">") {
		n.Style = yaml.DoubleQuotedStyle
		out, err = yaml.Marshal(n)
		if err != nil {
			return strconv.Quote(s)
		}
		text = strings.TrimSuffix(string(out), "\n")
	}
	return text
}

// Quoted returns s as a double-quoted YAML scalar, for values such as dates
// that must stay strings whatever they look like.
func Quoted(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
	out, err := yaml.Marshal(n)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
