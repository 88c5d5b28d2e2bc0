package yamlnode

import (
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// encode writes v as a YAML document with two-space indentation, using the
// `yaml` struct tags. It is for output only: data files are never rewritten
// this way, because re-encoding drops their comments and layout.
func encode(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// EncodeJSON writes a JSON document as block-style YAML with the same keys
// in the same order, so that a command's YAML output is its JSON contract
// in another syntax. Strings that a YAML 1.1 parser would read as something
// else (dates, yes/no) stay quoted.
func EncodeJSON(w io.Writer, js []byte) error {
	var n yaml.Node
	if err := yaml.Unmarshal(js, &n); err != nil {
		return err
	}
	unflow(&n)
	return encode(w, &n)
}

// unflow turns JSON's flow collections and quoted strings into block style
// and plain scalars; the encoder re-quotes what needs it.
func unflow(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && (yaml11Word[strings.ToLower(n.Value)] || looksLikeDate(n.Value)) {
		n.Style = yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		unflow(c)
	}
}

func looksLikeDate(s string) bool {
	return len(s) >= 7 && s[4] == '-' && strings.Trim(s[:4], "0123456789") == ""
}
