import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('listens on loopback port 8080 by default', () => {
    expect(loadConfig({})).toEqual({ port: 8080, host: '127.0.0.1' });
  });

  it('reads PORT and HOST', () => {
    expect(loadConfig({ PORT: '9000', HOST: '0.0.0.0' })).toEqual({ port: 9000, host: '0.0.0.0' });
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', HOST: '' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', HOST: '' })).toThrow(/PORT[\s\S]*HOST/);
  });
});
