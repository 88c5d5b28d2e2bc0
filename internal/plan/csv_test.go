package plan

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func importCSV(t *testing.T, src []byte) ImportResult {
	t.Helper()
	p := &Plan{Organisation: Organisation{Name: "Example (fictional)", Type: "other"}, Title: "Example", Date: "2025-04-01"}
	return ImportCSV(src, "in.csv", p, base(t))
}

func TestImportCSVReadsExcelFiles(t *testing.T) {
	want := []Action{
		{ID: "A1", Title: "Pay a living wage through contracts", Owner: "Commissioning", Status: InProgress, Due: "2026-03-31", Serves: []string{"AR-01", "TR-01"}},
		{ID: "A2", Title: "Fund learning", Owner: "Workforce team", Status: Planned, Serves: []string{"TR-01"}},
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(
		"Local action\tNational IDs\tOwner\tStatus\tDue\r\nPay a living wage through contracts\tAR-01, TR-01\tCommissioning\tIn progress\t2026-03-31\r\nFund learning\tTR-01\tWorkforce team\tNot started\t\r\n")
	if err != nil {
		t.Fatal(err)
	}
	cp1252, err := charmap.Windows1252.NewEncoder().String(
		"Local action,National IDs,Owner,Status,Due,Cost\r\nPay a living wage through contracts,AR-01;TR-01,Commissioning,in progress,31/03/2026,£5\r\nFund learning,TR-01,Workforce team,PLANNED,,£1\r\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		src   string
		notes int
	}{
		{"UTF-8 with BOM, CRLF, quoted newline, ragged-free",
			"\xef\xbb\xbfLOCAL ACTION,National ID(s),Owner,Status,Due Date\r\n\"Pay a living wage\r\nthrough contracts\",\"AR-01\nTR-01\",Commissioning,In Progress,31/03/2026\r\nFund learning,TR-01,Workforce team,planned,\r\n,,,,\r\n", 1},
		{"semicolons, as Excel writes where the decimal mark is a comma",
			"Local action;National ids;Owner;Status;Due\nPay a living wage through contracts;AR-01, tr-1;Commissioning;in-progress;2026-03-31\nFund learning;TR-01;Workforce team;Planned;\n", 2},
		{"UTF-16 text", utf16, 2},
		{"Windows-1252", cp1252, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := importCSV(t, []byte(tt.src))
			if len(res.Findings) > 0 {
				t.Fatal(res.Findings)
			}
			got := res.Plan.Actions
			if len(got) != len(want) {
				t.Fatalf("got %d actions: %+v", len(got), got)
			}
			for i := range want {
				if g, w := strings.Join(got[i].Serves, ","), strings.Join(want[i].Serves, ","); g != w || got[i].ID != want[i].ID || got[i].Title != want[i].Title || got[i].Owner != want[i].Owner || got[i].Status != want[i].Status || got[i].Due != want[i].Due {
					t.Errorf("action %d = %+v, want %+v", i, got[i], want[i])
				}
			}
			if len(res.Notes) != tt.notes {
				t.Errorf("notes = %q, want %d", res.Notes, tt.notes)
			}
		})
	}
}

func TestImportCSVReportsRows(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"ragged rows", "Local action,National ids,Owner,Status\nA,AR-01,Team,planned\nB,AR-01,Team\nC,AR-01,Team,planned,extra\n", []string{
			"in.csv:3:1: csv-ragged-row: row 3 has 3 fields, the header row has 4",
			"in.csv:4:1: csv-ragged-row: row 4 has 5 fields, the header row has 4",
		}},
		{"unknown status", "Local action,National ids,Owner,Status\nA,AR-01,Team,finished\n", []string{
			`in.csv:2:14: csv-unknown-status: row 2: status "finished" is not one of planned, in-progress, complete, paused, dropped`,
		}},
		{"row numbers count records, lines count lines", "Local action,National ids,Owner,Status\n\"A\nsecond line\",AR-01,Team,planned\nB,AR-01,Team,someday\n", []string{
			`in.csv:4:14: csv-unknown-status: row 3: status "someday" is not one of planned, in-progress, complete, paused, dropped`,
		}},
		{"missing national item", "Local action,National ids,Owner,Status\nA,AR-1 TF-09,Team,planned\n", []string{
			`in.csv:2:3: plan-unknown-item: row 2: no national item "TF-09" in base; it holds 2 of the 3 declared items: map the action to the items it has`,
		}},
		{"missing column", "Action,Owner,Status\nA,Team,planned\n", []string{
			`in.csv:1:1: csv-header: the header row has no "national ids" column: accepted headers are "national ids", "national id", "national item", "national items", "national item ids", "serves", "strategy ids", "strategy id", in any case; found "Action", "Owner", "Status". Map a header of your own with --map "HEADER=serves"`,
		}},
		{"duplicate ids and empty cells", "Id,Local action,National ids,Owner,Status,Due\nA1,Pay,AR-01,Team,planned,soon\nA1,,,,planned,\n", []string{
			`in.csv:2:27: csv-invalid-date: row 2: due date "soon" is not a date: use YYYY-MM-DD or DD/MM/YYYY`,
			`in.csv:3:1: plan-duplicate-id: row 3: id "A1" is already used by row 2`,
			`in.csv:3:4: csv-missing-value: row 3: the local action is empty`,
			`in.csv:3:5: csv-missing-value: row 3: no national id: each action serves at least one national item`,
			`in.csv:3:6: csv-missing-value: row 3: the owner is empty`,
		}},
		{"unclosed quote", "Local action,National ids,Owner,Status\n\"A,AR-01,Team,planned\n", []string{
			`in.csv:2:23: csv-syntax: extraneous or missing " in quoted-field (a quote opened in a field must be closed; a quote inside a quoted field is written twice)`,
		}},
		{"a value the schema refuses", "Ref,Local action,National ids,Owner,Status\nA 1,Pay,AR-01,Team,planned\nA2,Go,AR-01,Team,planned\n", []string{
			`in.csv:2:1: invalid-format: row 2: id: "A 1" must be up to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit, like A1, 2.3 or WF-04`,
			`in.csv:3:4: too-short: row 3: title: expected at least 3 characters, found 2`,
		}},
		{"header only", "Local action,National ids,Owner,Status\n", []string{
			"in.csv:1:1: csv-empty: the file has a header row but no actions",
		}},
		{"empty", "", []string{"in.csv:1:1: csv-empty: the file has no header row"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := importCSV(t, []byte(tt.src))
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
