// Command empty does nothing: bench/run.sh times it as the floor for
// `strategy --version` and shell completion, which should cost little more
// than starting a Go program.
package main

func main() {}
