import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type LoadRun, prepareRequests, runLoad } from './load-client.ts';
import { formatOutcomes, growthPercent, summarizeLoad } from './load-stats.ts';
import { residentMiB, type StartedServer, startServer } from './server-process.ts';

const USAGE = `Usage: npm run bench:load -- [--url URL [--pid PID]] [--set DIR] [--levels 1,2,8,32]
                              [--per-level N] [--soak N] [--soak-concurrency N] [--every N]
                              [--no-retry-after]

Load and soak of the OCR route with real card images. Starts its own server on a free loopback
port unless --url names a running one. Prints faces/s, latency percentiles and status counts
for each concurrency, then the soak's resident memory every --every requests.
  --url               a running server's origin (loopback or a test machine: this is load)
  --pid               that server's process id, to read its resident memory from /proc
  --set               card set with a ground-truth.json (default e2e/fixtures/cards)
  --levels            concurrencies of the load phase (default 1,2,8,32)
  --per-level         answers with 200 per concurrency (default 32, one pass of the set; at
                      most 100 requests per such answer are sent)
  --soak              requests of the soak phase (default 1000; 0 skips it)
  --soak-concurrency  clients during the soak (default 2, one per inference worker)
  --every             soak requests between memory readings (default 100)
  --no-retry-after    send the next request at once after a 429 instead of waiting`;

// Each level runs until this many 200s: a level that mostly answers 429 still measures goodput
// over as many recognitions as the others.
const DEFAULT_PER_LEVEL = 32;
// Bounds the requests of a level whose server answers nothing but errors.
const MAX_REQUESTS_PER_ANSWER = 100;

