import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { SYSTEM_ACTOR } from '../access';
import { jobsStarted, registerJob, sendJob, startJobs, type JobContext, type JobRunner } from './jobs';

const seen: Array<{ value: string; retryCount: number; actor: string }> = [];
const waiters = new Map<string, () => void>();
let failuresLeft = 0;

registerJob(
  'platform.test-job',
  async ({ value }, job: JobContext) => {
    seen.push({ value, retryCount: job.retryCount, actor: job.ctx.actor.type === 'user' ? job.ctx.actor.displayName : 'anonymous' });
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error('try again');
    }
    waiters.get(value)?.();
  },
  { retryLimit: 2 },
);

function done(value: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${value} did not complete`)), timeoutMs);
    waiters.set(value, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

let t: TestApp;
let runner: JobRunner | null = null;
const start = async (pollingIntervalSeconds = 0.5) => {
  runner = await startJobs({
    database: t.database,
    systemCtx: t.systemCtx,
    log: t.app.log,
    pollingIntervalSeconds,
    overrides: { 'platform.test-job': { retryDelaySeconds: 0, retryBackoff: false } },
  });
  return runner;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
});
afterAll(async () => t?.close());

describe('jobs', () => {
  it('refuses badly named and duplicate jobs', () => {
    expect(() => registerJob('NotKebab' as never, async () => undefined)).toThrow(/<module>.<kebab-action>/);
    expect(() => registerJob('platform.test-job', async () => undefined)).toThrow(/already registered/);
  });

  it('queues nothing while the job system is not started', async () => {
    expect(jobsStarted()).toBe(false);
    expect(await sendJob('platform.test-job', { value: 'ignored' })).toBeNull();
  });

  it('runs a sent job as the system, waking the worker at once', async () => {
    // A 60 s polling interval: the job can only run within the timeout if the send wakes the idle worker.
    await start(60);
    expect(jobsStarted()).toBe(true);
    // Let the worker finish its first (empty) fetch and go idle.
    await new Promise((r) => setTimeout(r, 300));
    const finished = done('first', 20_000);
    expect(await sendJob('platform.test-job', { value: 'first' })).toMatch(/^[0-9a-f-]{36}$/);
    await finished;
    expect(seen.filter((s) => s.value === 'first')).toEqual([{ value: 'first', retryCount: 0, actor: SYSTEM_ACTOR.displayName }]);
  });

  it('retries a failing job through pg-boss', async () => {
    await start();
    failuresLeft = 1;
    const finished = done('retried');
    await sendJob('platform.test-job', { value: 'retried' });
    await finished;
    expect(seen.filter((s) => s.value === 'retried').map((s) => s.retryCount)).toEqual([0, 1]);
  });

  it('stops cleanly and can start again in the same process', async () => {
    const first = await start();
    await expect(startJobs({ database: t.database, systemCtx: t.systemCtx, log: t.app.log })).rejects.toThrow(/already started/);
    await first.stop();
    runner = null;
    expect(jobsStarted()).toBe(false);
    expect(await sendJob('platform.test-job', { value: 'after-stop' })).toBeNull();
    await start();
    const finished = done('restarted');
    await sendJob('platform.test-job', { value: 'restarted' });
    await finished;
  });
});
