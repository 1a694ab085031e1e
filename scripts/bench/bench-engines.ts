import type { BenchEngineFactory } from './bench-engine.ts';
import { emptyEngine } from './empty-engine.ts';
import { localEngine } from './local-engine-adapter.ts';
import { plainPassEngine } from './plain-pass-engine.ts';
import { rapidOcrPeer } from './rapidocr/rapidocr-peer.ts';

/** The engines `npm run bench` knows, in the order it runs them; `--engine` picks some. */
export const BENCH_ENGINES: readonly BenchEngineFactory[] = [
  emptyEngine,
  plainPassEngine,
  rapidOcrPeer,
  localEngine,
];
