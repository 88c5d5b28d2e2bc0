// Package schema validates documents against the JSON Schemas committed under
// data/schema, the single source of truth for the shape of every data file.
// It turns the validator's errors into violations that name the field and
// whether the key or the value is to blame, so callers can point at a line.
package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/open-workforce/strategy/data"
	"github.com/open-workforce/strategy/internal/suggest"
	"github.com/open-workforce/strategy/third_party/jsonschema"
	"github.com/open-workforce/strategy/third_party/jsonschema/kind"
)

// Kind names one of the schemas.
type Kind string

// The schemas, one per kind of data file.
const (
	Item     Kind = "item"
	Actors   Kind = "actors"
	Strategy Kind = "strategy"
	Plan     Kind = "plan"
)

// Kinds lists every schema in a stable order.
var Kinds = []Kind{Item, Actors, Strategy, Plan}

// File returns the schema's file name under data/schema.
func (k Kind) File() string { return string(k) + ".schema.json" }

// Source returns the schema's text as committed.
func Source(k Kind) ([]byte, error) {
	return data.FS.ReadFile("schema/" + k.File())
}

// Violation is one way a document breaks its schema.
type Violation struct {
	Path    []string // where in the document; for OnKey, the offending key's path
	OnKey   bool     // true when the key itself is wrong (unknown field)
	Rule    string
	Message string
}

type compiled struct {
	sch *jsonschema.Schema
	raw any
}

var (
	once     sync.Once
	schemas  map[Kind]compiled
	initErr  error
	printer  = message.NewPrinter(language.English)
	baseURL  = "https://github.com/open-workforce/strategy/data/schema/"
	patterns = map[string]string{
		"date": "must be a date written YYYY-MM-DD",
		"url":  "must be an absolute http:// or https:// URL without spaces, with ) and | percent-encoded (%29, %7C)",
		"slug": "must be lower-case letters and digits joined by hyphens",
		"id":   "must be a theme prefix (AR, TR, TF, UN), a hyphen and two or more digits, like TR-02",
		// A plan's own action ids.
		"localId": "must be up to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit, like A1, 2.3 or WF-04",
	}
)

// Each schema is compiled on first use: every run pays for the item, actors
// and strategy schemas, only runs that read plans for the plan schema.
var (
	mu       sync.Mutex
	compiler *jsonschema.Compiler
)

// newCompiler returns a compiler loaded with every schema. The binary trusts
// them: they are embedded, fixed at build time, and TestSchemasMeetMetaschema
// checks each against the 2020-12 metaschema (as ajv does in CI), so no run
// pays for compiling the metaschema and validating against it (see
// third_party/jsonschema/README.md).
func newCompiler(trust bool) (*jsonschema.Compiler, map[Kind]compiled, error) {
	c := jsonschema.NewCompiler()
	if trust {
		c.TrustSchemas()
	}
	out := map[Kind]compiled{}
	for _, k := range Kinds {
		src, err := Source(k)
		if err != nil {
			continue
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			return nil, nil, fmt.Errorf("schema %s: %w", k.File(), err)
		}
		if err := c.AddResource(baseURL+k.File(), doc); err != nil {
			return nil, nil, fmt.Errorf("schema %s: %w", k.File(), err)
		}
		out[k] = compiled{raw: doc}
	}
	return c, out, nil
}

func load() {
	compiler, schemas, initErr = newCompiler(true)
}

// get returns the compiled schema of kind k, compiling it the first time.
func get(k Kind) (compiled, error) {
	once.Do(load)
	if initErr != nil {
		return compiled{}, initErr
	}
	mu.Lock()
	defer mu.Unlock()
	c, ok := schemas[k]
	if !ok {
		return compiled{}, fmt.Errorf("no schema for %s", k)
	}
	if c.sch == nil {
		sch, err := compiler.Compile(baseURL + k.File())
		if err != nil {
			return compiled{}, fmt.Errorf("schema %s: %w", k.File(), err)
		}
		c.sch = sch
		schemas[k] = c
	}
	return c, nil
}

// Validate checks v, a JSON-like value, against the schema of kind k. An error
// means the schema itself could not be used.
func Validate(k Kind, v any) ([]Violation, error) {
	c, err := get(k)
	if err != nil {
		return nil, err
	}
	err = c.sch.Validate(v)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []Violation
	for _, leaf := range leaves(ve, nil) {
		out = append(out, violations(leaf, c.raw)...)
	}
	return out, nil
}

func leaves(e *jsonschema.ValidationError, acc []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return append(acc, e)
	}
	for _, c := range e.Causes {
		acc = leaves(c, acc)
	}
	return acc
}

