package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
)

// addOutputFlag adds -o/--output FILE for commands that write a document
// (report, badge). Those commands have no short form for --format: -o names
// the file, as it does for most tools that write one.
func addOutputFlag(cmd *cobra.Command, p *string, exts ...string) {
	cmd.Flags().StringVarP(p, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.MarkFlagFilename("output", exts...)
}

// writeOutput renders with write and sends the result to path, or to stdout
// when path is "" or "-". The document is rendered in memory and the file
// replaced by a rename, so a failure never leaves a partial file behind.
func writeOutput(f *Factory, path string, write func(io.Writer) error) error {
	if err := checkOutputPath(path); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if path == "" || path == "-" {
		_, err := f.IO.Out.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if f.Verbose {
		fmt.Fprintf(f.IO.ErrOut, "strategy: wrote %s (%d bytes)\n", path, buf.Len())
	}
	return nil
}

// formatWords are values of --format. On the commands that write a file -o
// names the file, while elsewhere it is --format; "-o markdown" here is far
// more likely a slip than a file to be called "markdown".
var formatWords = map[string]bool{"html": true, "markdown": true, "md": true, "json": true, "yaml": true,
	"csv": true, "tsv": true, "text": true, "table": true, "svg": true, "ids": true, "github": true}

func checkOutputPath(path string) error {
	if formatWords[strings.ToLower(path)] {
		return usagef("-o names the output file here; for the %s format use --format %s, or give a file name with an extension", path, path)
	}
	return nil
}
