package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptible returns a context that is cancelled by the first Ctrl-C
// (SIGINT) or SIGTERM, for work that cleans up after itself when it stops
// rather than being killed halfway. Only the command that checks the
// context calls it, and only around that work: elsewhere the signals kill
// the process at once, as usual. Once the first has arrived the default
// comes back, so a second one kills the process even if the work ignores
// the first. The returned stop must be called when the work is done.
func interruptible(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}
