package render

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/open-workforce/strategy/internal/yamlnode"
)

// JSON writes v as indented JSON without HTML escaping, newline-terminated.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// YAML writes v as YAML with exactly the keys and order of its [JSON] form,
// so the two formats are one contract.
func YAML(w io.Writer, v any) error {
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return yamlnode.EncodeJSON(w, js)
}

// asRecords writes records in the formats for scripts that the listing
// commands share: json, yaml, or one id a line (ids). It says whether format
// was one of them; for any other the caller writes a table.
func asRecords[T any](w io.Writer, records []T, id func(T) string, format string) (bool, error) {
	switch format {
	case "json":
		return true, JSON(w, records)
	case "yaml":
		return true, YAML(w, records)
	case "ids":
		var b strings.Builder
		for _, r := range records {
			b.WriteString(id(r) + "\n")
		}
		_, err := io.WriteString(w, b.String())
		return true, err
	}
	return false, nil
}
