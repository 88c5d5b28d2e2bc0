package cli

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/synth"
)

// runCmd runs one command in process on the dataset in dir and returns its
// standard output.
func runCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	ios, out, _ := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }, Now: fixedNow}
	if code := run(f, append([]string{"--data", dir}, args...)); code != ExitOK {
		t.Fatalf("strategy %s: exit %d", strings.Join(args, " "), code)
	}
	return out.String()
}

// timelineAgreesWithList is the property the timeline promises, checked
// through the commands themselves: on every row's day, each status count is
// the number of items `list --as-of DAY --status S` prints.
func timelineAgreesWithList(t *testing.T, dir, interval string, minEnds int) {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(runCmd(t, dir, "timeline", "--interval", interval, "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := records[0]
	statuses := header[2:5]
	if strings.Join(statuses, " ") != "not-started in-progress complete" {
		t.Fatalf("header %v", header)
	}
	periodEnds := 0
	for _, r := range records[1:] {
		date := r[1]
		if strings.HasSuffix(date, "-31") || strings.HasSuffix(date, "-30") || strings.HasSuffix(date, "-28") || strings.HasSuffix(date, "-29") {
			periodEnds++
		}
		for i, st := range statuses {
			ids := strings.Fields(runCmd(t, dir, "list", "--as-of", date, "--status", st, "--format", "ids"))
			if n, _ := strconv.Atoi(r[2+i]); n != len(ids) {
				t.Errorf("%s: timeline says %d %s, list --as-of prints %d", date, n, st, len(ids))
			}
		}
	}
	if periodEnds < minEnds {
		t.Fatalf("only %d period ends checked", periodEnds)
	}
}

// Every month end from launch to the fixed today (2026-01-01): 17.
func TestTimelineAgreesWithListOnRealData(t *testing.T) {
	timelineAgreesWithList(t, "../../data", "month", 17)
}

func TestTimelineAgreesWithListOnGeneratedData(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Generate(os.DirFS("../../data"), dir, 120); err != nil {
		t.Fatal(err)
	}
	// Quarter ends keep the number of list runs (each reads every file) low.
	timelineAgreesWithList(t, dir, "quarter", 5)
}
