import type { HealthReport } from '../http/create-app.ts';
import type { EngineState } from './local-upstream.ts';
import type { ModelSet } from './model-catalog.ts';

/**
 * `/health` for the local engine: ready once loaded, and from then on the models its workers
 * loaded, with the reason when the recogniser is the PP-OCRv4 fallback.
 */
export function localEngineHealth(
  upstream: string,
  state: EngineState,
  models: ModelSet | null,
): HealthReport {
  return {
    ready: state === 'loaded',
    upstream,
    engine: state,
    ...(models ? { models: models.names } : {}),
    ...(models?.fallbackReason ? { models_note: models.fallbackReason } : {}),
  };
}
