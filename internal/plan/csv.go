package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/finding"
	"github.com/open-workforce/strategy/internal/schema"
	"github.com/open-workforce/strategy/internal/suggest"
	"github.com/open-workforce/strategy/internal/yamlnode"
)

// Columns a spreadsheet may have, matched by name in any case, ignoring
// spaces, punctuation and a plural "(s)". Each list's first name is the one
// shown in messages.
var csvColumns = []csvCol{
	{"id", []string{"id", "local id", "action id", "ref", "reference", "no", "number"}, false},
	{"title", []string{"local action", "action", "title", "action title", "local action title", "description"}, true},
	{"serves", []string{"national ids", "national id", "national item", "national items", "national item ids", "serves", "strategy ids", "strategy id"}, true},
	{"owner", []string{"owner", "lead", "action owner"}, true},
	{"status", []string{"status", "local status"}, true},
	{"due", []string{"due", "due date", "deadline", "target date"}, false},
	{"notes", []string{"notes", "note", "comments"}, false},
}

type csvCol struct {
	field    string
	names    []string
	required bool
}

// statusWords maps what spreadsheets say to a local status. Anything else is
// reported, never guessed.
var statusWords = map[string]string{
	"planned": Planned, "not started": Planned, "to do": Planned, "todo": Planned,
	"in progress": InProgress, "started": InProgress, "ongoing": InProgress,
	"complete": Complete, "completed": Complete, "done": Complete,
	"paused": Paused, "on hold": Paused,
	"dropped": Dropped, "cancelled": Dropped, "canceled": Dropped,
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func columnKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "(s)", "s")
	return strings.TrimSpace(nonWord.ReplaceAllString(s, " "))
}

// ImportResult is what [ImportCSV] made of a spreadsheet.
type ImportResult struct {
	Plan     *Plan
	Findings []finding.Finding // rows it could not map; nothing may be written when there are any
	Notes    []string          // what it decided without being told (encoding, ids, ignored columns)
}

// ImportCSV reads a spreadsheet saved as CSV, one local action per row under
// a header row, into p's actions, checking each national id against s. It
// accepts UTF-8 with or without a byte order mark, UTF-16 with one (Excel's
// "Unicode text"), and Windows-1252 (Excel's plain "CSV (Comma delimited)");
// commas, semicolons or tabs between fields; quoted fields spanning lines.
// display names the file in findings, whose line is the row's first line in
// the file and whose message gives the row number as a spreadsheet shows it
// (the header is row 1).
func ImportCSV(src []byte, display string, p *Plan, s *dataset.Set) ImportResult {
	return ImportCSVMapped(src, display, p, s, nil)
}

// ParseColumnMap reads --map's "Header=field,Other header=field": which of a
// spreadsheet's own headers holds which field. A field is named as in the
// accepted headers (owner, serves or "national ids", and so on).
func ParseColumnMap(spec string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		header, field, ok := strings.Cut(pair, "=")
		if !ok || columnKey(header) == "" {
			return nil, fmt.Errorf("%q is not HEADER=FIELD, such as \"Lead officer=owner\"", strings.TrimSpace(pair))
		}
		f := fieldFor(columnKey(field))
		if f == "" {
			return nil, fmt.Errorf("%q is not a field a plan has: use one of %s", strings.TrimSpace(field), fieldNames())
		}
		out[columnKey(header)] = f
	}
	return out, nil
}

// fieldFor returns the field a header key names, by field name or any of
// its accepted headers, or "".
func fieldFor(key string) string {
	for _, c := range csvColumns {
		if key == c.field || slices.Contains(c.names, key) {
			return c.field
		}
	}
	return ""
}

func fieldNames() string {
	var names []string
	for _, c := range csvColumns {
		names = append(names, c.field)
	}
	return strings.Join(names, ", ")
}

// ImportCSVMapped is [ImportCSV] with extra headers: columns maps a header
// (as [ParseColumnMap] keys it) to the field it holds.
func ImportCSVMapped(src []byte, display string, p *Plan, s *dataset.Set, columns map[string]string) ImportResult {
	im := &importer{display: display, set: s, res: ImportResult{Plan: p}, mapped: columns, firstRow: map[string]int{}}
	text, note, err := decodeText(src)
	if err != nil {
		im.failf(1, 1, "csv-encoding", "%v", err)
		return im.res
	}
	if note != "" {
		im.note("%s", note)
	}
	im.r = csv.NewReader(strings.NewReader(text))
	im.r.Comma = sniffDelimiter(text)
	im.r.FieldsPerRecord = -1 // ragged rows are reported with their row number, not as a parse failure
	if !im.readHeader() || !im.readRows(p) {
		return im.res
	}
	if len(p.Actions) == 0 && len(im.res.Findings) == 0 {
		im.failf(1, 1, "csv-empty", "the file has a header row but no actions")
	}
	if len(im.res.Findings) == 0 {
		im.checkSchema(p)
	}
	finding.Sort(im.res.Findings)
	return im.res
}

