package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"sync"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/plan"
)

//go:embed assets
var assets embed.FS

// The page's template and assets are read on first use, not at package init:
// every run of the binary links this package, few write a report.
var pageAssets = sync.OnceValue(func() (p struct {
	tmpl    *template.Template
	css, js string
}) {
	p.tmpl = template.Must(template.ParseFS(assets, "assets/report.html.tmpl"))
	p.css, p.js = mustRead("assets/report.css"), mustRead("assets/report.js")
	return p
})

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
	sum := sha256.Sum256([]byte(pageAssets().js))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}

// HTML writes the report on s as of asOf (YYYY-MM-DD) as one self-contained
// HTML page, with a section on how plans cover the national items when plans
// are given. The plans must have passed [plan.Check]. It renders into memory
// first, so a failure writes nothing.
func HTML(w io.Writer, s *dataset.Set, asOf string, plans []*plan.Plan) error {
	var buf bytes.Buffer
	pg := pageAssets()
	err := pg.tmpl.Execute(&buf, struct {
		P   *page
		CSP string
		CSS template.CSS
		JS  template.JS
	}{build(s, asOf, plans), csp(), template.CSS(pg.css), template.JS(pg.js)})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
