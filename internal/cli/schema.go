package cli

import (
	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/schema"
)

func newCmdSchema(f *Factory) *cobra.Command {
	var names []string
	for _, k := range schema.Kinds {
		names = append(names, string(k))
	}
	return &cobra.Command{
		Use:   "schema {item | actors | strategy | plan}",
		Short: "Print a JSON Schema the dataset is checked against",
		Long: `Print one of the JSON Schemas (draft 2020-12) built into this binary: the
same files as data/schema/, for editors and other validators.

Data files name their schema on their first line, so editors that use
yaml-language-server (VS Code's YAML extension, Neovim, Helix) complete
fields and underline mistakes while you type:

  # yaml-language-server: $schema=../schema/item.schema.json`,
		Example: `  # save the item schema for another tool
  $ strategy schema item > item.schema.json`,
		ValidArgs: names,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("schema needs one name: %v", names)
			}
			if err := cobra.OnlyValidArgs(cmd, args); err != nil {
				return usagef("unknown schema %q: valid names are %v", args[0], names)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := schema.Source(schema.Kind(args[0]))
			if err != nil {
				return err
			}
			_, err = f.IO.Out.Write(src)
			return err
		},
	}
}
