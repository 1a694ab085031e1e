import { createLocalEngine } from '../../src/server/local-engine/local-engine.ts';
import type { JobProfile } from '../../src/server/local-engine/work-profile.ts';
import type { BenchEngine, BenchEngineFactory } from './bench-engine.ts';

/** Two single-threaded workers, as the server runs it (DESIGN.md). */
const WORKERS = 2;

/**
 * The project's own engine, in process. Its typed failures are reported under their class name
 * (NoCardFoundError, ...): the HTTP layer, not the benchmark, owns the mapping to API codes.
 */
export const localEngine: BenchEngineFactory = {
  name: 'local',
  description: `local PP-OCR engine, ${WORKERS} workers, in process`,
  async create({ models, profile }): Promise<BenchEngine> {
    let work: JobProfile[] = [];
    const engine = await createLocalEngine({
      workers: WORKERS,
      models,
      ...(profile ? { onProfile: (job: JobProfile) => work.push(job) } : {}),
    });
    return {
      name: 'local',
      ...(profile
        ? {
            takeWork: () => {
              const taken = work;
              work = [];
              return taken;
            },
          }
        : {}),
      async recognize(bytes, side) {
        try {
          const result = await engine.recognize(bytes, {
            side: side ?? 'auto',
            returnVerification: true,
            returnTextLocation: false,
            returnAdjustedImage: false,
            returnPortraitImage: false,
            returnPortraitLocation: false,
            alarms: [],
          });
          return { ok: true, result };
        } catch (error) {
          if (!(error instanceof Error)) throw error;
          return { ok: false, error: { error_code: error.name, error_msg: error.message } };
        }
      },
      close: () => engine.close(),
    };
  },
};