// importer holds what reading one spreadsheet has learnt so far.
type importer struct {
	display string
	set     *dataset.Set
	res     ImportResult
	r       *csv.Reader

	mapped   map[string]string // --map: header key to field
	header   []string
	cols     map[string]int  // field to column index
	ids      []string        // the dataset's item ids
	known    map[string]bool // ... as a set
	firstRow map[string]int  // local id to the row that used it first
	origins  []origin        // where each action came from, for the schema check
}

// origin is the row an action came from and the column of each field.
type origin struct {
	row, line int
	col       map[string]int
}

func (im *importer) failf(line, col int, rule, format string, args ...any) {
	im.res.Findings = append(im.res.Findings, finding.Finding{Path: im.display, Line: line, Column: col, Rule: rule, Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
}

func (im *importer) note(format string, args ...any) {
	im.res.Notes = append(im.res.Notes, fmt.Sprintf(format, args...))
}

// readHeader maps the header row's columns to fields. It reports false when
// the rows cannot be read because of it.
func (im *importer) readHeader() bool {
	header, err := im.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			im.failf(1, 1, "csv-empty", "the file has no header row")
		} else {
			csvError(err, im.failf)
		}
		return false
	}
	im.header, im.cols = header, map[string]int{}
	var ignored []string
	for i, h := range header {
		c := im.column(h)
		if c == nil {
			if strings.TrimSpace(h) != "" {
				ignored = append(ignored, fmt.Sprintf("%q", h))
			}
			continue
		}
		if prev, dup := im.cols[c.field]; dup {
			line, col := im.r.FieldPos(i)
			im.failf(line, col, "csv-header", "column %d (%q) is a second %q column; column %d already is", i+1, h, c.names[0], prev+1)
		}
		im.cols[c.field] = i
	}
	for key, field := range im.mapped {
		if !slices.ContainsFunc(header, func(h string) bool { return columnKey(h) == key }) {
			im.failf(1, 1, "csv-header", "--map names a %q column for %s, but the header row has none; found %s", key, field, quoteAll(header))
		}
	}
	for _, c := range csvColumns {
		if _, ok := im.cols[c.field]; !ok && c.required {
			im.failf(1, 1, "csv-header", "the header row has no %q column: accepted headers are %s, in any case; found %s. Map a header of your own with --map \"HEADER=%s\"", c.names[0], quoteAll(c.names), quoteAll(header), c.field)
		}
	}
	if len(im.res.Findings) > 0 {
		return false
	}
	if len(ignored) > 0 {
		im.note("ignored columns %s", strings.Join(ignored, ", "))
	}
	if _, ok := im.cols["id"]; !ok {
		im.note("no id column: actions are numbered A1, A2, ... in row order")
	}
	im.ids = make([]string, len(im.set.Items))
	im.known = map[string]bool{}
	for i, it := range im.set.Items {
		im.ids[i] = it.ID
		im.known[it.ID] = true
	}
	return true
}

// column is the column a header names, by an accepted name or --map, or nil.
func (im *importer) column(header string) *csvCol {
	key := columnKey(header)
	for i, c := range csvColumns {
		if slices.Contains(c.names, key) || im.mapped[key] == c.field {
			return &csvColumns[i]
		}
	}
	return nil
}

// readRows adds an action for each row. It reports false when reading had
// to stop: a syntax error, or more actions than a plan may hold.
func (im *importer) readRows(p *Plan) bool {
	for row := 2; ; row++ {
		rec, err := im.r.Read()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			csvError(err, im.failf)
			return false
		}
		line, _ := im.r.FieldPos(0)
		if blank(rec) {
			continue // Excel writes empty rows as a line of commas
		}
		if len(rec) != len(im.header) {
			im.failf(line, 1, "csv-ragged-row", "row %d has %d fields, the header row has %d", row, len(rec), len(im.header))
			continue
		}
		p.Actions = append(p.Actions, im.action(rec, row, line, len(p.Actions)))
		if len(p.Actions) > MaxActions {
			im.failf(line, 1, "plan-too-many-actions", "row %d: more than the %d actions a plan may hold; split the spreadsheet, one plan per file", row, MaxActions)
			return false
		}
	}
}

