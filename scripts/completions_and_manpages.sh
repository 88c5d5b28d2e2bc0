#!/bin/sh
# Writes shell completions and man pages from the cobra command tree, for the
# release archives (.goreleaser.yaml runs this as a before hook). Output goes
# to completions/ and manpages/, which .gitignore keeps out of git.
set -eu
cd "$(dirname "$0")/.."
rm -rf completions manpages
mkdir -p completions manpages
for sh in bash zsh fish; do
	go run ./cmd/strategy completion "$sh" >"completions/strategy.$sh"
done
go run ./cmd/gen-docs --dir manpages
for page in manpages/*.1; do
	gzip -n -9 -f "$page"
done
