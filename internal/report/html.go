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
func csp() string { return ContentSecurityPolicy(pageAssets().js) }

// ContentSecurityPolicy is the report's policy for a page whose only script
// is js ("" for a page with none): no fetch of any kind, inline styles, and
// that one script by hash. The site's pages use it too, so that every page
// this tool writes is held to the same rules.
func ContentSecurityPolicy(js string) string {
	script := "'none'"
	if js != "" {
		sum := sha256.Sum256([]byte(js))
		script = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src " + script + "; base-uri 'none'; form-action 'none'"
}

// CSS is the report's style sheet, which the site's pages start from.
func CSS() string { return pageAssets().css }

// Overview renders the report's headline figures and its progress bars by
// theme, actor type and lead actor, for a page that embeds them (the site's
// front page): the same figures and markup as the report, from one template.
func Overview(s *dataset.Set, asOf string) (template.HTML, error) {
	return fragment("overview", build(s, asOf, "", nil))
}

// PlansSection renders the report's section on how the plans cover the
// national items; the plans must have passed [plan.Check].
func PlansSection(s *dataset.Set, plans []*plan.Plan) (template.HTML, error) {
	return fragment("plans", &page{Plans: newLocalPlans(s, plans, "")})
}

func fragment(name string, p *page) (template.HTML, error) {
	var buf bytes.Buffer
	if err := pageAssets().tmpl.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // html/template escaped every value while executing
}

// HTML writes the report on s as of asOf (YYYY-MM-DD) as one self-contained
// HTML page. Its section on what changed covers the progress recorded after
// since (YYYY-MM-DD), or in the 90 days to asOf when since is "". A section
// on how plans cover the national items follows when plans are given. The plans must have passed [plan.Check]. It renders into memory
// first, so a failure writes nothing.
func HTML(w io.Writer, s *dataset.Set, asOf, since string, plans []*plan.Plan) error {
	var buf bytes.Buffer
	pg := pageAssets()
	err := pg.tmpl.Execute(&buf, struct {
		P   *page
		CSP string
		CSS template.CSS
		JS  template.JS
	}{build(s, asOf, since, plans), csp(), template.CSS(pg.css), template.JS(pg.js)})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
