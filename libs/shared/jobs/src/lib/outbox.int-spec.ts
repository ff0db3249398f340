import { randomBytes } from 'node:crypto';
import { createTestDatabase, deleteKeysUnderPrefix, PrivateRedis, type TestDatabase } from '@vitrine/shared/testing';
import { defineJob, defineQueue, type JobDefinition, type JobHandler } from './job-definition';
import { JobRunner, PermanentJobError, RunAgainAt, deadLetterId } from './job-runner';
import { jobsConfigFromEnv, type JobsConfig } from './jobs-config';
import { enqueue, enqueueJob, jobOf } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { DEAD_LETTER_QUEUE, QueueRegistry } from './queue-registry';

const queue = defineQueue('outbox-test', { concurrency: 8 });
const echo = defineJob<{ id: string }>({ queue, name: 'echo', jobId: (p) => `echo.${p.id}`, attempts: 3, backoffMs: 100 });
const flaky = defineJob<{ id: string }>({ queue, name: 'flaky', jobId: (p) => `flaky.${p.id}`, attempts: 4, backoffMs: 200 });
const poison = defineJob<{ id: string }>({ queue, name: 'poison', jobId: (p) => `poison.${p.id}`, attempts: 3, backoffMs: 100 });
const refused = defineJob<{ id: string }>({ queue, name: 'refused', jobId: (p) => `refused.${p.id}`, attempts: 5, backoffMs: 100 });
const jobs: JobDefinition<any>[] = [echo, flaky, poison, refused];

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A job system on its own queue prefix, with handlers that record what they saw. */
function harness(db: TestDatabase, config: JobsConfig) {
  const seen: { name: string; id: string; attempt: number; at: number }[] = [];
  let poisonHealed = false;
  const record = (name: string): JobHandler<{ id: string }> => ({
    async handle(p, ctx) {
      seen.push({ name, id: p.id, attempt: ctx.attempt, at: Date.now() });
      if (name === 'flaky' && ctx.attempt < 3) throw new Error(`flaky attempt ${ctx.attempt}`);
      if (name === 'poison' && !poisonHealed) throw new Error('this payload always breaks the handler');
      if (name === 'refused') throw new PermanentJobError('customs refused this for good');
    },
  });
  const queues = new QueueRegistry(config, jobs);
  const relay = new OutboxRelay(db.prisma, queues);
  const runner = new JobRunner(queues, new Map<JobDefinition<any>, JobHandler<any>>(jobs.map((j) => [j, record(j.name)])), [], { afterJob: () => relay.nudge() });
  return {
    seen,
    queues,
    relay,
    runner,
    heal: () => (poisonHealed = true),
    async start() {
      await runner.start();
      relay.start();
    },
    async stop() {
      await relay.stop();
      await runner.stop();
      await queues.close();
    },
  };
}

