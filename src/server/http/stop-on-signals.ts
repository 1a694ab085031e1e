/**
 * How long after the first stop signal another one is taken as the same request to stop. One
 * Ctrl+C reaches the server more than once: the terminal signals its whole process group (npm
 * and node alike) and npm relays the signal to its child, a few milliseconds apart; a person who
 * presses Ctrl+C again to give up waiting takes longer than this.
 */
export const REPEAT_SIGNAL_GRACE_MS = 2_000;

export type StopActions = {
  /** Finish the requests in hand, then exit. Called once. */
  stop(signal: NodeJS.Signals): void;
  /** Exit at once without waiting. */
  force(signal: NodeJS.Signals): void;
  /** A repeat within the grace, told so it can be logged. */
  ignore(signal: NodeJS.Signals): void;
};

/**
 * Decides what a stop signal means: the first stops gracefully, repeats within
 * `REPEAT_SIGNAL_GRACE_MS` change nothing, a later one gives up waiting.
 */
export function signalHandler(
  actions: StopActions,
  now: () => number = performance.now.bind(performance),
): (signal: NodeJS.Signals) => void {
  let firstAt: number | null = null;
  return (signal) => {
    if (firstAt === null) {
      firstAt = now();
      actions.stop(signal);
    } else if (now() - firstAt < REPEAT_SIGNAL_GRACE_MS) {
      actions.ignore(signal);
    } else {
      actions.force(signal);
    }
  };
}
