import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const IAM_ENV = {
  OCR_UPSTREAM: 'huawei',
  HUAWEI_OCR_ENDPOINT: 'ocr.cn-north-4.myhuaweicloud.com',
  HUAWEI_PROJECT_ID: '0123456789abcdef0123456789abcdef',
  HUAWEI_IAM_DOMAIN: 'counter-co',
  HUAWEI_IAM_USER: 'ocr-robot',
  HUAWEI_IAM_PASSWORD: 'pa55-word!',
  HUAWEI_REGION: 'cn-north-4',
};

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('listens on loopback port 8080 over plain HTTP with the local engine by default', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      http: { maxUploads: 16, bodyTimeoutMs: 60_000 },
      tls: null,
      upstream: { kind: 'local' },
      localEngine: {
        token: null,
        workers: 2,
        queueLimit: 8,
        queueWaitMs: 10_000,
        requestTimeoutMs: 30_000,
        urlTimeoutMs: 5_000,
        urlAllowList: { hosts: [], networks: [] },
      },
    });
  });

  it('reads the limits of the HTTP edge', () => {
    expect(loadConfig({ OCR_UPLOAD_LIMIT: '4', OCR_BODY_TIMEOUT_MS: '5000' }).http).toEqual({
      maxUploads: 4,
      bodyTimeoutMs: 5000,
    });
    expect(() => loadConfig({ OCR_UPLOAD_LIMIT: '0', OCR_BODY_TIMEOUT_MS: '10' })).toThrow(
      /OCR_UPLOAD_LIMIT[\s\S]*OCR_BODY_TIMEOUT_MS/,
    );
  });

  it('reads PORT and HOST', () => {
    expect(loadConfig({ PORT: '9000', HOST: '0.0.0.0' })).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
    });
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', HOST: '' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', HOST: '' })).toThrow(/PORT[\s\S]*HOST/);
  });

  it('takes TLS certificate and key together', () => {
    expect(
      loadConfig({ TLS_CERT: '/etc/desk/cert.pem', TLS_KEY: '/etc/desk/key.pem' }).tls,
    ).toEqual({ certPath: '/etc/desk/cert.pem', keyPath: '/etc/desk/key.pem' });
    expect(problemsOf({ TLS_CERT: '/etc/desk/cert.pem' })).toMatch(/TLS_KEY: required/);
    expect(problemsOf({ TLS_KEY: '/etc/desk/key.pem' })).toMatch(/TLS_CERT: required/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ TLS_CERT: '', TLS_KEY: ' ', OCR_UPSTREAM: 'local' }).tls).toBeNull();
  });

  it('refuses an unknown upstream', () => {
    expect(problemsOf({ OCR_UPSTREAM: 'aliyun' })).toMatch(/OCR_UPSTREAM/);
  });
});

