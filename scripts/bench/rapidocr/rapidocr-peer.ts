import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { IdCardResponse, RequestedSide } from '../../../src/idcard/api-contract.ts';
import type { BenchEngine, BenchEngineFactory, EngineAnswer } from '../bench-engine.ts';
import { backFieldsFromLines, frontFieldsFromLines } from './regex-fields.ts';
import { PEER_PYTHON } from './setup-rapidocr.ts';

const LINES_SCRIPT = new URL('./rapidocr-lines.py', import.meta.url).pathname;

type PeerReply = {
  lines?: { text: string; score: number }[];
  error?: string;
  max_rss_kib: number;
};

/** The face a page shows when the caller did not say: the emblem side's labels decide. */
function sideOf(text: string): 'front' | 'back' {
  return /签发机关|有效期限/.test(text) && !/公民身份号码/.test(text) ? 'back' : 'front';
}

function fieldsFor(side: RequestedSide | undefined, lines: string[]): IdCardResponse['result'] {
  const face = side === 'front' || side === 'back' ? side : sideOf(lines.join(''));
  if (side === 'double_side') {
    return { front: frontFieldsFromLines(lines), back: backFieldsFromLines(lines) };
  }
  return face === 'back' ? backFieldsFromLines(lines) : frontFieldsFromLines(lines);
}

/** One RapidOCR process answering one request at a time over JSON lines. */
function startPeer(): {
  ask(image: Uint8Array): Promise<PeerReply>;
  child: ChildProcessWithoutNullStreams;
} {
  const child = spawn(PEER_PYTHON, [LINES_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  const replies = createInterface({ input: child.stdout });
  const waiting: ((reply: PeerReply) => void)[] = [];
  replies.on('line', (line) => waiting.shift()?.(JSON.parse(line) as PeerReply));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`RapidOCR exited (${code}): ${stderr}`))),
  );
  return {
    child,
    ask(image) {
      const reply = new Promise<PeerReply>((resolve) => waiting.push(resolve));
      child.stdin.write(`${JSON.stringify({ image: Buffer.from(image).toString('base64') })}\n`);
      return Promise.race([reply, exited]);
    },
  };
}

/**
 * The engine a user would pick instead of ours: RapidOCR from PyPI with its default models
 * (PP-OCRv6 small detection and recognition in rapidocr 3.10.0) and settings, in a child process,
 * and the regular-expression field extraction of open-source ID-card readers
 * (`regex-fields.ts`). Its peak memory is the child's.
 */
export const rapidOcrPeer: BenchEngineFactory = {
  name: 'rapidocr',
  description:
    'RapidOCR 3.10.0 (PyPI, default models) in a child process, fields by regular expressions',
  unavailable: () =>
    existsSync(PEER_PYTHON) ? null : 'not set up (run `npm run bench:setup-peers`)',
  async create(): Promise<BenchEngine> {
    const peer = startPeer();
    let peakKib = 0;
    return {
      name: 'rapidocr',
      async recognize(bytes, side): Promise<EngineAnswer> {
        const reply = await peer.ask(bytes);
        peakKib = Math.max(peakKib, reply.max_rss_kib);
        if (reply.error !== undefined) {
          return { ok: false, error: { error_code: 'RapidOCRError', error_msg: reply.error } };
        }
        const lines = (reply.lines ?? []).map((line) => line.text);
        return { ok: true, result: fieldsFor(side, lines) };
      },
      peakRssMiB: () => peakKib / 1024,
      async close() {
        peer.child.stdin.end();
        peer.child.kill();
      },
    };
  },
};
