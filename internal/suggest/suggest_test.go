package suggest

import "testing"

func TestID(t *testing.T) {
	ids := []string{"AR-01", "AR-02", "AR-10", "TR-02", "TR-12"}
	tests := map[string]string{
		"AR-1": "AR-01", "ar01": "AR-01", "ar 2": "AR-02", "TR2": "TR-02", "tr2": "TR-02", "TR-2": "TR-02",
		"tr-02": "TR-02", "tr-002": "TR-02", " TR_2 ": "TR-02",
		"AR-20": "AR-10", // one edit
		"TR-22": "",      // one edit from TR-02 and TR-12 alike: no single guess
		"XX-01": "",
		"AR-01": "AR-01",
		"":      "",
	}
	for in, want := range tests {
		if got := ID(in, ids); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNearest(t *testing.T) {
	actors := []string{"dhsc", "skills-for-care", "nhs-england", "cqc"}
	tests := []struct {
		got  string
		max  int
		want string
	}{
		{"dhcs", 2, "dhsc"},
		{"DHSC", 2, "dhsc"},
		{"skills-for-cair", 2, "skills-for-care"},
		{"nhs-englund", 2, "nhs-england"},
		{"ofsted", 2, ""},
		{"cqx", 1, "cqc"},
		{"cxx", 1, ""},
		{"ab", 2, ""}, // "" is not a candidate, however short got is
	}
	for _, tt := range tests {
		if got := Nearest(tt.got, actors, tt.max); got != tt.want {
			t.Errorf("Nearest(%q, %d) = %q, want %q", tt.got, tt.max, got, tt.want)
		}
	}
	if got := Nearest("ab", []string{"aa", "bb"}, 2); got != "" {
		t.Errorf("a tie gave %q, want no guess", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"dhsc", "dhcs", 2},
		{"café", "cafe", 1}, // one character, though two bytes
		{"naïve", "naive", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestHint(t *testing.T) {
	if got := Hint("TR-02"); got != " (did you mean TR-02?)" {
		t.Errorf("Hint = %q", got)
	}
	if got := Hint(""); got != "" {
		t.Errorf("Hint(\"\") = %q, want nothing", got)
	}
}

func TestNormaliseID(t *testing.T) {
	for in, want := range map[string]string{"tr2": "TR-02", "TR-2": "TR-02", "tr-02": "TR-02", "Tr_012": "TR-12", "ar-100": "AR-100", " x ": "X", "dhsc": "DHSC"} {
		if got := NormaliseID(in); got != want {
			t.Errorf("NormaliseID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestByName(t *testing.T) {
	actors := []Named{
		{"dhsc", []string{"DHSC", "Department of Health and Social Care"}},
		{"nhs-england", []string{"NHS England", "NHS England"}},
		{"skills-for-care", []string{"Skills for Care", "Skills for Care"}},
		{"local-government", []string{"Councils", "Local government (councils)"}},
		{"home-office", []string{"Home Office", "Home Office"}},
	}
	for got, want := range map[string]string{
		"nhse": "nhs-england", "NHS England": "nhs-england", "nhs_england": "nhs-england",
		"sfc": "skills-for-care", "councils": "local-government", "dhcs": "dhsc",
		"Department of Health": "dhsc", "zzz": "", "homeofice": "home-office", "ho": "home-office",
	} {
		if g := ByName(got, actors); g != want {
			t.Errorf("ByName(%q) = %q, want %q", got, g, want)
		}
	}
}
