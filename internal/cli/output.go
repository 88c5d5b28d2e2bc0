package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
	"github.com/open-workforce/strategy/internal/iostreams"
)

// The two flags that shape output, where it goes and in what format: every
// command takes them from here, so that each means one thing everywhere.

// addOutputFileFlag adds -o/--output FILE to a command that writes a
// document or file. -o means the output file in every command; formats are
// --format. exts are the kinds of file the command writes, for completion
// and for [outputFlag]'s check.
func addOutputFileFlag(cmd *cobra.Command, p *string, usage string, exts ...string) {
	cmd.Flags().VarP(&outputFlag{value: p, cmd: cmd, exts: exts}, "output", "o", usage)
	_ = cmd.MarkFlagFilename("output", exts...)
}

// outputFlag is -o FILE. A file name that is exactly a format the command
// writes ("badge -o svg", "report -o markdown") is a slip for --format, as
// "list -o json" is on a command with no -o (see formatSlip): it is refused
// with what to write instead, rather than leaving a file called svg.
type outputFlag struct {
	value *string
	cmd   *cobra.Command
	exts  []string
}

func (o *outputFlag) String() string { return *o.value }
func (o *outputFlag) Type() string   { return "string" }
func (o *outputFlag) Set(v string) error {
	// In any case: "-o HTML" is the same slip, and a file called HTML
	// would collide with html on macOS and Windows.
	if f := o.cmd.Flags().Lookup("format"); f != nil {
		if format, ok := f.Value.(*enumFlag); ok {
			if i := slices.IndexFunc(format.allowed, func(a string) bool { return strings.EqualFold(a, v) }); i >= 0 {
				return fmt.Errorf("-o names the output file, not its format: use --format %s (or -o ./%s for a file called %s)", format.allowed[i], v, v)
			}
		}
	}
	if i := slices.IndexFunc(o.exts, func(e string) bool { return strings.EqualFold(e, v) }); i >= 0 {
		return fmt.Errorf("-o names the output file, and %s is what %s writes, not a name: write -o NAME.%s (or -o ./%s for a file called %s)", o.exts[i], o.cmd.CommandPath(), o.exts[i], v, v)
	}
	*o.value = v
	return nil
}

// addFormatFlag adds --format, long only: -o names an output file in every
// command that writes one, and nothing else. The first format is the
// default.
func addFormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	addEnumFlag(cmd, p, "format", "", formats[0], "output format", formats...)
}

// tableOrTSV picks TSV for the default table format when stdout is not a
// terminal, so pipes get one clean line per row; an explicit --format table
// is honoured.
func tableOrTSV(cmd *cobra.Command, ios *iostreams.IOStreams, format string) string {
	if format == "table" && !ios.IsStdoutTTY() && !cmd.Flags().Changed("format") {
		return "tsv"
	}
	return format
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
