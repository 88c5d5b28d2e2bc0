package prose

import (
	"slices"
	"testing"
)

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "have", 1: "has", 2: "have"} {
		if got := Plural(n, "has", "have"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 errors", 1: "1 error", 2: "2 errors", 31: "31 errors"} {
		if got := Count(n, "error"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-09-01": "1 September 2026",
		"2024-07-18": "18 July 2024",
		"2026-9-1":   "2026-9-1",
		"":           "",
	} {
		if got := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"   ", 10, nil},
		{"one two three", 20, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one  two\nthree", 8, []string{"one two", "three"}},
		{"a verylongword b", 5, []string{"a", "verylongword", "b"}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// Wrap counts display columns, not bytes: accented and CJK text wraps
// where a terminal would need it to.
func TestWrapDisplayWidth(t *testing.T) {
	got := Wrap("résumé café naïve", 11)
	if len(got) != 2 || got[0] != "résumé café" {
		t.Errorf("accented words wrapped by bytes: %q", got)
	}
	got = Wrap("介護 職員 賃金", 9)
	if len(got) != 2 || got[0] != "介護 職員" {
		t.Errorf("CJK wrapped without counting two columns a character: %q", got)
	}
}
