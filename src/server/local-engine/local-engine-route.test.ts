import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrRoutePath } from '../../idcard/api-contract.ts';
import type { LocalEngineSettings } from '../config/config.ts';
import { createApp } from '../http/create-app.ts';
import { parseAllowList } from '../image/address-policy.ts';
import { createLocalEngine } from './local-engine.ts';
import {
  createLocalUpstream,
  type LocalUpstream,
  localUpstreamSettings,
} from './local-upstream.ts';

// The route with the real engine on a rendered card: what a clerk's photo goes through.

const PERSON = {
  name: '张伟明',
  sex: '男',
  ethnicity: '汉',
  birth: '1990-03-06',
  address: '北京市东城区景山前街4号院2号楼301室',
  number: '110101199003061238',
};

/** A portrait side laid out like the real card (labels in blue), photographed on a desk. */
async function renderCardPhoto(): Promise<Buffer> {
  const text = (x: number, y: number, value: string, size: number, label = false) =>
    `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="${size}" fill="${label ? '#2b6ca3' : '#111'}">${value}</text>`;
  const face = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540">
    <rect width="856" height="540" rx="30" fill="#eef3f6"/>
    ${text(60, 95, '姓  名', 24, true)}${text(160, 95, PERSON.name, 32)}
    ${text(60, 160, '性  别', 24, true)}${text(160, 160, PERSON.sex, 28)}
    ${text(260, 160, '民  族', 24, true)}${text(360, 160, PERSON.ethnicity, 28)}
    ${text(60, 225, '出  生', 24, true)}${text(160, 225, '1990', 28)}${text(245, 225, '年', 24, true)}
    ${text(285, 225, '3', 28)}${text(315, 225, '月', 24, true)}${text(355, 225, '6', 28)}${text(385, 225, '日', 24, true)}
    ${text(60, 290, '住  址', 24, true)}${text(160, 290, '北京市东城区景山前街', 28)}
    ${text(160, 332, '4号院2号楼301室', 28)}
    ${text(60, 460, '公民身份号码', 24, true)}
    <text x="270" y="460" font-family="Noto Sans CJK SC" font-size="34" letter-spacing="3">${PERSON.number}</text>
    <rect x="580" y="70" width="220" height="270" fill="#c9d3da"/>
  </svg>`;
  const card = await sharp(Buffer.from(face)).png().toBuffer();
  return sharp({ create: { width: 1200, height: 860, channels: 3, background: '#6b5b4b' } })
    .composite([{ input: card, left: 170, top: 160 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

const SETTINGS: LocalEngineSettings = {
  token: null,
  workers: 1,
  queueLimit: 4,
  queueWaitMs: 30_000,
  requestTimeoutMs: 60_000,
  urlTimeoutMs: 5_000,
  urlAllowList: parseAllowList('127.0.0.1').allowList,
};

let upstream: LocalUpstream;
let app: ReturnType<typeof createApp>;
let photo: Buffer;
let imageServer: Server;
let imageOrigin: string;

beforeAll(async () => {
  photo = await renderCardPhoto();
  upstream = createLocalUpstream(
    createLocalEngine({ workers: 1 }),
    localUpstreamSettings(SETTINGS),
  );
  app = createApp({
    staticRoot: null,
    ocr: {
      upstream,
      requiredToken: null,
      maxUploads: 16,
      health: () => ({ ready: upstream.engineState() === 'loaded', upstream: upstream.name }),
    },
  });
  imageServer = createServer((_request, response) => response.writeHead(200).end(photo));
  await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
  imageOrigin = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  imageServer.closeAllConnections();
  await new Promise((resolve) => imageServer.close(resolve));
  await upstream.close();
});

function post(body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(ocrRoutePath('local'), {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(body),
    }),
  );
}

describe('OCR route with the real engine', () => {
  it('reads every field of a photographed portrait side and verifies them', async () => {
    const response = await post({
      image: photo.toString('base64'),
      return_verification: true,
      return_text_location: true,
    });
    expect(response.status).toBe(200);
    const { result } = await response.json();
    expect(result).toMatchObject({ side: 'front', ...PERSON });
    expect(result.verification_result).toMatchObject({
      valid_number: true,
      valid_birth: true,
      valid_sex: true,
    });
    expect(Object.keys(result.text_location)).toEqual(expect.arrayContaining(['name', 'number']));
  }, 30_000);

  it('reads the same card fetched from an allowed URL', async () => {
    const response = await post({ url: `${imageOrigin}/card.jpg`, side: 'front' });
    expect(response.status).toBe(200);
    expect((await response.json()).result).toMatchObject(PERSON);
  }, 30_000);

  it('answers a truncated JPEG with AIS.0102', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length / 2));
    const response = await post({ image: truncated.toString('base64') });
    expect(await response.json()).toEqual({
      error_code: 'AIS.0102',
      error_msg: expect.any(String),
    });
    expect(response.status).toBe(400);
  }, 30_000);

  it('answers a photo without a card with AIS.0104', async () => {
    const desk = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#6b5b4b' },
    })
      .jpeg()
      .toBuffer();
    const response = await post({ image: desk.toString('base64') });
    expect(await response.json()).toEqual({
      error_code: 'AIS.0104',
      error_msg: expect.any(String),
    });
    expect(response.status).toBe(400);
  }, 30_000);
});