describe('loadConfig with OCR_UPSTREAM=huawei', () => {
  it('builds IAM password authentication with the regional IAM endpoint by default', () => {
    expect(loadConfig(IAM_ENV).upstream).toEqual({
      kind: 'huawei',
      ocrBaseUrl: 'https://ocr.cn-north-4.myhuaweicloud.com',
      projectId: '0123456789abcdef0123456789abcdef',
      timeoutMs: 20_000,
      auth: {
        kind: 'iam',
        iamBaseUrl: 'https://iam.cn-north-4.myhuaweicloud.com',
        domain: 'counter-co',
        user: 'ocr-robot',
        password: 'pa55-word!',
        region: 'cn-north-4',
      },
    });
  });

  it('takes full base URLs for both endpoints, http on loopback only', () => {
    const upstream = loadConfig({
      ...IAM_ENV,
      HUAWEI_OCR_ENDPOINT: 'http://127.0.0.1:9999/ocr/',
      HUAWEI_IAM_ENDPOINT: 'https://iam.example.test',
      HUAWEI_TIMEOUT_MS: '1500',
    }).upstream;
    expect(upstream).toMatchObject({
      ocrBaseUrl: 'http://127.0.0.1:9999/ocr',
      timeoutMs: 1500,
      auth: { iamBaseUrl: 'https://iam.example.test' },
    });
    expect(problemsOf({ ...IAM_ENV, HUAWEI_OCR_ENDPOINT: 'http://ocr.example.test' })).toMatch(
      /HUAWEI_OCR_ENDPOINT: must use https/,
    );
  });

  it('takes a fixed token instead of IAM', () => {
    expect(
      loadConfig({
        OCR_UPSTREAM: 'huawei',
        HUAWEI_OCR_ENDPOINT: 'ocr.cn-north-4.myhuaweicloud.com',
        HUAWEI_PROJECT_ID: 'project-1',
        HUAWEI_AUTH_TOKEN: 'MIIfixedtoken',
      }).upstream,
    ).toMatchObject({ auth: { kind: 'token', token: 'MIIfixedtoken' } });
  });

  it('names the endpoint, project and credentials when all are missing', () => {
    const message = problemsOf({ OCR_UPSTREAM: 'huawei' });
    expect(message).toMatch(/HUAWEI_OCR_ENDPOINT: required/);
    expect(message).toMatch(/HUAWEI_PROJECT_ID: required/);
    expect(message).toMatch(/HUAWEI_AUTH_TOKEN: required[^\n]*HUAWEI_IAM_PASSWORD/);
  });

  it('names each missing part of password authentication', () => {
    const message = problemsOf({
      ...IAM_ENV,
      HUAWEI_IAM_USER: undefined,
      HUAWEI_REGION: undefined,
    });
    expect(message).toMatch(/HUAWEI_IAM_USER: required/);
    expect(message).toMatch(/HUAWEI_REGION: required/);
    expect(message).not.toMatch(/HUAWEI_IAM_DOMAIN/);
  });

  it('refuses a fixed token and password authentication together', () => {
    expect(problemsOf({ ...IAM_ENV, HUAWEI_AUTH_TOKEN: 'MIIfixedtoken' })).toMatch(
      /HUAWEI_AUTH_TOKEN: set either[^\n]*HUAWEI_IAM_DOMAIN, HUAWEI_IAM_USER, HUAWEI_IAM_PASSWORD/,
    );
  });

  it('names bad variables of every kind in one message, without their values', () => {
    const message = problemsOf({
      ...IAM_ENV,
      PORT: 'eighty',
      HUAWEI_TIMEOUT_MS: 'soon',
      HUAWEI_OCR_ENDPOINT: 'ftp://ocr.example.test',
      HUAWEI_IAM_ENDPOINT: 'https://robot:pa55-word!@iam.example.test',
      HUAWEI_PROJECT_ID: 'a/b',
      HUAWEI_REGION: 'North 4',
      TLS_CERT: '/etc/desk/cert.pem',
    });
    for (const name of [
      'PORT',
      'HUAWEI_TIMEOUT_MS',
      'HUAWEI_OCR_ENDPOINT',
      'HUAWEI_IAM_ENDPOINT',
      'HUAWEI_PROJECT_ID',
      'HUAWEI_REGION',
      'TLS_KEY',
    ]) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).not.toContain('pa55-word!');
  });

  it('ignores Huawei variables while the local engine is chosen', () => {
    expect(loadConfig({ HUAWEI_PROJECT_ID: 'a/b' }).upstream).toEqual({ kind: 'local' });
  });

  it('reads the local engine settings and the URL allow-list', () => {
    const { localEngine } = loadConfig({
      OCR_LOCAL_TOKEN: 'counter-7f3a9c1e5b2d',
      OCR_WORKERS: '4',
      OCR_QUEUE_LIMIT: '0',
      OCR_URL_ALLOW: 'images.example.test, 10.20.0.0/16, [fd00::1]',
    });
    expect(localEngine).toMatchObject({ token: 'counter-7f3a9c1e5b2d', workers: 4, queueLimit: 0 });
    expect(localEngine.urlAllowList.hosts).toEqual(['images.example.test']);
    expect(localEngine.urlAllowList.networks.map(([ip, bits]) => `${ip}/${bits}`)).toEqual([
      '10.20.0.0/16',
      'fd00::1/128',
    ]);
  });

  it('names a short token, a bad worker count and every bad allow-list entry, never the token', () => {
    const message = problemsOf({
      OCR_LOCAL_TOKEN: 'letmein',
      OCR_WORKERS: '0',
      OCR_URL_ALLOW: '10.0.0.0/33, not a host',
    });
    for (const name of ['OCR_LOCAL_TOKEN', 'OCR_WORKERS']) expect(message).toContain(`${name}:`);
    expect(message).toMatch(/OCR_URL_ALLOW: "10\.0\.0\.0\/33"/);
    expect(message).toMatch(/OCR_URL_ALLOW: "not a host"/);
    expect(message).not.toContain('letmein');
  });
});
