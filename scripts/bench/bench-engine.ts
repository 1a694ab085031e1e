import type { ErrorBody, IdCardResponse, RequestedSide } from '../../src/idcard/api-contract.ts';
import type { ModelSet, RecognizerId } from '../../src/server/local-engine/model-catalog.ts';
import type { JobProfile } from '../../src/server/local-engine/work-profile.ts';

/** What an engine answered for one image: the API's `result`, or an API-style error body. */
export type EngineAnswer =
  | { ok: true; result: IdCardResponse['result'] }
  | { ok: false; error: ErrorBody };

/**
 * An engine under measurement. `side` is the request's `side` when the caller knows it; without
 * it the engine must find out. Verification results are always asked for, since the benchmark
 * counts wrong numbers that pass the check character.
 */
export type BenchEngine = {
  readonly name: string;
  recognize(bytes: Uint8Array, side: RequestedSide | undefined): Promise<EngineAnswer>;
  close(): Promise<void>;
  /** Peak memory of an engine that runs outside the benchmark's process, in MiB. */
  peakRssMiB?(): number;
  /** With `--profile`, the work of the jobs answered since the last call (`work-profile.ts`). */
  takeWork?(): JobProfile[];
};

/** What `npm run bench` lets the user choose for the engines it makes. */
export type BenchEngineOptions = {
  /** The model files the PP-OCR engines load (the local engine's default set unless `--rec`). */
  models: ModelSet;
  /** `--rec`: the recogniser asked for, which `models` holds unless it was not installed. */
  recognizer: RecognizerId;
  /** `--profile`: count each job's work, where the engine can. */
  profile: boolean;
};

/** An entry of the engine list: made only when it is going to run. */
export type BenchEngineFactory = {
  readonly name: string;
  readonly description: string;
  create(options: BenchEngineOptions): Promise<BenchEngine>;
  /** Why the engine cannot run on this machine (not set up), or null when it can. */
  unavailable?(): string | null;
};
