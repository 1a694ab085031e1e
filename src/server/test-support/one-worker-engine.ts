import { afterAll, beforeAll } from 'vitest';
import { createLocalEngine, type LocalEngine } from '../local-engine/local-engine.ts';

/**
 * The real local engine with one worker, loaded once for the calling `describe` block and closed
 * after it; call the returned getter inside tests (the engine exists only once `beforeAll` ran).
 */
export function oneWorkerEngine(): () => LocalEngine {
  let engine: LocalEngine | undefined;
  beforeAll(async () => {
    engine = await createLocalEngine({ workers: 1 });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });
  return () => {
    if (!engine) throw new Error('the engine is used before it was loaded');
    return engine;
  };
}
