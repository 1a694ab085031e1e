import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareRequests, runLoad } from '../bench-load/load-client.ts';
import { formatOutcomes, type LoadSample, summarizeLoad } from '../bench-load/load-stats.ts';
import { type StartedServer, startServer } from '../bench-load/server-process.ts';
import { SITE_CONFIG, startNginx } from './nginx-process.ts';

const USAGE = `Usage: npm run test:rolling-restart -- [--port N] [--concurrency N] [--set DIR]

Starts nginx with ${SITE_CONFIG} (its own prefix in a temporary folder) on 127.0.0.1:<port>, in
front of two server instances on the next two ports, sends recognitions through it, and while
they run restarts each instance in turn the way systemd does (SIGTERM, wait for the exit, start,
wait for /health). Passes when every request was answered 200.
  --port         nginx's port; the instances take the next two (default 8242)
  --concurrency  clients sending requests all along (default 4)
  --set          card set with a ground-truth.json (default e2e/fixtures/cards)`;

// Answers between the steps, so each restart happens with requests flowing through nginx.
const ANSWERS_BEFORE_EACH_STEP = 12;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8242' },
      concurrency: { type: 'string', default: '4' },
      set: { type: 'string', default: 'e2e/fixtures/cards' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const instancePorts = [port + 1, port + 2] as const;
  const requests = await prepareRequests(resolve(values.set));
  const instances: StartedServer[] = await Promise.all(
    instancePorts.map((instancePort) => startServer({}, instancePort)),
  );
  const nginx = await startNginx({ listen: port, instances: instancePorts });
  console.log(
    `nginx on ${nginx.url} in front of instances on ports ${instancePorts.join(' and ')}`,
  );

  const stop = new AbortController();
  let answered = 0;
  const failures: string[] = [];
  const untilAnswered = async (count: number) => {
    const target = answered + count;
    while (answered < target) await new Promise((done) => setTimeout(done, 50));
  };
  const load = runLoad({
    baseUrl: nginx.url,
    requests,
    count: Number.POSITIVE_INFINITY,
    concurrency: Number(values.concurrency),
    honourRetryAfter: true,
    stop: stop.signal,
    onAnswer: (sample: LoadSample) => {
      answered++;
      if (sample.status !== 200) failures.push(`${sample.status} ${sample.code}`);
    },
  });

  try {
    await untilAnswered(ANSWERS_BEFORE_EACH_STEP);
    for (const [index, instancePort] of instancePorts.entries()) {
      const started = performance.now();
      await instances[index]?.stop();
      const stoppedAt = answered;
      console.log(
        `instance ${instancePort}: stopped gracefully in ${((performance.now() - started) / 1000).toFixed(1)} s (${stoppedAt} answers so far)`,
      );
      instances[index] = await startServer({}, instancePort);
      console.log(
        `instance ${instancePort}: started again and healthy after ${((performance.now() - started) / 1000).toFixed(1)} s (${answered - stoppedAt} answers meanwhile, all from the other)`,
      );
      await untilAnswered(ANSWERS_BEFORE_EACH_STEP);
    }
  } finally {
    stop.abort();
  }
  const { samples, wallMs } = await load;
  await Promise.all(instances.map((instance) => instance.stop()));
  const errorLog = await nginx.errorLog();
  await nginx.stop();

  const stats = summarizeLoad(samples, wallMs);
  console.log(
    `\n${stats.requests} requests through nginx in ${(wallMs / 1000).toFixed(0)} s: ${formatOutcomes(stats.outcomes)}; ` +
      `${stats.facesPerSecond.toFixed(2)} faces/s, p50 ${stats.p50Ms.toFixed(0)} ms, p99 ${stats.p99Ms.toFixed(0)} ms`,
  );
  console.log(`nginx's error log:\n${summarizeErrorLog(errorLog) || '  (empty)'}`);
  const lost = new Map<string, number>();
  for (const failure of failures) lost.set(failure, (lost.get(failure) ?? 0) + 1);
  console.log(
    `requests lost: ${failures.length}${failures.length ? ` (${formatOutcomes(lost)})` : ''}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

/** Each kind of line in nginx's error log once, with its count (time stamps and ids left out). */
function summarizeErrorLog(log: string): string {
  const kinds = new Map<string, number>();
  for (const line of log.split('\n')) {
    const message = /\] \d+#\d+: (?:\*\d+ )?([^,]*)/.exec(line)?.[1];
    if (message) kinds.set(message, (kinds.get(message) ?? 0) + 1);
  }
  return [...kinds].map(([message, count]) => `  ${count} x ${message}`).join('\n');
}

await main();