func violations(e *jsonschema.ValidationError, raw any) []Violation {
	loc := e.InstanceLocation
	field := Field(loc)
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		allowed := allowedFields(raw, e.SchemaURL)
		var out []Violation
		for _, p := range k.Properties {
			msg := fmt.Sprintf("unknown field %q", p)
			if field != "" {
				msg = fmt.Sprintf("%s: unknown field %q", field, p)
			}
			if len(allowed) > 0 {
				msg += " (allowed: " + strings.Join(allowed, ", ") + ")"
			}
			out = append(out, Violation{Path: append(slices.Clone(loc), p), OnKey: true, Rule: "unknown-field", Message: msg})
		}
		return out
	case *kind.Required:
		var out []Violation
		for _, m := range k.Missing {
			msg := fmt.Sprintf("missing required field %q", m)
			if field != "" {
				msg = fmt.Sprintf("%s: missing required field %q", field, m)
			}
			out = append(out, Violation{Path: loc, OnKey: true, Rule: "missing-field", Message: msg})
		}
		return out
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprint(w)
		}
		msg := fmt.Sprintf("%s: %s is not one of %s", orRoot(field), show(k.Got), strings.Join(want, ", "))
		if got, ok := k.Got.(string); ok {
			// "in progress" and "In_Progress" mean in-progress.
			loose := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.TrimSpace(got))
			if near := suggest.Nearest(loose, want, 2); near != "" {
				msg += suggest.Hint(strconv.Quote(near))
			}
		}
		return []Violation{{Path: loc, Rule: "invalid-value", Message: msg}}
	case *kind.Type:
		return []Violation{{Path: loc, Rule: "wrong-type", Message: fmt.Sprintf("%s: expected %s, found %s", orRoot(field), article(strings.Join(k.Want, " or ")), article(k.Got))}}
	case *kind.MinItems:
		return []Violation{{Path: loc, Rule: "too-few", Message: fmt.Sprintf("%s: expected at least %d %s, found %d", orRoot(field), k.Want, entries(k.Want), k.Got)}}
	case *kind.MaxItems:
		return []Violation{{Path: loc, Rule: "too-many", Message: fmt.Sprintf("%s: expected at most %d %s, found %d", orRoot(field), k.Want, entries(k.Want), k.Got)}}
	case *kind.MinLength:
		return []Violation{{Path: loc, Rule: "too-short", Message: fmt.Sprintf("%s: expected at least %d characters, found %d", orRoot(field), k.Want, k.Got)}}
	case *kind.MaxLength:
		return []Violation{{Path: loc, Rule: "too-long", Message: fmt.Sprintf("%s: expected at most %d characters, found %d", orRoot(field), k.Want, k.Got)}}
	case *kind.Pattern:
		msg := fmt.Sprintf("%s does not match %s", show(k.Got), k.Want)
		if def := patternDef(e.SchemaURL); def != "" {
			msg = fmt.Sprintf("%s %s", show(k.Got), patterns[def])
		}
		return []Violation{{Path: loc, Rule: "invalid-format", Message: fmt.Sprintf("%s: %s", orRoot(field), msg)}}
	}
	return []Violation{{Path: loc, Rule: "schema", Message: fmt.Sprintf("%s: %s", orRoot(field), e.ErrorKind.LocalizedString(printer))}}
}

// patternDef names the $defs entry a pattern failure came from, when it has a
// friendlier explanation than the regular expression.
func patternDef(schemaURL string) string {
	for def := range patterns {
		if strings.HasSuffix(schemaURL, "/$defs/"+def) || strings.HasSuffix(schemaURL, "/properties/"+def) {
			return def
		}
	}
	return ""
}

// allowedFields lists the properties the schema object at schemaURL declares,
// so an unknown-field message can show what was probably meant.
func allowedFields(raw any, schemaURL string) []string {
	_, frag, ok := strings.Cut(schemaURL, "#")
	if !ok {
		return nil
	}
	frag = strings.TrimSuffix(frag, "/additionalProperties")
	node := raw
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")]
	}
	m, ok := node.(map[string]any)
	if !ok {
		return nil
	}
	props, ok := m["properties"].(map[string]any)
	if !ok {
		return nil
	}
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Field renders a document path the way a person reads it:
// progress[2].evidence.url.
func Field(path []string) string {
	var b strings.Builder
	for _, p := range path {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func entries(n int) string {
	if n == 1 {
		return "entry"
	}
	return "entries"
}

func orRoot(field string) string {
	if field == "" {
		return "document"
	}
	return field
}

func show(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "an empty value"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func article(t string) string {
	switch t {
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	case "null":
		return "an empty value"
	case "integer":
		return "a whole number"
	case "":
		return "nothing"
	}
	if strings.Contains(t, " or ") {
		return t
	}
	if strings.IndexAny(t[:1], "aeiou") == 0 {
		return "an " + t
	}
	return "a " + t
}
