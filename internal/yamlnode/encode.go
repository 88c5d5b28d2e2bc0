package yamlnode

import (
	"io"

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
