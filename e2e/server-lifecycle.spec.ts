import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { cardsOfSide } from './support/card-fixtures.ts';
import {
  groupAlive,
  LAUNCH_PORT,
  type Launched,
  launch,
  portIsFree,
  recognise,
  requestsInFlight,
  untilHealthy,
} from './support/launched-server.ts';

// `npm start` as an operator runs it, stopped the ways a terminal, a process manager or a
// person stops it: the requests in hand must all be answered before it exits.
const IN_FLIGHT = 8;
// Two inference workers and a queue of eight by default: eight requests are all held at once.
const CARDS = cardsOfSide('front').slice(0, IN_FLIGHT);
// What is tested is the shutdown, not this machine's speed: no request may time out in the queue.
const PATIENT = { OCR_QUEUE_WAIT_MS: '120000', OCR_REQUEST_TIMEOUT_MS: '180000' };

test.describe.configure({ timeout: 240_000 });

let launched: Launched | null = null;
test.afterEach(() => {
  const child = launched?.child;
  if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  launched = null;
});

async function startedWithRequestsInFlight(): Promise<{
  pid: number;
  answers: Promise<Response[]>;
}> {
  launched = launch('npm', ['start'], PATIENT);
  await untilHealthy();
  const answers = Promise.all(CARDS.map((card) => recognise(card)));
  await expect.poll(() => requestsInFlight(), { timeout: 30_000 }).toBe(IN_FLIGHT);
  return { pid: launched.child.pid as number, answers };
}

async function expectAllAnsweredThenGone(answers: Promise<Response[]>, pid: number) {
  const replies = await answers;
  const bodies = await Promise.all(replies.map((reply) => reply.json()));
  expect(bodies.map((body, i) => `${replies[i]?.status} ${body.error_code ?? ''}`.trim())).toEqual(
    CARDS.map(() => '200'),
  );
  for (const body of bodies) expect(body.result.number).toMatch(/^\d{17}[\dX]$/);
  expect((await launched?.exited)?.code).toBe(0);
  expect(groupAlive(pid)).toBe(false);
  expect(await portIsFree()).toBe(true);
}

test('Ctrl+C (SIGINT to the process group) answers every request in flight, then exits', async () => {
  expect(CARDS).toHaveLength(IN_FLIGHT);
  const { pid, answers } = await startedWithRequestsInFlight();
  process.kill(-pid, 'SIGINT');
  await expectAllAnsweredThenGone(answers, pid);
});

test('SIGTERM to the process group answers every request in flight, then exits', async () => {
  const { pid, answers } = await startedWithRequestsInFlight();
  process.kill(-pid, 'SIGTERM');
  await expectAllAnsweredThenGone(answers, pid);
});

test('SIGTERM to the npm process alone answers every request in flight, then exits', async () => {
  const { pid, answers } = await startedWithRequestsInFlight();
  process.kill(pid, 'SIGTERM');
  await expectAllAnsweredThenGone(answers, pid);
});

test('a port in use is one clear line on stderr and exit status 1', async () => {
  const holder = createServer();
  await new Promise<void>((done) => holder.listen(LAUNCH_PORT, '127.0.0.1', done));
  try {
    launched = launch(process.execPath, ['--import', 'tsx', 'src/server/server.ts']);
    expect((await launched.exited).code).toBe(1);
    const lines = launched.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(`127.0.0.1:${LAUNCH_PORT}`)]);
    expect(lines[0]).toMatch(/already in use/);
  } finally {
    holder.close();
  }
});
