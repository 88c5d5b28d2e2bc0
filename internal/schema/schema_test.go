package schema

import (
	"strings"
	"testing"

	"github.com/open-workforce/strategy/third_party/jsonschema"
)

// TestSchemasMeetMetaschema is the metaschema pass the binary skips: every
// schema under data/schema compiles after validation against the 2020-12
// metaschema.
func TestSchemasMeetMetaschema(t *testing.T) {
	c, schemas, err := newCompiler(false)
	if err != nil {
		t.Fatal(err)
	}
	if len(schemas) != len(Kinds) {
		t.Fatalf("loaded %d schemas, want %d", len(schemas), len(Kinds))
	}
	for _, k := range Kinds {
		if _, err := c.Compile(baseURL + k.File()); err != nil {
			t.Errorf("%s: %v", k.File(), err)
		}
	}
}

// TestMetaschemaPassCatchesBrokenSchema shows the test above can fail: a
// schema that breaks the metaschema is refused unless trusted.
func TestMetaschemaPassCatchesBrokenSchema(t *testing.T) {
	broken := map[string]any{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "mapping"}
	for _, trust := range []bool{false, true} {
		c := jsonschema.NewCompiler()
		if trust {
			c.TrustSchemas()
		}
		if err := c.AddResource("https://example.org/broken.json", broken); err != nil {
			t.Fatal(err)
		}
		_, err := c.Compile("https://example.org/broken.json")
		if !trust && (err == nil || !strings.Contains(err.Error(), "jsonschema validation failed")) {
			t.Errorf("untrusted: got %v, want a metaschema failure", err)
		}
		if trust && err != nil {
			t.Errorf("trusted: got %v, want no metaschema pass", err)
		}
	}
}
