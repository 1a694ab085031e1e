import type { IdCardResponse } from '../../idcard/api-contract.ts';
import type { IsoDate } from '../../idcard/card-dates.ts';
import type { RecognizeOptions } from './local-engine-recognize.ts';
import type { ModelSet } from './model-catalog.ts';
import type { BusyFlags, Peer } from './shared-inference.ts';
import type { JobProfile } from './work-profile.ts';

/** Messages between the engine and its inference workers. */
export type WorkerJob = {
  id: number;
  bytes: Uint8Array;
  options: RecognizeOptions;
  today: IsoDate;
};

export type WorkerReply =
  | { id: number; ok: true; result: IdCardResponse['result']; profile?: JobProfile }
  | { id: number; ok: false; error: { name: string; message: string } };

/** Sent once the worker has loaded its models (or failed to). */
export type WorkerReady = { ready: true } | { ready: false; message: string };

/**
 * What a worker is started with: its place among the workers, channels to the others, the model
 * files to load, and whether to answer each job with its `JobProfile`.
 */
export type WorkerSetup = {
  index: number;
  busy: BusyFlags;
  peers: Peer[];
  models: ModelSet;
  profile: boolean;
};
