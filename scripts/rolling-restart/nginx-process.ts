import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The shipped configuration, run as it is but for its ports. */
export const SITE_CONFIG = resolve(import.meta.dirname, '../../deploy/nginx-idcard-desk.conf');
const NGINX = '/usr/sbin/nginx';
const SHIPPED_LISTEN = 'listen 80;';
const SHIPPED_INSTANCES = ['127.0.0.1:8081', '127.0.0.1:8082'] as const;

export type NginxPorts = { listen: number; instances: readonly [number, number] };
export type StartedNginx = { url: string; stop(): Promise<void>; errorLog(): Promise<string> };

/** The shipped site with loopback test ports; each replaced text must be there exactly once. */
export function withPorts(site: string, ports: NginxPorts): string {
  const replacements: [string, string][] = [
    [SHIPPED_LISTEN, `listen 127.0.0.1:${ports.listen};`],
    [SHIPPED_INSTANCES[0], `127.0.0.1:${ports.instances[0]}`],
    [SHIPPED_INSTANCES[1], `127.0.0.1:${ports.instances[1]}`],
  ];
  let text = site;
  for (const [from, to] of replacements) {
    if (text.split(from).length !== 2) {
      throw new Error(`${SITE_CONFIG} no longer holds "${from}" exactly once`);
    }
    text = text.replace(from, to);
  }
  return text;
}

/** nginx's main file around the site: everything it writes stays in `prefix`. */
export function mainConfig(prefix: string): string {
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`;
}

/** Starts nginx (Debian's package) in the foreground with its own prefix in a temporary folder. */
export async function startNginx(ports: NginxPorts): Promise<StartedNginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'idcard-nginx-'));
  // Run as root, nginx's workers become nobody and must reach the prefix.
  await chmod(prefix, 0o755);
  await writeFile(join(prefix, 'site.conf'), withPorts(await readFile(SITE_CONFIG, 'utf8'), ports));
  await writeFile(join(prefix, 'nginx.conf'), mainConfig(prefix));
  const child = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${ports.listen}`;
  await untilListening(url, child);
  return {
    url,
    errorLog: () => readFile(join(prefix, 'error.log'), 'utf8').catch(() => ''),
    async stop() {
      if (child.exitCode === null) {
        await new Promise((done) => {
          child.once('exit', done);
          child.kill('SIGQUIT');
        });
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

async function untilListening(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/health`);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error('nginx did not start listening');
}
