import { MicroBatcher, type BatchOutcome } from './micro-batcher';

/** A batch function whose batches end when the test says so. */
function controlled() {
  const batches: string[][] = [];
  const ends: (() => void)[] = [];
  const run = (keys: string[]) =>
    new Promise<BatchOutcome>((resolve) => {
      batches.push(keys);
      ends.push(() => resolve(new Map()));
    });
  return { batches, ends, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('MicroBatcher', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('sends what arrived within the wait, and a full batch at once', async () => {
    const { batches, ends, run } = controlled();
    const b = new MicroBatcher(run, { maxSize: 3, maxWaitMs: 50 });
    const done = ['a', 'b'].map((k) => b.load(k));
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(50);
    expect(batches).toEqual([['a', 'b']]);
    const full = ['c', 'd', 'e'].map((k) => b.load(k));
    expect(batches).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    ends.forEach((end) => end());
    await Promise.all([...done, ...full]);
  });

  it('without maxInFlight, sends a batch after each wait however many are running (as before)', () => {
    const { batches, run } = controlled();
    const b = new MicroBatcher(run, { maxSize: 100, maxWaitMs: 50 });
    void b.load('a');
    jest.advanceTimersByTime(50);
    void b.load('b');
    jest.advanceTimersByTime(50);
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('with maxInFlight 1, a batch that is not full fills until the running one ends', async () => {
    const { batches, ends, run } = controlled();
    const b = new MicroBatcher(run, { maxSize: 100, maxWaitMs: 50, maxInFlight: 1 });
    const first = b.load('a');
    jest.advanceTimersByTime(50);
    expect(batches).toEqual([['a']]);
    const later = ['b', 'c'].map((k) => b.load(k));
    jest.advanceTimersByTime(50);
    const last = b.load('d');
    jest.advanceTimersByTime(500);
    expect(batches).toEqual([['a']]);
    ends[0]!();
    await first;
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    ends[1]!();
    await Promise.all([...later, last]);
    // Idle again: the next key goes after the wait alone.
    void b.load('e');
    jest.advanceTimersByTime(50);
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('with maxInFlight 1, a full batch still goes at once', () => {
    const { batches, run } = controlled();
    const b = new MicroBatcher(run, { maxSize: 2, maxWaitMs: 50, maxInFlight: 1 });
    void b.load('a');
    jest.advanceTimersByTime(50);
    void b.load('b');
    void b.load('c');
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('each key fails on its own outcome, and a batch that throws is run again key by key', async () => {
    const calls: string[][] = [];
    const b = new MicroBatcher(
      async (keys) => {
        calls.push(keys);
        if (keys.includes('poison') && keys.length > 1) throw new Error('whole batch');
        if (keys[0] === 'poison') throw new Error('poison alone');
        return new Map(keys.map((k) => [k, k === 'refused' ? new Error('refused') : undefined]));
      },
      { maxSize: 10, maxWaitMs: 10, maxInFlight: 1 },
    );
    const results = Promise.allSettled(['ok', 'refused', 'poison'].map((k) => b.load(k)));
    jest.advanceTimersByTime(10);
    const [ok, refused, poison] = await results;
    expect(ok.status).toBe('fulfilled');
    expect(refused).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(poison).toMatchObject({ status: 'rejected', reason: { message: 'poison alone' } });
    expect(calls[0]).toEqual(['ok', 'refused', 'poison']);
    expect(calls.slice(1).map((c) => c.join())).toEqual(expect.arrayContaining(['ok', 'refused', 'poison']));
  });
});
