// Command gen writes a synthetic dataset of N items shaped like data/, for
// bench/run.sh: go run ./bench/gen -n 1000 -o /tmp/strategy-bench/1000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/open-workforce/strategy/internal/synth"
)

func main() {
	n := flag.Int("n", 56, "number of items")
	out := flag.String("o", "", "output folder")
	from := flag.String("from", "data", "real dataset to copy items from")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -o DIR [-from data]")
		os.Exit(2)
	}
	if err := synth.Generate(os.DirFS(*from), *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
