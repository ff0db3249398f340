import { randomBytes } from 'node:crypto';
import { refreshFxRatesJob } from '@vitrine/catalog';
import { createUser } from '@vitrine/shared/testing';
import { DEAD_LETTER_QUEUE, JobRunner, QueueRegistry, deadLetterId, jobsConfigFromEnv, type JobDefinition, type JobHandler } from '@vitrine/shared/jobs';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { dropQueues } from '../support/worker-process';

/** The operators' queue board (@bull-board at /admin/queues) on the real API. */
describe('queue board', () => {
  let api: ApiHarness;
  const prefix = `test-board-${randomBytes(4).toString('hex')}`;
  let operator: string;
  let manager: string;

  beforeAll(async () => {
    process.env['QUEUE_PREFIX'] = prefix;
    api = await startApi();
    operator = await api.login((await createUser(api.db.prisma, 'PLATFORM_ADMIN')).email);
    const museum = await api.db.prisma.museum.create({ data: { slug: `m-${prefix}`, legalName: 'M', country: 'FR' } });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] })).email);
  });
  afterAll(async () => {
    await api.close();
    await dropQueues(prefix);
    delete process.env['QUEUE_PREFIX'];
  });

  const board = (path: string, init: RequestInit = {}) => fetch(`${api.baseUrl}/admin/queues${path}`, { redirect: 'manual', ...init });
  const LINK = 'mutation { queueBoardLink { path expiresAt } }';

  async function session(): Promise<string> {
    const link = await api.gql(LINK, {}, operator);
    const res = await fetch(`${api.baseUrl}${link.data.queueBoardLink.path}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/queues/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    return cookie.split(';')[0];
  }

  it('is closed to anyone but an operator', async () => {
    expect((await board('/')).status).toBe(401);
    expect((await board('/api/queues')).status).toBe(401);
    expect((await board('/api/queues', { headers: { authorization: `Bearer ${manager}` } })).status).toBe(401);
    expect((await board('/api/queues', { headers: { cookie: 'vitrine_queue_board=forged.token.here' } })).status).toBe(401);
    expect(codeOf(await api.gql(LINK, {}, manager))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(LINK, {}, null))).toBe('UNAUTHENTICATED');
    expect((await board('/session?ticket=not-a-ticket')).status).toBe(401);
  });

  it('opens in a browser through a one-minute link and lists every queue, dead letters included', async () => {
    const cookie = await session();
    const page = await board('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Vitrine queues');
    // The page's script loads with the same session (same origin, allowed by the API's CSP).
    const script = /src="(static\/js\/main\.[^"]+)"/.exec(html)![1];
    expect((await board(`/${script}`, { headers: { cookie } })).status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const queues = (await (await board('/api/queues', { headers: { cookie } })).json()) as { queues: { name: string }[] };
    expect(queues.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['order-pipeline', 'order-shipping', 'pipeline-pollers', 'reservation-expiry', 'warehouse-sync', 'stock-webhooks', 'fx', 'maintenance', DEAD_LETTER_QUEUE]));
    // A script may use an operator's bearer token instead.
    expect((await board('/api/queues', { headers: { authorization: `Bearer ${operator}` } })).status).toBe(200);
  });

  it('retries a dead-lettered job (the original runs again) and discards a failed one', async () => {
    const cookie = await session();
    let healed = false;
    const handler: JobHandler = {
      handle: async () => {
        if (!healed) throw new Error('the FX source is down');
        return 'ok';
      },
    };
    const job = { ...refreshFxRatesJob, attempts: 1 } as JobDefinition;
    const queues = new QueueRegistry(jobsConfigFromEnv(), [job]);
    const runner = new JobRunner(queues, new Map([[job, handler]]));
    await runner.start();
    try {
      await queues.get('fx').add(job.name, { trigger: 'board' }, { ...queues.optionsFor('fx', job.name), jobId: 'refresh-fx-rates.board' });
      await queues.get('fx').add(job.name, { trigger: 'discard' }, { ...queues.optionsFor('fx', job.name), jobId: 'refresh-fx-rates.discard' });
      const letterId = deadLetterId('fx', 'refresh-fx-rates.board');
      for (let i = 0; i < 100 && !(await queues.get(DEAD_LETTER_QUEUE).getJob(letterId))?.failedReason; i++) await new Promise((r) => setTimeout(r, 100));

      const failed = (await (await board(`/api/queues?activeQueue=${DEAD_LETTER_QUEUE}&status=failed`, { headers: { cookie } })).json()) as { queues: { name: string; jobs: { id: string }[] }[] };
      expect(failed.queues.find((q) => q.name === DEAD_LETTER_QUEUE)?.jobs.map((j) => j.id)).toContain(letterId);

      healed = true;
      expect((await board(`/api/queues/${DEAD_LETTER_QUEUE}/${encodeURIComponent(letterId)}/retry`, { method: 'PUT', headers: { cookie } })).status).toBe(204);
      for (let i = 0; i < 100 && !(await (await queues.get('fx').getJob('refresh-fx-rates.board'))?.isCompleted()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await (await queues.get('fx').getJob('refresh-fx-rates.board'))?.isCompleted()).toBe(true);

      expect((await board('/api/queues/fx/refresh-fx-rates.discard/clean', { method: 'PUT', headers: { cookie } })).status).toBe(204);
      expect(await queues.get('fx').getJob('refresh-fx-rates.discard')).toBeUndefined();
    } finally {
      await runner.stop();
      await queues.close();
    }
  });
});
