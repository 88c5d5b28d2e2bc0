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

// asDocument writes v as json or yaml when format is one of them, and says
// whether it did; for any other format the caller writes its own. Every
// command's JSON and YAML go through here, so the two stay one contract.
func asDocument(w io.Writer, v any, format string) (bool, error) {
	switch format {
	case "json":
		return true, JSON(w, v)
	case "yaml":
		return true, YAML(w, v)
	}
	return false, nil
}

// asRecords writes records in the formats for scripts that the listing
// commands share: json, yaml, or one id a line (ids). It says whether format
// was one of them; for any other the caller writes a table.
func asRecords[T any](w io.Writer, records []T, id func(T) string, format string) (bool, error) {
	if done, err := asDocument(w, records, format); done {
		return true, err
	}
	if format == "ids" {
		var b strings.Builder
		for _, r := range records {
			b.WriteString(id(r) + "\n")
		}
		_, err := io.WriteString(w, b.String())
		return true, err
	}
	return false, nil
}
