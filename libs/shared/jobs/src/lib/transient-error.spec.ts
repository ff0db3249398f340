import { outageRetryDelay, retryDelay } from './job-runner';
import { isTransientInfrastructureError } from './transient-error';

describe('isTransientInfrastructureError', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['node-postgres pool timeout', new Error('timeout exceeded when trying to connect')],
    ['Prisma: server unreachable', withCode("Can't reach database server at 127.0.0.1:5432", 'P1001')],
    ['Prisma: pool timeout', withCode('Timed out fetching a new connection from the connection pool.', 'P2024')],
    ['Prisma driver adapter kind in the cause', Object.assign(new Error('Invalid invocation'), { cause: { kind: 'DatabaseNotReachable' } })],
    ['PostgreSQL shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['PostgreSQL connection failure (08006)', withCode('connection failure', '08006')],
    ['fetch failing on a refused socket', new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:4010', 'ECONNREFUSED') })],
    ['an AggregateError of refused addresses', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '')],
    ['ioredis with Redis gone', new Error('Connection is closed.')],
  ])('%s is transient', (_what, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a rule refusing', new Error('order is not PAID')],
    ['a unique violation (P2002)', withCode('Unique constraint failed on the fields: (`id`)', 'P2002')],
    ['a SQL error', withCode('column "x" does not exist', '42703')],
    ['a 400 from a remote', new Error('carrier answered 400: bad address')],
    ['a constraint kind from the adapter', Object.assign(new Error('Invalid invocation'), { cause: { kind: 'UniqueConstraintViolation' } })],
    ['nothing at all', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s is not', (_what, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });

  it('does not loop on a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(isTransientInfrastructureError(a)).toBe(false);
  });
});

describe('outageRetryDelay', () => {
  it('doubles from the first delay up to the cap, until the summed delays pass the tolerance', () => {
    const delays: number[] = [];
    for (let n = 1; ; n++) {
      const d = outageRetryDelay(1_000, n, 600_000, 3_600_000);
      if (d === null) break;
      delays.push(d);
    }
    expect(delays.slice(0, 11)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000]);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(3_600_000);
    expect(total + 600_000).toBeGreaterThan(3_600_000);
  });

  it('rides out a one-minute outage with the default settings even for a 1 s first delay (the pollers)', () => {
    let waited = 0;
    for (let n = 1; waited < 60_000; n++) {
      const d = outageRetryDelay(1_000, n, 600_000, 3_600_000);
      expect(d).not.toBeNull();
      waited += d!;
    }
  });

  it('retryDelay caps', () => {
    expect(retryDelay(2_000, 20, 600_000)).toBe(600_000);
  });
});
