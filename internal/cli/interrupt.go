package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interruptible returns a context that is cancelled by Ctrl-C (SIGINT) or
// SIGTERM, for work that cleans up after itself when it stops rather than
// being killed halfway. Only the command that checks the context calls it,
// and only around that work: elsewhere the signals end the process at once,
// as usual.
//
// From the first signal until stop is called, the signals are caught, not
// obeyed: a second Ctrl-C, which a long pause invites, would otherwise kill
// the process in the middle of removing what it wrote and leave half of it
// behind. The first prints stopping, which says so (Ctrl-\ still quits at
// once). A signal the process was started with ignored, as a background
// job of a script is with SIGINT, stays ignored. stop must be called when
// the work, cleanup included, is done.
func interruptible(parent context.Context, errOut io.Writer, stopping string) (context.Context, func()) {
	var sigs []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	ctx, cancel := context.WithCancelCause(parent)
	if len(sigs) == 0 {
		return ctx, func() { cancel(nil) }
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	done := make(chan struct{})
	go func() {
		first := true
		for {
			select {
			case s := <-ch:
				if first {
					fmt.Fprintf(errOut, "strategy: %s (%v)\n", stopping, s)
					cancel(fmt.Errorf("%v signal received", s))
					first = false
				}
			case <-done:
				return
			}
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}