describe('outbox, relay and job runner (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  const prefix = `test-outbox-${randomBytes(4).toString('hex')}`;
  const config = (over: Partial<JobsConfig> = {}): JobsConfig => ({ ...jobsConfigFromEnv({ QUEUE_PREFIX: prefix, OUTBOX_POLL_MS: '20' }), ...over });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await deleteKeysUnderPrefix(prefix);
    await db.drop();
  });

  const pending = async () => Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE dispatched_at IS NULL`)[0].n);

  it('writes a job only if the transaction commits, once per job id, and relays it with that id', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, echo, { id: 'rolled-back' });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await db.prisma.outboxMessage.count()).toBe(0);

    await db.prisma.$transaction((tx) => enqueue(tx, [jobOf(echo, { id: 'a' }), jobOf(echo, { id: 'b' })]));
    await db.prisma.$transaction((tx) => enqueueJob(tx, echo, { id: 'a' }));
    expect(await db.prisma.outboxMessage.count()).toBe(2);
    await expect(db.prisma.$transaction((tx) => enqueueJob(tx, echo, { id: 'a', name: { first: 'Zhang' } } as any))).rejects.toThrow(/must be an id/);

    const h = harness(db, config());
    await h.start();
    try {
      await until('both jobs ran', () => h.seen.length >= 2);
      expect(h.seen.map((s) => s.id).sort()).toEqual(['a', 'b']);
      const job = await h.queues.get(queue.name).getJob('echo.a');
      expect(job?.name).toBe('echo');
      expect(await pending()).toBe(0);
      const rows = await db.prisma.outboxMessage.findMany({ select: { jobId: true, dispatchedAt: true } });
      expect(rows.every((r) => r.dispatchedAt instanceof Date)).toBe(true);
    } finally {
      await h.stop();
    }
  });

  it('keeps jobs committed during a Redis outage and delivers them when Redis is back', async () => {
    const redis = await PrivateRedis.start();
    const h = harness(db, config({ redis: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null }, outbox: { ...config().outbox, addTimeoutMs: 500 } }));
    try {
      await h.start();
      await redis.down();
      // State changes keep committing while Redis is away.
      for (let i = 0; i < 25; i++) await db.prisma.$transaction((tx) => enqueueJob(tx, echo, { id: `outage-${i}` }));
      h.relay.nudge();
      await until('the relay noticed the outage', async () => (await db.prisma.outboxMessage.count({ where: { jobId: { startsWith: 'echo.outage-' }, attempts: { gt: 0 } } })) > 0);
      expect(await pending()).toBe(25);
      const failed = await db.prisma.outboxMessage.findFirst({ where: { jobId: 'echo.outage-0' }, select: { lastError: true } });
      expect(failed?.lastError).toBeTruthy();
      expect(h.seen.filter((s) => s.id.startsWith('outage-'))).toHaveLength(0);

      await redis.up();
      await until('every job ran after the outage', () => new Set(h.seen.filter((s) => s.id.startsWith('outage-')).map((s) => s.id)).size === 25, 30_000);
      expect(await pending()).toBe(0);
    } finally {
      await h.stop();
      await redis.down();
    }
  }, 60_000);

  it('retries with growing delays, dead-letters a poison job after its last attempt while the others flow, and redrives it on request', async () => {
    const h = harness(db, config());
    await h.start();
    try {
      await db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, poison, { id: 'p1' });
        await enqueueJob(tx, flaky, { id: 'f1' });
        await enqueueJob(tx, refused, { id: 'r1' });
        for (let i = 0; i < 30; i++) await enqueueJob(tx, echo, { id: `after-poison-${i}` });
      });
      await until('the normal jobs ran', () => h.seen.filter((s) => s.id.startsWith('after-poison-')).length === 30);
      await until('the flaky job succeeded on its third attempt', () => h.seen.some((s) => s.name === 'flaky' && s.attempt === 3));
      const flakyRuns = h.seen.filter((s) => s.name === 'flaky').map((s) => s.at);
      const [gap1, gap2] = [flakyRuns[1] - flakyRuns[0], flakyRuns[2] - flakyRuns[1]];
      // 200 ms then 400 ms, each ±20 %.
      expect(gap1).toBeGreaterThanOrEqual(150);
      expect(gap2).toBeGreaterThanOrEqual(300);
      expect(gap2).toBeGreaterThan(gap1);

      const dlq = h.queues.get(DEAD_LETTER_QUEUE);
      await until('the poison job is dead-lettered', async () => (await dlq.getJob(deadLetterId(queue.name, 'poison.p1')))?.failedReason?.startsWith('parked') === true);
      expect(h.seen.filter((s) => s.name === 'poison')).toHaveLength(3);
      const letter = await dlq.getJob(deadLetterId(queue.name, 'poison.p1'));
      expect(letter?.data).toMatchObject({ queue: queue.name, name: 'poison', jobId: 'poison.p1', attemptsMade: 3, failedReason: 'this payload always breaks the handler' });
      expect(JSON.parse(letter!.data.payload)).toEqual({ id: 'p1' });
      expect(await (await h.queues.get(queue.name).getJob('poison.p1'))?.isFailed()).toBe(true);

      // A permanent failure does not wait for attempts.
      await until('the refused job is dead-lettered', async () => Boolean(await dlq.getJob(deadLetterId(queue.name, 'refused.r1'))));
      expect(h.seen.filter((s) => s.name === 'refused')).toHaveLength(1);

      // The operator fixed the cause and retries the dead letter: the original runs again.
      h.heal();
      await letter!.retry('failed');
      await until('the redriven job succeeded', async () => (await (await h.queues.get(queue.name).getJob('poison.p1'))?.isCompleted()) === true);
      expect(h.seen.filter((s) => s.name === 'poison')).toHaveLength(4);
      await until('the dead letter is gone', async () => !(await dlq.getJob(deadLetterId(queue.name, 'poison.p1'))));
    } finally {
      await h.stop();
    }
  }, 60_000);

  it('retries transient infrastructure errors past the job\'s attempts within JOB_OUTAGE_TOLERANCE_MS, then counts them; real failures still dead-letter', async () => {
    const outageQueue = defineQueue('outage-test', { concurrency: 4 });
    // Two attempts 50 ms apart: an ordinary failure would be dead-lettered within ~100 ms.
    const dbJob = defineJob<{ id: string }>({ queue: outageQueue, name: 'needs-db', jobId: (p) => `needs-db.${p.id}`, attempts: 2, backoffMs: 50 });
    const wrong = defineJob<{ id: string }>({ queue: outageQueue, name: 'wrong', jobId: (p) => `wrong.${p.id}`, attempts: 2, backoffMs: 50 });
    const outageJobs: JobDefinition<any>[] = [dbJob, wrong];
    let outageUntil = Date.now() + 1_500;
    const runs: { name: string; id: string; attempt: number }[] = [];
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    // node-postgres' text, wrapped the way Prisma's driver adapter reports it.
    const terminated = () => Object.assign(new Error('Invalid `prisma.$queryRaw()` invocation'), { cause: { kind: 'ConnectionClosed' } });
    const handlers = new Map<JobDefinition<any>, JobHandler<any>>([
      [dbJob, { async handle(p: { id: string }, ctx) {
        runs.push({ name: 'needs-db', id: p.id, attempt: ctx.attempt });
        if (Date.now() < outageUntil) throw runs.length % 2 ? refused() : terminated();
      } }],
      [wrong, { async handle(p: { id: string }, ctx) {
        runs.push({ name: 'wrong', id: p.id, attempt: ctx.attempt });
        throw new Error('column "x" does not exist');
      } }],
    ]);
    const tolerant = new QueueRegistry(config({ outageToleranceMs: 60_000 }), outageJobs);
    const runner = new JobRunner(tolerant, handlers);
    await runner.start();
    const dlq = tolerant.get(DEAD_LETTER_QUEUE);
    const q = tolerant.get(outageQueue.name);
    try {
      for (const [job, id] of [[dbJob, 'a'], [dbJob, 'b'], [wrong, 'w']] as const) await q.add(job.name, { id }, { ...tolerant.optionsFor(outageQueue.name, job.name), jobId: job.jobId({ id }) });
      await until('both jobs done after the outage', async () => (await (await q.getJob('needs-db.a'))?.isCompleted()) === true && (await (await q.getJob('needs-db.b'))?.isCompleted()) === true, 20_000);
      // Retried through the outage with growing delays, never spending an attempt.
      expect(runs.filter((r) => r.id === 'a').length).toBeGreaterThan(3);
      expect(runs.filter((r) => r.name === 'needs-db').every((r) => r.attempt === 1)).toBe(true);
      expect(await dlq.getJob(deadLetterId(outageQueue.name, 'needs-db.a'))).toBeUndefined();
      // A real failure is not mistaken for an outage: dead-lettered after its two attempts.
      await until('the wrong job is dead-lettered', async () => Boolean(await dlq.getJob(deadLetterId(outageQueue.name, 'wrong.w'))));
      expect(runs.filter((r) => r.name === 'wrong').map((r) => r.attempt)).toEqual([1, 2]);
    } finally {
      await runner.stop();
      await tolerant.close();
    }

    // Past the tolerance the outage's errors count as attempts: a dependency that never comes back dead-letters.
    const strict = new QueueRegistry(config({ outageToleranceMs: 300 }), outageJobs);
    const strictRunner = new JobRunner(strict, handlers);
    outageUntil = Date.now() + 60_000;
    await strictRunner.start();
    try {
      await strict.get(outageQueue.name).add(dbJob.name, { id: 'forever' }, { ...strict.optionsFor(outageQueue.name, dbJob.name), jobId: 'needs-db.forever' });
      await until('the never-ending outage dead-letters the job', async () => Boolean(await strict.get(DEAD_LETTER_QUEUE).getJob(deadLetterId(outageQueue.name, 'needs-db.forever'))), 20_000);
      // 50 + 100 ms uncounted (150 ≤ 300), then 200 ms would pass 300: two counted attempts follow.
      expect(runs.filter((r) => r.id === 'forever').map((r) => r.attempt)).toEqual([1, 1, 1, 2]);
    } finally {
      await strictRunner.stop();
      await strict.close();
    }
  }, 60_000);

  it('runs a job that says "not yet" again at the time it names, without spending an attempt, even when it has only one', async () => {
    const waitQueue = defineQueue('not-yet-test', { concurrency: 2 });
    const waits = defineJob<{ id: string }>({ queue: waitQueue, name: 'waits', jobId: (p) => `waits.${p.id}`, attempts: 1, backoffMs: 50 });
    const runs: { attempt: number; at: number }[] = [];
    const registry = new QueueRegistry(config(), [waits]);
    const runner = new JobRunner(registry, new Map<JobDefinition<any>, JobHandler<any>>([[waits, { async handle(_p: { id: string }, ctx) {
      runs.push({ attempt: ctx.attempt, at: Date.now() });
      if (runs.length < 4) throw new RunAgainAt(new Date(Date.now() + 300), 'the remote’s records do not show it yet');
    } }]]));
    await runner.start();
    const q = registry.get(waitQueue.name);
    try {
      await q.add(waits.name, { id: 'a' }, { ...registry.optionsFor(waitQueue.name, waits.name), jobId: 'waits.a' });
      await until('the job done on its fourth run', async () => (await (await q.getJob('waits.a'))?.isCompleted()) === true, 10_000);
      // An ordinary failure of a one-attempt job would have dead-lettered it at once.
      expect(runs.map((r) => r.attempt)).toEqual([1, 1, 1, 1]);
      for (let i = 1; i < runs.length; i++) expect(runs[i].at - runs[i - 1].at).toBeGreaterThanOrEqual(280);
      expect(await registry.get(DEAD_LETTER_QUEUE).getJob(deadLetterId(waitQueue.name, 'waits.a'))).toBeUndefined();
    } finally {
      await runner.stop();
      await registry.close();
    }
  }, 30_000);

  it('refuses to start when a listed job has no handler', () => {
    const queues = new QueueRegistry(config(), jobs);
    expect(() => new JobRunner(queues, new Map<JobDefinition<any>, JobHandler<any>>([[echo, { handle: async () => undefined }]]))).toThrow(/no handler for job\(s\): outbox-test\/flaky, outbox-test\/poison, outbox-test\/refused/);
    const stray = defineJob<{ id: string }>({ queue, name: 'stray', jobId: (p) => `stray.${p.id}` });
    expect(() => new JobRunner(new QueueRegistry(config(), []), new Map<JobDefinition<any>, JobHandler<any>>([[stray, { handle: async () => undefined }]]))).toThrow(/does not list/);
  });

  it('after a job, looks at the outbox at once only if this process wrote to it since; an idle round moves nothing', async () => {
    const queues = new QueueRegistry(config(), jobs);
    const relay = new OutboxRelay(db.prisma, queues);
    const nudge = jest.spyOn(relay, 'nudge');
    try {
      relay.nudgeIfWritten();
      expect(nudge).not.toHaveBeenCalled();
      expect(await relay.relayOnce()).toBe(0);
      // A write that rolled back still nudges (harmless: the round finds nothing).
      await expect(db.prisma.$transaction(async (tx) => { await enqueueJob(tx, echo, { id: 'gone' }); throw new Error('rolled back'); })).rejects.toThrow('rolled back');
      relay.nudgeIfWritten();
      expect(nudge).toHaveBeenCalledTimes(1);
      await db.prisma.$transaction((tx) => enqueueJob(tx, echo, { id: 'after-a-job' }));
      relay.nudgeIfWritten();
      relay.nudgeIfWritten();
      expect(nudge).toHaveBeenCalledTimes(2);
      expect(await relay.relayOnce()).toBe(1);
      expect(await pending()).toBe(0);
      expect((await queues.get(queue.name).getJob('echo.after-a-job'))?.name).toBe('echo');
      expect(await relay.relayOnce()).toBe(0);
    } finally {
      await queues.close();
    }
  });
});
