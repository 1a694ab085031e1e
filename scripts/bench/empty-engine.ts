import type { RequestedSide } from '../../src/idcard/api-contract.ts';
import type { BenchEngine, BenchEngineFactory } from './bench-engine.ts';

const EMPTY_FRONT = { name: '', sex: '', ethnicity: '', birth: '', address: '', number: '' };
const EMPTY_BACK = { issue: '', valid_from: '', valid_to: '' };

function emptyResult(side: RequestedSide | undefined) {
  if (side === 'double_side') return { front: { ...EMPTY_FRONT }, back: { ...EMPTY_BACK } };
  return side === 'back' ? { ...EMPTY_BACK } : { ...EMPTY_FRONT };
}

/**
 * The floor every engine must beat: it answers every field empty, at once. It keeps the harness
 * honest (nothing may count as right) and shows the harness's own overhead in the latencies.
 */
export const emptyEngine: BenchEngineFactory = {
  name: 'empty',
  description: 'answers every field empty (harness baseline)',
  async create(): Promise<BenchEngine> {
    return {
      name: 'empty',
      recognize: async (_bytes, side) => ({ ok: true, result: emptyResult(side) }),
      close: async () => {},
    };
  },
};
