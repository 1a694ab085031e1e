import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ocrRoutePath } from '../../src/idcard/api-contract.ts';
import type { CardFixture } from './card-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HEALTH_POLL_MS = 100;

/** Another port of this checkout's range: the app under test listens on E2E_PORT itself. */
export const LAUNCH_PORT = Number(process.env.E2E_PORT ?? 8181) + 1;

export type Launched = {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * Starts a command in a process group of its own, as a terminal does, so a test can signal
 * the whole group the way Ctrl+C does.
 */
export function launch(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  port = LAUNCH_PORT,
): Launched {
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

export async function healthOf(port = LAUNCH_PORT): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    return response.ok ? ((await response.json()) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Waits until /health says the engine is loaded. */
export async function untilHealthy(port = LAUNCH_PORT): Promise<void> {
  while ((await healthOf(port)) === null) {
    await new Promise((done) => setTimeout(done, HEALTH_POLL_MS));
  }
}

/** Requests the server holds: recognitions running and requests waiting for a worker. */
export async function requestsInFlight(port = LAUNCH_PORT): Promise<number> {
  const requests = (await healthOf(port))?.requests as { running: number; waiting: number };
  return requests ? requests.running + requests.waiting : 0;
}

export function recognise(card: CardFixture, port = LAUNCH_PORT): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${ocrRoutePath('launch')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image: card.file.buffer.toString('base64') }),
  });
}

/** True while any process of the group still runs. */
export function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

export function portIsFree(port = LAUNCH_PORT): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}
