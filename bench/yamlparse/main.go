// Command yamlparse is the speed baseline for bench/run.sh: it reads every
// item file of a dataset and parses it with yaml.v3 alone, on as many
// workers as strategy uses, and does nothing else.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/open-workforce/strategy/internal/yamlnode"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: yamlparse DATASET-DIR")
		os.Exit(2)
	}
	names, err := filepath.Glob(filepath.Join(os.Args[1], "items", "*.yaml"))
	if err != nil || len(names) == 0 {
		fmt.Fprintln(os.Stderr, "yamlparse: no items found")
		os.Exit(1)
	}
	next := make(chan string)
	var wg sync.WaitGroup
	var failed sync.Once
	code := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := range next {
				src, err := os.ReadFile(n)
				if err == nil {
					err = yamlnode.ParseOnly(src)
				}
				if err != nil {
					failed.Do(func() { code = 1; fmt.Fprintln(os.Stderr, n, err) })
				}
			}
		})
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	os.Exit(code)
}
