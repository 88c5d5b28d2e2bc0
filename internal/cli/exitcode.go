package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, the same for every command.
const (
	ExitOK       = 0 // success, including a filter that matched nothing
	ExitFindings = 1 // the data is wrong: validation errors (warnings too with --strict)
	ExitUsage    = 2 // unknown command or flag, bad flag value, wrong arguments, unknown id
	ExitFailure  = 3 // could not run: no such folder, I/O error
)

// usageError is a mistake in how the command was called; usage is printed.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// findingsError means findings were printed already and the run fails.
type findingsError struct{ errors, warnings int }

func (e *findingsError) Error() string {
	return fmt.Sprintf("%d errors, %d warnings", e.errors, e.warnings)
}

// brokenError is a dataset too broken for the command to say anything: the
// data is wrong (exit 1, as validate would say), not the run.
type brokenError struct{ err error }

func (e *brokenError) Error() string { return e.err.Error() }
func (e *brokenError) Unwrap() error { return e.err }

func brokenf(format string, args ...any) error {
	return &brokenError{fmt.Errorf(format, args...)}
}

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if _, ok := errors.AsType[*findingsError](err); ok {
		return ExitFindings
	}
	if _, ok := errors.AsType[*brokenError](err); ok {
		return ExitFindings
	}
	if isUsage(err) {
		return ExitUsage
	}
	return ExitFailure
}

// isUsage reports a mistake in how the command was called. Every way cobra
// refuses a command line comes back typed: flag parse errors through the
// root's SetFlagErrorFunc, arguments through typeArgErrors, unknown commands
// through the root's Args, and required flags and flag groups through the
// root's PersistentPreRunE, which checks them before cobra does. One prefix
// remains: cobra's hidden __complete command, added while it executes, checks
// its arguments itself. TestMainExitCodes pins each.
func isUsage(err error) bool {
	if _, ok := errors.AsType[*usageError](err); ok {
		return true
	}
	return strings.HasPrefix(err.Error(), "requires at least ")
}

// checkFlags runs cobra's required-flag and flag-group checks early, so
// that their errors are usage errors by type, not by their wording.
func checkFlags(cmd *cobra.Command, _ []string) error {
	if err := cmd.ValidateRequiredFlags(); err != nil {
		return &usageError{err}
	}
	if err := cmd.ValidateFlagGroups(); err != nil {
		return &usageError{err}
	}
	return nil
}

// typeArgErrors makes every argument validator in the tree, cobra's own on
// its completion command included, return usage errors.
func typeArgErrors(cmd *cobra.Command) {
	if v := cmd.Args; v != nil {
		cmd.Args = func(cmd *cobra.Command, args []string) error {
			err := v(cmd, args)
			if err == nil || isUsage(err) {
				return err
			}
			return &usageError{err}
		}
	}
	for _, c := range cmd.Commands() {
		typeArgErrors(c)
	}
}

// Argument validators that return usage errors.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", cmd.CommandPath(), strings.Join(args, " "))
	}
	return nil
}

func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes at most %d argument (%s), got %d", cmd.CommandPath(), n, what, len(args))
		}
		return nil
	}
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s", cmd.CommandPath(), what)
		}
		return nil
	}
}