type Options = {
  url?: string;
  pid?: number;
  set: string;
  levels: number[];
  perLevel?: number;
  soak: number;
  soakConcurrency: number;
  every: number;
  honourRetryAfter: boolean;
};

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      pid: { type: 'string' },
      set: { type: 'string', default: 'e2e/fixtures/cards' },
      levels: { type: 'string', default: '1,2,8,32' },
      'per-level': { type: 'string' },
      soak: { type: 'string', default: '1000' },
      'soak-concurrency': { type: 'string', default: '2' },
      every: { type: 'string', default: '100' },
      'no-retry-after': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (text: string, name: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) {
      console.error(`--${name} must be a whole number of at least ${min}\n\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  return {
    ...(values.url ? { url: values.url } : {}),
    ...(values.pid ? { pid: count(values.pid, 'pid', 1) } : {}),
    set: resolve(values.set),
    levels: values.levels.split(',').map((level) => count(level, 'levels', 1)),
    ...(values['per-level'] ? { perLevel: count(values['per-level'], 'per-level', 1) } : {}),
    soak: count(values.soak, 'soak', 0),
    soakConcurrency: count(values['soak-concurrency'], 'soak-concurrency', 1),
    every: count(values.every, 'every', 1),
    honourRetryAfter: !values['no-retry-after'],
  };
}

const mib = (value: number | null) => (value === null ? 'n/a' : value.toFixed(0));

async function main(): Promise<void> {
  const options = readOptions();
  const requests = await prepareRequests(options.set);
  let own: StartedServer | null = null;
  if (!options.url) own = await startServer();
  const baseUrl = options.url ?? (own as StartedServer).url;
  const pid = own?.pid ?? options.pid ?? null;
  const rss = () => (pid === null ? null : residentMiB(pid));
  const run: Run = (count, concurrency, extras = {}) =>
    runLoad({
      baseUrl,
      requests,
      count,
      concurrency,
      honourRetryAfter: options.honourRetryAfter,
      ...extras,
    });

  try {
    console.log(
      `server ${baseUrl} (${own ? 'started by this command' : 'given'}, pid ${pid ?? 'unknown'}); ` +
        `set ${options.set}, ${requests.length} images; ` +
        `after a 429 ${options.honourRetryAfter ? 'wait Retry-After' : 'send again at once'}`,
    );
    const warmUp = await run(requests.length, 1);
    console.log(
      `warm-up: ${requests.length} requests (${formatOutcomes(summarizeLoad(warmUp.samples, warmUp.wallMs).outcomes)}), RSS ${mib(rss())} MiB`,
    );

    console.log('\n== load');
    console.log('conc  requests  faces/s  p50 ms  p90 ms  p99 ms  RSS MiB  outcomes');
    const goodput: { concurrency: number; facesPerSecond: number }[] = [];
    for (const concurrency of options.levels) {
      const target = options.perLevel ?? DEFAULT_PER_LEVEL;
      const enough = new AbortController();
      let answered = 0;
      const { samples, wallMs } = await run(target * MAX_REQUESTS_PER_ANSWER, concurrency, {
        stop: enough.signal,
        onAnswer: (sample) => {
          if (sample.status === 200 && ++answered >= target) enough.abort();
        },
      });
      stopIfServerEnded(own);
      const stats = summarizeLoad(samples, wallMs);
      goodput.push({ concurrency, facesPerSecond: stats.facesPerSecond });
      console.log(
        `${String(concurrency).padStart(4)}  ${String(stats.requests).padStart(8)}  ${stats.facesPerSecond.toFixed(2).padStart(7)}  ` +
          `${stats.p50Ms.toFixed(0).padStart(6)}  ${stats.p90Ms.toFixed(0).padStart(6)}  ${stats.p99Ms.toFixed(0).padStart(6)}  ` +
          `${mib(rss()).padStart(7)}  ${formatOutcomes(stats.outcomes)}`,
      );
    }
    const best = goodput.reduce((a, b) => (b.facesPerSecond > a.facesPerSecond ? b : a));
    const highest = goodput[goodput.length - 1];
    if (best && highest && highest !== best) {
      console.log(
        `goodput at concurrency ${highest.concurrency}: ${((highest.facesPerSecond / best.facesPerSecond) * 100).toFixed(0)} % ` +
          `of the best (${best.facesPerSecond.toFixed(2)} faces/s at concurrency ${best.concurrency})`,
      );
    }

    if (options.soak > 0) await soak(options, run, rss);
    stopIfServerEnded(own);
  } finally {
    await own?.stop();
  }
}

/** A server that died under load is the finding: say so rather than print figures of nothing. */
function stopIfServerEnded(own: StartedServer | null): void {
  const ended = own?.ended();
  if (!ended) return;
  console.error(`The server ended during the run (${ended}).`);
  process.exit(1);
}

type Run = (
  count: number,
  concurrency: number,
  extras?: Pick<LoadRun, 'onAnswer' | 'stop'>,
) => ReturnType<typeof runLoad>;

/** Many requests at a steady pace, reading the server's memory every `every` answers. */
async function soak(options: Options, run: Run, rss: () => number | null): Promise<void> {
  console.log(`\n== soak: ${options.soak} requests at concurrency ${options.soakConcurrency}`);
  console.log('requests  faces/s  RSS MiB');
  const before = rss();
  console.log(`${'0'.padStart(8)}  ${''.padStart(7)}  ${mib(before).padStart(7)}`);
  let last: number | null = null;
  let windowStarted = performance.now();
  let windowFaces = 0;
  const { samples, wallMs } = await run(options.soak, options.soakConcurrency, {
    onAnswer: (sample, answered) => {
      if (sample.status === 200) windowFaces += sample.faces;
      if (answered % options.every !== 0 && answered !== options.soak) return;
      const seconds = (performance.now() - windowStarted) / 1000;
      last = rss();
      console.log(
        `${String(answered).padStart(8)}  ${(windowFaces / seconds).toFixed(2).padStart(7)}  ${mib(last).padStart(7)}`,
      );
      windowStarted = performance.now();
      windowFaces = 0;
    },
  });
  const stats = summarizeLoad(samples, wallMs);
  console.log(
    `soak: ${stats.facesPerSecond.toFixed(2)} faces/s, p50 ${stats.p50Ms.toFixed(0)} ms, ` +
      `p99 ${stats.p99Ms.toFixed(0)} ms; ${formatOutcomes(stats.outcomes)}`,
  );
  if (before !== null && last !== null) {
    const growth = growthPercent(before, last);
    console.log(
      `RSS ${mib(before)} MiB before the soak, ${mib(last)} MiB after it: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %`,
    );
  }
}

await main();