// cell is a field's trimmed value in rec and its column, or "" and column 1
// when the spreadsheet has no such column.
func (im *importer) cell(rec []string, field string) (string, int) {
	i, ok := im.cols[field]
	if !ok {
		return "", 1
	}
	_, col := im.r.FieldPos(i)
	return strings.TrimSpace(rec[i]), col
}

// action makes the n-th action (from 0) from one row, reporting what it
// cannot map.
func (im *importer) action(rec []string, row, line, n int) Action {
	var a Action
	id, idCol := im.cell(rec, "id")
	if _, ok := im.cols["id"]; !ok {
		id = "A" + strconv.Itoa(n+1)
	}
	a.ID = id
	if id == "" {
		im.failf(line, idCol, "csv-missing-value", "row %d: the id is empty", row)
	} else if prev, dup := im.firstRow[id]; dup {
		im.failf(line, idCol, "plan-duplicate-id", "row %d: id %q is already used by row %d", row, id, prev)
	} else {
		im.firstRow[id] = row
	}
	var col int
	a.Title, col = im.cell(rec, "title")
	a.Title = oneLine(a.Title)
	if a.Title == "" {
		im.failf(line, col, "csv-missing-value", "row %d: the local action is empty", row)
	}
	a.Owner, col = im.cell(rec, "owner")
	a.Owner = oneLine(a.Owner)
	if a.Owner == "" {
		im.failf(line, col, "csv-missing-value", "row %d: the owner is empty", row)
	}
	status, col := im.cell(rec, "status")
	if st, ok := statusWords[columnKey(status)]; ok {
		a.Status = st
	} else {
		im.failf(line, col, "csv-unknown-status", "row %d: status %q is not one of %s", row, status, strings.Join(Statuses, ", "))
	}
	due, col := im.cell(rec, "due")
	if due != "" {
		if d, ok := parseDue(due); ok {
			a.Due = d
		} else {
			im.failf(line, col, "csv-invalid-date", "row %d: due date %q is not a date: use YYYY-MM-DD or DD/MM/YYYY", row, due)
		}
	}
	serves, col := im.cell(rec, "serves")
	if wording(serves, im.known) {
		// "Care Workforce Pathway": the item named by its words, as
		// 'list --search' finds it, in one message for the cell.
		im.failf(line, col, "plan-unknown-item", "row %d: %s", row, byWording(im.set, serves))
		serves = ""
		col = -1
	}
	a.Serves = im.serves(serves, row, line, col)
	if serves == "" && col >= 0 {
		im.failf(line, col, "csv-missing-value", "row %d: no national id: each action serves at least one national item", row)
	}
	a.Notes, _ = im.cell(rec, "notes")
	o := origin{row: row, line: line, col: map[string]int{}}
	for field := range im.cols {
		_, o.col[field] = im.cell(rec, field)
	}
	im.origins = append(im.origins, o)
	return a
}

