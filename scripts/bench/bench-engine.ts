import type { ErrorBody, IdCardResponse, RequestedSide } from '../../src/idcard/api-contract.ts';

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
};

/** An entry of the engine list: made only when it is going to run. */
export type BenchEngineFactory = {
  readonly name: string;
  readonly description: string;
  create(): Promise<BenchEngine>;
};
