package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
)

// addOutputFlag adds -o/--output FILE to a command that writes a document or
// file. -o means the output file in every command; formats are --format.
func addOutputFlag(cmd *cobra.Command, p *string, usage string, exts ...string) {
	cmd.Flags().StringVarP(p, "output", "o", "", usage)
	_ = cmd.MarkFlagFilename("output", exts...)
}

// writeOutput renders with write and sends the result to path, or to stdout
// when path is "" or "-". The document is rendered in memory and the file
// replaced by a rename, so a failure never leaves a partial file behind.
func writeOutput(f *Factory, path string, write func(io.Writer) error) error {
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
