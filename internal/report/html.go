package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
)

//go:embed assets
var assets embed.FS

var (
	pageTemplate = template.Must(template.ParseFS(assets, "assets/report.html.tmpl"))
	pageCSS      = mustRead("assets/report.css")
	pageJS       = mustRead("assets/report.js")
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// csp forbids every fetch, so the page cannot reach the network even if a
// dataset string slipped past escaping, and allows only the page's own
// script, by hash. Inline styles are allowed for the bar widths.
func csp() string {
	sum := sha256.Sum256([]byte(pageJS))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}

// HTML writes the report on s as of asOf (YYYY-MM-DD) as one self-contained
// HTML page, with a section on how plans cover the national items when plans
// are given. The plans must have passed [plan.Check]. It renders into memory
// first, so a failure writes nothing.
func HTML(w io.Writer, s *dataset.Set, asOf string, plans []*plan.Plan) error {
	var buf bytes.Buffer
	err := pageTemplate.Execute(&buf, struct {
		P   *page
		CSP string
		CSS template.CSS
		JS  template.JS
	}{build(s, asOf, plans), csp(), template.CSS(pageCSS), template.JS(pageJS)})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
