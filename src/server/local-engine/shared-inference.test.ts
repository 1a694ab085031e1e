import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelName, ModelRunner, Tensor } from '../../ocr/model-runner.ts';
import {
  createBusyFlags,
  createSharingRunner,
  serveShares,
  setBusy,
  splitBatch,
} from './shared-inference.ts';

/** A line tensor of the given width whose single value is `tag`. */
function line(width: number, tag: number): Tensor {
  return { data: Float32Array.of(tag), dims: [1, 3, 48, width] };
}

/** A runner that answers each input with its tag plus `offset`, and records what it ran. */
function taggingRunner(offset: number) {
  const seen: number[] = [];
  const answer = (input: Tensor): Tensor => {
    seen.push(input.data[0] as number);
    return { data: Float32Array.of((input.data[0] as number) + offset), dims: [1] };
  };
  const runner: ModelRunner = {
    run: async (_model: ModelName, input: Tensor) => answer(input),
    runBatch: async (_model: ModelName, inputs: readonly Tensor[]) => inputs.map(answer),
  };
  return { runner, seen };
}

const channels: MessageChannel[] = [];

function channel(): MessageChannel {
  const pair = new MessageChannel();
  channels.push(pair);
  return pair;
}

afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

describe('splitBatch', () => {
  it('gives every input to exactly one share, in ascending order within each', () => {
    const inputs = [120, 560, 80, 330, 300, 540, 160].map((w, i) => line(w, i));
    const shares = splitBatch(inputs, 2);
    expect(shares.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const share of shares) expect(share).toEqual(share.slice().sort((a, b) => a - b));
  });

  it('balances the shares by cost, not by count', () => {
    // One very long line against six short ones: the long line alone is about half the work.
    const inputs = [1200, 150, 150, 150, 150, 150, 150].map((w, i) => line(w, i));
    const [first, second] = splitBatch(inputs, 2);
    expect([first, second]).toContainEqual([0]);
  });
});

describe('createSharingRunner', () => {
  it('sends part of a batch to an idle peer and returns the outputs in input order', async () => {
    const { port1, port2 } = channel();
    const own = taggingRunner(1000);
    const peer = taggingRunner(2000);
    serveShares(port2, peer.runner);
    const busy = createBusyFlags(2);
    const runner = createSharingRunner(own.runner, [{ index: 1, port: port1 }], busy);

    const inputs = [400, 380, 90, 300, 420].map((w, i) => line(w, i));
    const outputs = await runner.runBatch('rec', inputs);

    expect(own.seen.length).toBeGreaterThan(0);
    expect(peer.seen.length).toBeGreaterThan(0);
    expect(outputs.map((o) => (o.data[0] as number) % 1000)).toEqual([0, 1, 2, 3, 4]);
    for (const tag of peer.seen) expect(outputs[tag]?.data[0]).toBe(2000 + tag);
  });

  it('keeps requests and replies apart when two workers share with each other at once', async () => {
    const { port1, port2 } = channel();
    const a = taggingRunner(1000);
    const b = taggingRunner(2000);
    serveShares(port1, a.runner);
    serveShares(port2, b.runner);
    const busy = createBusyFlags(2);
    const sharingA = createSharingRunner(a.runner, [{ index: 1, port: port1 }], busy);
    const sharingB = createSharingRunner(b.runner, [{ index: 0, port: port2 }], busy);

    const batch = [300, 310, 320, 330].map((w, i) => line(w, i));
    const [fromA, fromB] = await Promise.all([
      sharingA.runBatch('rec', batch),
      sharingB.runBatch('rec', batch),
    ]);

    expect(fromA.map((o) => (o.data[0] as number) % 1000)).toEqual([0, 1, 2, 3]);
    expect(fromB.map((o) => (o.data[0] as number) % 1000)).toEqual([0, 1, 2, 3]);
    // Each batch was split: both runners ran part of each.
    expect(a.seen).toHaveLength(4);
    expect(b.seen).toHaveLength(4);
  });

  it('keeps the whole batch when the peer has a job of its own', async () => {
    const { port1, port2 } = channel();
    const own = taggingRunner(1000);
    const peer = taggingRunner(2000);
    serveShares(port2, peer.runner);
    const busy = createBusyFlags(2);
    setBusy(busy, 1, true);
    const runner = createSharingRunner(own.runner, [{ index: 1, port: port1 }], busy);

    await runner.runBatch('rec', [line(300, 0), line(300, 1)]);

    expect(own.seen).toEqual([0, 1]);
    expect(peer.seen).toEqual([]);
  });

  it('fails the batch, instead of waiting for ever, when the peer goes away', async () => {
    const { port1, port2 } = channel();
    const own = taggingRunner(1000);
    // The peer never answers; its end is closed while the share is out.
    const runner = createSharingRunner(own.runner, [{ index: 1, port: port1 }], createBusyFlags(2));
    const batch = runner.runBatch('rec', [line(300, 0), line(300, 1)]);
    port2.close();
    await expect(batch).rejects.toThrow(/stopped/);
  });
});
