import { describe, expect, it, vi } from 'vitest';
import type { OcrUpstream } from './ocr-upstream.ts';
import { selectUpstream } from './upstream-selection.ts';

const localEngine: OcrUpstream = {
  name: 'local engine',
  call: async () => ({ status: 200, body: {} }),
  close: async () => {},
};

describe('selectUpstream', () => {
  it('builds the local engine by default', async () => {
    const createLocal = vi.fn(() => localEngine);
    expect(await selectUpstream({ kind: 'local' }, createLocal)).toBe(localEngine);
    expect(createLocal).toHaveBeenCalledOnce();
  });

  it('builds the Huawei upstream without loading the local engine', async () => {
    const createLocal = vi.fn(() => localEngine);
    const upstream = await selectUpstream(
      {
        kind: 'huawei',
        ocrBaseUrl: 'https://ocr.cn-north-4.myhuaweicloud.com',
        projectId: 'p',
        timeoutMs: 1000,
        auth: { kind: 'token', token: 'MIIsecret' },
      },
      createLocal,
    );
    expect(upstream.name).toBe('Huawei Cloud OCR at https://ocr.cn-north-4.myhuaweicloud.com');
    expect(upstream.name).not.toContain('MIIsecret');
    expect(createLocal).not.toHaveBeenCalled();
  });
});
