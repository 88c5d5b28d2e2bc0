package render

import (
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/change"
	"github.com/open-workforce/strategy/internal/dataset"
)

// The comparison's own markup (the bold that flags a rewritten log, the
// evidence link) must render as markup, and markup inside dataset text must
// render as text: escaping the finished cells would do neither.
func TestChangeMarkdownEscapesDataNotMarkup(t *testing.T) {
	r := change.Report{
		Base: "main_1", Head: "working tree", Declared: 3,
		Added: []change.ItemRef{{ID: "AR-02", Title: "A *starred* [link](https://evil.example) title", Status: "not-started"}},
		Progress: []change.Progress{{ID: "TR-01", From: "in-progress", To: "complete", Added: 1, Rewrote: true,
			Entry: &dataset.Entry{Date: "2025-06-01", Evidence: &dataset.Evidence{Kind: "guidance_published", URL: "https://example.org/a"}}}},
		Fields: []change.Field{{ID: "AR-01", Field: "title", From: "Old **bold**", To: "New | pipe"}},
	}
	var b strings.Builder
	if err := ChangeMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"### Dataset changes: main\\_1 → working tree\n",
		"| TR-01 | in-progress → complete; **earlier entries changed** ",
		"| [guidance\\_published](https://example.org/a) |",
		"added: A \\*starred\\* \\[link\\](https://evil.example) title (not-started)",
		"title: “Old \\*\\*bold\\*\\*” → “New \\| pipe”",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `\*\*earlier`) {
		t.Errorf("the bold of a rewritten log is escaped:\n%s", out)
	}
}
