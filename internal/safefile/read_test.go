package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"math"
	"testing"
	"testing/fstest"
	"time"
)

// lying is a file whose Stat gives a size other than what it holds, as a
// file written to while it is read does.
type lying struct {
	io.Reader
	size int64
}

func (l lying) Stat() (fs.FileInfo, error) { return lyingInfo(l.size), nil }
func (l lying) Close() error               { return nil }

type lyingInfo int64

func (i lyingInfo) Name() string       { return "f" }
func (i lyingInfo) Size() int64        { return int64(i) }
func (i lyingInfo) Mode() fs.FileMode  { return 0o644 }
func (i lyingInfo) ModTime() time.Time { return time.Time{} }
func (i lyingInfo) IsDir() bool        { return false }
func (i lyingInfo) Sys() any           { return nil }

func TestReadAtMost(t *testing.T) {
	body := bytes.Repeat([]byte("abcdefghij"), 100) // 1,000 bytes
	for _, tc := range []struct {
		name  string
		size  int64 // what Stat says
		limit int64
		want  int // bytes returned
	}{
		{"size right, under the limit", 1000, 5000, 1000},
		{"size right, exactly the limit", 1000, 1000, 1000},
		{"size right, over the limit: one byte past it", 1000, 999, 1000},
		{"grew since Stat", 10, 5000, 1000},
		{"grew past the limit since Stat", 10, 500, 501},
		{"shrank since Stat", 4000, 5000, 1000},
		{"size unknown", 0, 5000, 1000},
		// A sparse file can claim the largest size there is.
		{"claims the largest size", math.MaxInt64, 500, 501},
		{"claims the largest size, under the limit", math.MaxInt64, 5000, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadAtMost(lying{bytes.NewReader(body), tc.size}, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want || !bytes.Equal(got, body[:tc.want]) {
				t.Fatalf("read %d bytes, want the first %d", len(got), tc.want)
			}
		})
	}
}

func TestReadAtMostRefusesAFolder(t *testing.T) {
	fsys := fstest.MapFS{"d/f": {Data: []byte("x")}}
	f, err := fsys.Open("d")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ReadAtMost(f, 10); !errors.Is(err, ErrIsDir) {
		t.Fatalf("err = %v, want ErrIsDir", err)
	}
}
