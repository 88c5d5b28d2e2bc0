// Command libraries links the libraries strategy is built on (cobra,
// tablewriter, yaml.v3 through internal/yamlnode, and the JSON Schema
// validator) and does nothing else. bench/run.sh times it beside an empty
// program and `strategy --version`: what their package initialisation costs
// on every run is a floor no code of ours can go under.
package main

import (
	_ "github.com/olekukonko/tablewriter"
	_ "github.com/spf13/cobra"

	_ "github.com/open-workforce/strategy/internal/yamlnode"
	_ "github.com/open-workforce/strategy/third_party/jsonschema"
)

func main() {}
