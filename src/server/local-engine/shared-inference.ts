import type { MessagePort } from 'node:worker_threads';
import type { ModelName, ModelRunner, RunOptions, Tensor } from '../../ocr/model-runner.ts';

/**
 * Lets an inference worker spread one batch over workers that have no job of their own, so a
 * single photo at a quiet counter is read on every core instead of one. Under load every worker
 * is busy and each reads its own batches, as before.
 */

/** One flag per worker, 1 while it has a job: set by the engine, read by the workers. */
export type BusyFlags = Int32Array;

export function createBusyFlags(workers: number): BusyFlags {
  return new Int32Array(new SharedArrayBuffer(workers * Int32Array.BYTES_PER_ELEMENT));
}

export function setBusy(flags: BusyFlags, worker: number, busy: boolean): void {
  Atomics.store(flags, worker, busy ? 1 : 0);
}

function isBusy(flags: BusyFlags, worker: number): boolean {
  return Atomics.load(flags, worker) === 1;
}

/** A channel to another worker, which answers `ShareRequest`s with its own models. */
export type Peer = { index: number; port: MessagePort };

/**
 * Both workers of a channel send requests and answer them on the same port, so every message
 * says which it is.
 */
export type ShareRequest = {
  kind: 'request';
  id: number;
  model: ModelName;
  inputs: Tensor[];
  options: RunOptions;
};
export type ShareReply =
  | { kind: 'reply'; id: number; ok: true; outputs: Tensor[] }
  | { kind: 'reply'; id: number; ok: false; message: string };
type ShareMessage = ShareRequest | ShareReply;

/**
 * The recogniser's time grows a little faster than a line's width (measured on this model: 7.5
 * ms at 160 px, 17 at 320, 46 at 640, about w + w^2/760 px-equivalents), plus about 1 ms a call
 * (30 px-equivalents) whatever the width.
 */
const QUADRATIC_WIDTH_PX = 760;
const CALL_OVERHEAD_PX = 30;

function costOf(input: Tensor): number {
  const width = input.dims.at(-1) ?? 0;
  return width + (width * width) / QUADRATIC_WIDTH_PX + CALL_OVERHEAD_PX;
}

/**
 * Splits a batch into `parts` shares of about equal cost (longest first, each to the lightest
 * share so far), as lists of indices into `inputs`.
 */
export function splitBatch(inputs: readonly Tensor[], parts: number): number[][] {
  const shares = Array.from({ length: parts }, () => ({ cost: 0, indices: [] as number[] }));
  const order = inputs.map((input, index) => ({ index, cost: costOf(input) }));
  order.sort((a, b) => b.cost - a.cost);
  for (const { index, cost } of order) {
    const lightest = shares.reduce((min, share) => (share.cost < min.cost ? share : min));
    lightest.cost += cost;
    lightest.indices.push(index);
  }
  return shares.map((share) => share.indices.sort((a, b) => a - b));
}

/** Answers the requests that arrive on `port` with `runner`, between this worker's own runs. */
export function serveShares(port: MessagePort, runner: ModelRunner): void {
  port.on('message', async (request: ShareMessage) => {
    if (request.kind !== 'request') return;
    let reply: ShareReply;
    try {
      reply = {
        kind: 'reply',
        id: request.id,
        ok: true,
        outputs: await runner.runBatch(request.model, request.inputs, request.options),
      };
    } catch (error) {
      reply = { kind: 'reply', id: request.id, ok: false, message: (error as Error).message };
    }
    port.postMessage(reply);
  });
}

type Waiting = { resolve: (outputs: Tensor[]) => void; reject: (error: Error) => void };

/** Sends shares to one peer and matches its replies to them. */
function peerClient(peer: Peer) {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let open = true;
  peer.port.on('message', (reply: ShareMessage) => {
    if (reply.kind !== 'reply') return;
    const entry = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!entry) return;
    if (reply.ok) entry.resolve(reply.outputs);
    else entry.reject(new Error(`inference worker ${peer.index} failed: ${reply.message}`));
  });
  peer.port.on('close', () => {
    open = false;
    for (const entry of waiting.values()) {
      entry.reject(new Error(`inference worker ${peer.index} stopped`));
    }
    waiting.clear();
  });
  return {
    index: peer.index,
    isOpen: () => open,
    run(model: ModelName, inputs: Tensor[], options: RunOptions): Promise<Tensor[]> {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        peer.port.postMessage({
          kind: 'request',
          id,
          model,
          inputs,
          options,
        } satisfies ShareRequest);
      });
    },
  };
}

/**
 * `own` with its batches shared: each batch is split by cost between this worker and the peers
 * that have no job at the moment it starts, and put back together in order.
 */
export function createSharingRunner(own: ModelRunner, peers: Peer[], busy: BusyFlags): ModelRunner {
  const clients = peers.map(peerClient);
  return {
    run: own.run,
    async runBatch(model, inputs, options = {}) {
      const helpers = clients
        .filter((c) => c.isOpen() && !isBusy(busy, c.index))
        .slice(0, inputs.length - 1);
      if (helpers.length === 0) return own.runBatch(model, inputs, options);
      const [mine = [], ...theirs] = splitBatch(inputs, helpers.length + 1);
      const pick = (indices: number[]) => indices.map((i) => inputs[i] as Tensor);
      const results = await Promise.all([
        own.runBatch(model, pick(mine), options),
        ...theirs.map((indices, k) =>
          (helpers[k] as (typeof helpers)[number]).run(model, pick(indices), options),
        ),
      ]);
      const outputs = new Array<Tensor>(inputs.length);
      [mine, ...theirs].forEach((indices, share) => {
        indices.forEach((index, k) => {
          outputs[index] = (results[share] as Tensor[])[k] as Tensor;
        });
      });
      return outputs;
    },
  };
}