// serves reads a cell of national ids, each once, checked against the dataset.
func (im *importer) serves(cell string, row, line, col int) []string {
	var out []string
	for _, n := range splitIDs(cell) {
		if !im.known[n] {
			fixed := suggest.NormaliseID(n)
			if !im.known[fixed] {
				im.failf(line, col, "plan-unknown-item", "row %d: %s", row, unknownItem(im.set, im.ids, n))
				continue
			}
			// Only the spelling differs (tr-2 for TR-02): the meaning is not
			// in doubt, so the id is written properly.
			im.note("row %d: wrote %q as %s", row, n, fixed)
			n = fixed
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// checkSchema gives the plan schema the last word on each value (lengths,
// id shape) and puts its complaints back on the rows they came from.
func (im *importer) checkSchema(p *Plan) {
	doc, probs := yamlnode.Parse(Marshal(p, Header{SchemaRef: SchemaURL}))
	if doc == nil || len(probs) > 0 {
		// Marshal wrote something yaml.v3 cannot read back: a bug here, not
		// in the spreadsheet, but never written out unchecked.
		msg := "no document"
		if len(probs) > 0 {
			msg = probs[0].Message
		}
		im.failf(1, 1, "schema", "cannot check the plan made from the spreadsheet (%s): please report this", msg)
		return
	}
	vs, err := schema.Validate(schema.Plan, doc.Value())
	if err != nil {
		im.failf(1, 1, "schema", "cannot apply the plan schema: %v", err)
	}
	for _, v := range vs {
		if len(v.Path) < 3 || v.Path[0] != "actions" {
			im.failf(1, 1, v.Rule, "%s", v.Message)
			continue
		}
		i, _ := strconv.Atoi(v.Path[1])
		o := im.origins[i]
		_, msg, _ := strings.Cut(v.Message, ".")
		im.failf(o.line, max(o.col[v.Path[2]], 1), v.Rule, "row %d: %s", o.row, msg)
	}
}

func csvError(err error, fail func(line, col int, rule, format string, args ...any)) {
	if pe, ok := errors.AsType[*csv.ParseError](err); ok {
		fail(pe.Line, max(pe.Column, 1), "csv-syntax", "%v (a quote opened in a field must be closed; a quote inside a quoted field is written twice)", pe.Err)
		return
	}
	fail(1, 1, "csv-syntax", "%v", err)
}

// oneLine joins a cell that a spreadsheet wrapped over several lines.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// wording reports whether a national-ids cell names items by words rather
// than ids: none of its pieces is, or looks like, an item id.
func wording(cell string, known map[string]bool) bool {
	pieces := splitIDs(cell)
	if len(pieces) < 2 {
		return false // one word is a mistyped id more often than a title
	}
	for _, n := range pieces {
		if known[n] || known[suggest.NormaliseID(n)] || strategyID.MatchString(suggest.NormaliseID(n)) || strings.ContainsAny(n, "0123456789") {
			return false
		}
	}
	return true
}

// byWording says which national items a phrase matches, searching titles
// and summaries in any case as 'strategy list --search' does.
func byWording(s *dataset.Set, phrase string) string {
	phrase = oneLine(phrase)
	want := strings.ToLower(phrase)
	var hits []string
	for _, it := range s.Items {
		if strings.Contains(strings.ToLower(it.Title), want) || strings.Contains(strings.ToLower(it.Summary), want) {
			hits = append(hits, fmt.Sprintf("%s (%s)", it.ID, it.Title))
		}
	}
	msg := fmt.Sprintf("%q names national items by words, not ids", phrase)
	switch {
	case len(hits) == 0:
		return msg + fmt.Sprintf("; no item's title or summary contains it: find the ids with 'strategy list --search WORD' and write them, such as TR-02")
	case len(hits) > 3:
		return msg + fmt.Sprintf("; %d items mention it, such as %s: 'strategy list --search %q' lists them; write the ids meant", len(hits), strings.Join(hits[:3], ", "), phrase)
	}
	return msg + fmt.Sprintf(" (did you mean %s?): write the id", strings.Join(hits, " or "))
}

// splitIDs splits a cell naming several national ids: "AR-01, TR-02",
// "AR-01; TR-02", or one per line.
func splitIDs(cell string) []string {
	return strings.FieldsFunc(cell, func(r rune) bool {
		return r == ',' || r == ';' || r == '/' || r == '\n' || r == '\r' || r == ' ' || r == '\t'
	})
}

// parseDue reads a due date as ISO (2026-03-31) or as English spreadsheets
// write it (31/03/2026); the day-first reading is the UK convention.
func parseDue(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

var (
	utf8BOM    = []byte("\xef\xbb\xbf")
	utf16LEBOM = []byte("\xff\xfe")
	utf16BEBOM = []byte("\xfe\xff")
)

// decodeText turns the file into UTF-8 text and says which encoding it took
// when that was not plain UTF-8.
func decodeText(src []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(src, utf8BOM):
		src = src[len(utf8BOM):]
	case bytes.HasPrefix(src, utf16LEBOM), bytes.HasPrefix(src, utf16BEBOM):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(src)
		if err != nil {
			return "", "", fmt.Errorf("the file starts as UTF-16 but cannot be read as it: %v", err)
		}
		return string(out), "read the file as UTF-16 (Excel's Unicode text)", nil
	}
	if utf8.Valid(src) {
		return string(src), "", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(src)
	if err != nil {
		return "", "", fmt.Errorf("the file is neither UTF-8 nor Windows-1252 text")
	}
	return string(out), "the file is not UTF-8: read it as Windows-1252, as Excel's \"CSV (Comma delimited)\" writes it; save as \"CSV UTF-8\" to avoid the guess", nil
}

// sniffDelimiter picks the separator from the header row: Excel writes
// semicolons where the decimal mark is a comma, and tabs in Unicode text.
func sniffDelimiter(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(first, ",")
	for _, d := range []rune{';', '\t'} {
		if c := strings.Count(first, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}
