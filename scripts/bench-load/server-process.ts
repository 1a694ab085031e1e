import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freeLoopbackPort } from '../free-loopback-port.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const HEALTH_POLL_MS = 250;
const START_LIMIT_MS = 120_000;

export type StartedServer = {
  url: string;
  pid: number;
  /** How the server ended (`exit status 1`, `SIGKILL`), or null while it runs. */
  ended(): string | null;
  stop(): Promise<void>;
};

/**
 * Starts the server from source on a loopback port (a free one unless given), as `npm start`
 * and the systemd unit run it (one node process, tsx as a loader), and waits until /health
 * says the engine is loaded.
 */
export async function startServer(
  env: NodeJS.ProcessEnv = {},
  port?: number,
): Promise<StartedServer> {
  port ??= await freeLoopbackPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: ROOT,
    // MALLOC_ARENA_MAX as `npm start` and the systemd unit set it (README, "Memory").
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let ended: string | null = null;
  child.once('exit', (code, signal) => {
    ended = signal ?? `exit status ${code}`;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    pid: child.pid as number,
    ended: () => ended,
    stop: () => stopChild(child),
  };
}

/** Resident memory of a process in MiB (Linux), inference threads included; null if unknown. */
export function residentMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < START_LIMIT_MS) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, HEALTH_POLL_MS));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy within ${START_LIMIT_MS / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * The server a benchmark drives on `port`: null when one already answers there (the benchmark
 * then leaves it running), else one started as `startServer` does, for the caller to stop.
 */
export async function serverOnPort(port: number): Promise<StartedServer | null> {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) {
      console.log(`using the server already running on port ${port}`);
      return null;
    }
  } catch {
    // Nothing listens there yet.
  }
  return startServer({}, port);
}
