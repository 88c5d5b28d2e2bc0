package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/atomicfile"
	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/iostreams"
	"github.com/open-workforce/strategy/internal/plan"
)

type planInitOptions struct {
	IO      *iostreams.IOStreams
	Factory *Factory

	Org    string
	Type   string
	Title  string
	Output string
	Force  bool
	Schema string
}

func newCmdPlanInit(f *Factory) *cobra.Command {
	opts := &planInitOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "init --org NAME --type TYPE [flags]",
		Short: "Write a starter plan that lists the national items to map to",
		Long: `Write a new plan file for an organisation: its name and type, a title, today's
date, an empty list of actions with a commented example, and every national
item of the dataset listed by theme as comments, so that actions can be
mapped without leaving the file. Items the sector can act on without
government are marked [sector].

With --output the file is written whole or not at all, and an existing file
is never replaced unless --force is given; without it the plan goes to
stdout.

The first line names the plan schema for editors (yaml-language-server, as in
VS Code's YAML extension): ../schema/plan.schema.json when the file goes into
a plans/ folder beside a dataset's schema/ folder, otherwise the schema's URL
in this project's repository. --schema sets another path or URL, such as a
copy saved with 'strategy schema plan > plan.schema.json'.`,
		Example: `  # a council's plan
  $ strategy plan init --org "Example Borough Council" --type local-authority -o plan.yaml

  # an integrated care system's, with its own title
  $ strategy plan init --org "Example ICS" --type integrated-care-system \
      --title "Health and care workforce plan 2025 to 2030" -o ics-plan.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(opts.Org) == "" {
				return usagef("--org needs the organisation's name")
			}
			if opts.Force && opts.Output == "" {
				return usagef("--force needs --output")
			}
			return planInitRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Org, "org", "", "the organisation's `NAME`, as it publishes it")
	addEnumFlag(cmd, &opts.Type, "type", "", "", "the organisation's type", plan.OrgTypes...)
	fl.StringVar(&opts.Title, "title", "", "the plan's `TITLE` (default: \"<NAME> workforce plan\")")
	addPlanFileFlags(cmd, &opts.Output, &opts.Force, &opts.Schema)
	_ = cmd.MarkFlagRequired("org")
	_ = cmd.MarkFlagRequired("type")
	for _, name := range []string{"org", "title"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
	}
	return cmd
}

// addPlanFileFlags adds the flags of the commands that write a plan file:
// -o FILE (through addOutputFileFlag), --force and --schema.
func addPlanFileFlags(cmd *cobra.Command, output *string, force *bool, schemaRef *string) {
	fl := cmd.Flags()
	addOutputFileFlag(cmd, output, "write the plan to `FILE` (default: stdout)", "yaml", "yml")
	fl.BoolVar(force, "force", false, "replace --output if it exists")
	fl.StringVar(schemaRef, "schema", "", "schema `PATH-OR-URL` for the editor modeline (default: see above)")
	_ = cmd.RegisterFlagCompletionFunc("schema", cobra.NoFileCompletions)
}

func planInitRun(opts *planInitOptions) error {
	s, err := loadForReport(opts.Factory, needProse)
	if err != nil {
		return err
	}
	title := opts.Title
	if title == "" {
		title = opts.Org + " workforce plan"
	}
	p := &plan.Plan{
		Organisation: plan.Organisation{Name: strings.TrimSpace(opts.Org), Type: opts.Type},
		Title:        title,
		Date:         opts.Factory.Today(),
	}
	out := plan.Starter(p, s, schemaRef(opts.Schema, opts.Output))
	return writePlan(opts.Factory, s, out, opts.Output, opts.Force)
}

// schemaRef picks the modeline's schema reference for a plan written to
// output: the flag, else the relative path inside a dataset's plans/ folder,
// else the published URL.
func schemaRef(flag, output string) string {
	if flag != "" {
		return flag
	}
	if output == "" {
		return plan.SchemaURL
	}
	dir, err := filepath.Abs(filepath.Dir(output))
	if err != nil {
		return plan.SchemaURL
	}
	if filepath.Base(dir) == plan.Dir {
		if _, err := os.Stat(filepath.Join(dir, "..", "schema", "plan.schema.json")); err == nil {
			return "../schema/plan.schema.json"
		}
	}
	return plan.SchemaURL
}

// writePlan confirms that out reads back as a valid plan, then writes it to
// output (atomically, refusing to replace a file without force) or stdout.
func writePlan(f *Factory, s *dataset.Set, out []byte, output string, force bool) error {
	display := output
	if display == "" {
		display = "<stdout>"
	}
	p, findings := plan.Parse(display, out)
	if p != nil {
		findings = append(findings, plan.Check(p, s, plan.CheckOptions{})...)
	}
	if len(findings) > 0 {
		// The template is fixed, so what fails comes from the flags given
		// (an organisation name too short, say): a usage error.
		msgs := make([]string, len(findings))
		for i, fd := range findings {
			msgs[i] = fd.Message
		}
		return usagef("the plan would not be valid: %s", strings.Join(msgs, "; "))
	}
	if output == "" {
		_, err := f.IO.Out.Write(out)
		return err
	}
	write := atomicfile.Create
	if force {
		write = atomicfile.Write
	}
	if err := write(output, out, 0o644); err != nil {
		if errors.Is(err, atomicfile.ErrExists) {
			return usagef("%s already exists: give another --output, or --force to replace it", output)
		}
		return fmt.Errorf("write %s: %w", output, err)
	}
	fmt.Fprintf(f.IO.ErrOut, "wrote %s (%d actions); next: strategy plan check %s\n", output, len(p.Actions), output)
	return nil
}
