// Package data embeds the bundled dataset and the JSON Schemas that define its
// shape, so that an installed binary works anywhere on the snapshot it was
// built with, and the validator and editors share one set of schema files.
package data

import "embed"

// FS holds strategy.yaml, actors.yaml, items/ and schema/ as committed.
//
//go:embed schema/*.json strategy.yaml actors.yaml items
var FS embed.FS
