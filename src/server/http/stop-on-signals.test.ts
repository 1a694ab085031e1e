import { describe, expect, it } from 'vitest';
import { REPEAT_SIGNAL_GRACE_MS, signalHandler } from './stop-on-signals.ts';

function recorder() {
  const calls: string[] = [];
  let clock = 1_000;
  const handle = signalHandler(
    {
      stop: (signal) => calls.push(`stop ${signal}`),
      force: (signal) => calls.push(`force ${signal}`),
      ignore: (signal) => calls.push(`ignore ${signal}`),
    },
    () => clock,
  );
  return { calls, handle, advance: (ms: number) => (clock += ms) };
}

describe('stop signals', () => {
  it('stops gracefully once when one Ctrl+C arrives twice (terminal and relayed)', () => {
    const { calls, handle, advance } = recorder();
    handle('SIGINT');
    advance(3);
    handle('SIGINT');
    expect(calls).toEqual(['stop SIGINT', 'ignore SIGINT']);
  });

  it('takes SIGTERM after SIGINT within the grace as the same request', () => {
    const { calls, handle, advance } = recorder();
    handle('SIGINT');
    advance(REPEAT_SIGNAL_GRACE_MS - 1);
    handle('SIGTERM');
    expect(calls).toEqual(['stop SIGINT', 'ignore SIGTERM']);
  });

  it('gives up waiting on a signal after the grace', () => {
    const { calls, handle, advance } = recorder();
    handle('SIGTERM');
    advance(REPEAT_SIGNAL_GRACE_MS);
    handle('SIGINT');
    expect(calls).toEqual(['stop SIGTERM', 'force SIGINT']);
  });
});
