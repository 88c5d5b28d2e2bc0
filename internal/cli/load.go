package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/open-workforce/strategy/internal/dataset"
	"github.com/open-workforce/strategy/internal/query"
	"github.com/open-workforce/strategy/internal/suggest"
)

// Loading the dataset and the flags that shape what the reading commands
// (list, show, summary, claims, actors, themes, report, ...) load and show.

// addAsOfFlag adds --as-of; the date is checked once the dataset is known.
func addAsOfFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "as-of", "", "compute statuses from the progress logs as they stood on `DATE` (YYYY-MM-DD; default today)")
	_ = cmd.RegisterFlagCompletionFunc("as-of", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"2025-07-18\tthe one-year mark"}, cobra.ShellCompDirectiveNoFileComp
	})
}

// asOf resolves --as-of against today and the strategy's publication date:
// before publication no item had a status, so such a date is a usage error.
func asOf(f *Factory, s *dataset.Set, flag string) (string, error) {
	date := flag
	if date == "" {
		return f.Today(), nil
	}
	if _, err := query.ParseDate(date); err != nil {
		return "", usagef("--as-of: %v", err)
	}
	if s.Strategy != nil && s.Strategy.Published != "" && date < s.Strategy.Published {
		return "", usagef("--as-of %s is before the strategy was published (%s)", date, s.Strategy.Published)
	}
	if today := f.Today(); date > today {
		// Useful for "what will be overdue by then", but no log can say
		// what will have happened: say so rather than refuse.
		fmt.Fprintf(f.IO.ErrOut, "strategy: note: --as-of %s is after today (%s); statuses are as last recorded\n", date, today)
	}
	return date, nil
}

// addSinceFlag adds --since, where a look back at what moved starts; usage
// says the default, which differs between commands.
func addSinceFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVar(p, "since", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("since", cobra.NoFileCompletions)
}

// checkSince checks --since as every command reads it: a YYYY-MM-DD date
// before the date the command reports on (date, from asOfFlag or today).
// The window is after since and up to date, so since equal to date is
// refused too: its window is always empty. An empty value is the
// command's default and always good.
func checkSince(since, asOfFlag, date string) error {
	if since == "" {
		return nil
	}
	if _, err := query.ParseDate(since); err != nil {
		return usagef("--since: %v", err)
	}
	if since >= date {
		on := "today (" + date + ")"
		if asOfFlag != "" {
			on = "--as-of " + date
		}
		if since == date {
			return usagef("--since %s is the same day as %s, so the window (the days after --since, up to that day) is empty: give an earlier --since, or a later --as-of", since, on)
		}
		return usagef("--since %s is after %s, so nothing could have moved since then: give an earlier --since, or a later --as-of", since, on)
	}
	return nil
}

// addEvidenceFlag adds --evidence: any (the default) counts every entry,
// stated only those whose source itself ties the event to the item.
func addEvidenceFlag(cmd *cobra.Command, p *string) {
	addEnumFlag(cmd, p, "evidence", "", "any", "count all evidence, or only evidence the source itself ties to the item", "any", "stated")
}

// byEvidence narrows s to stated evidence when asked.
func byEvidence(s *dataset.Set, evidence string) *dataset.Set {
	if evidence == "stated" {
		return s.StatedOnly()
	}
	return s
}

// loadAsOf loads the dataset for a report and resolves --as-of against it.
func loadAsOf(f *Factory, n need, flag string) (*dataset.Set, string, error) {
	s, err := loadForReport(f, n)
	if err != nil {
		return nil, "", err
	}
	date, err := asOf(f, s, flag)
	return s, date, err
}

// loadForReport loads the dataset and refuses one so broken that no figure
// would mean anything.
func loadForReport(f *Factory, n need) (*dataset.Set, error) {
	s, err := f.Dataset(n)
	if err != nil {
		return nil, err
	}
	if s.Strategy == nil {
		return nil, brokenf("%s: cannot report without a readable %s; run 'strategy validate' to see why", s.Display, dataset.StrategyFile)
	}
	warnBrokenDataset(f, s)
	return s, nil
}

// itemHint suggests the item id meant by an unknown one (TR-02 for tr2).
func itemHint(s *dataset.Set, id string) string {
	ids := make([]string, len(s.Items))
	for i, it := range s.Items {
		ids[i] = it.ID
	}
	return suggest.Hint(suggest.ID(id, ids))
}
