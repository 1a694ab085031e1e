import { describe, expect, it } from 'vitest';
import { API_ERRORS } from '../../idcard/api-contract.ts';
import { failureMessage } from './error-messages.ts';

const status = (code: string) => API_ERRORS[code as keyof typeof API_ERRORS];

describe('failureMessage', () => {
  it.each(Object.keys(API_ERRORS))('words API error %s in Chinese with an action', (code) => {
    const message = failureMessage({ kind: 'api', code, serverMessage: 'x', status: status(code) });
    expect(message.title).toMatch(/[\u4e00-\u9fff]/);
    expect(message.action).toMatch(/[\u4e00-\u9fff]/);
    expect(message.title).not.toContain(code);
  });

  it('tells the clerk to photograph the whole card when none is found', () => {
    const message = failureMessage({
      kind: 'api',
      code: 'AIS.0104',
      serverMessage: '',
      status: 400,
    });
    expect(message.title).toBe('未找到身份证，或图片不清晰');
  });

  it('says that a page read as double-sided lacked both faces, and how to read one', () => {
    const notFound = { kind: 'api', code: 'AIS.0104', serverMessage: '', status: 400 } as const;
    const message = failureMessage(notFound, true);
    expect(message.title).toBe('这页上没有同时找到人像面和国徽面');
    expect(message.action).toContain('按单面识别');
    expect(failureMessage({ kind: 'network' }, true).title).toBe('连接不上识别服务');
  });

  it('names an unknown code and passes on the server explanation', () => {
    const message = failureMessage({
      kind: 'api',
      code: 'AIS.0999',
      serverMessage: 'quota exceeded',
      status: 400,
    });
    expect(message.title).toContain('AIS.0999');
    expect(message.action).toContain('quota exceeded');
  });

  it('names the refused file and the accepted formats', () => {
    const message = failureMessage({ kind: 'unsupported-format', fileName: '报告.pdf' });
    expect(message.title).toContain('报告.pdf');
    expect(message.action).toContain('JPEG、PNG、BMP、TIFF、WebP、HEIC/HEIF');
  });

  it('gives the size of an image below 15 px', () => {
    expect(failureMessage({ kind: 'too-small', size: { width: 10, height: 40 } }).title).toBe(
      '图片太小（10×40 像素）',
    );
  });

  it.each([
    ['network', '连接不上识别服务'],
    ['offline', '本机已断网'],
    ['timeout', '识别超时'],
  ] as const)('explains a %s failure', (kind, title) => {
    expect(failureMessage({ kind }).title).toBe(title);
  });

  it('shows the HTTP status of a gateway failure without an API body', () => {
    expect(failureMessage({ kind: 'http', status: 502 }).title).toContain('502');
  });
});
