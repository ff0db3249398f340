import { estimateLagMs, parseLsn, replicaOptionsFromEnv } from './read-replica';

describe('read replica settings', () => {
  it('is off without DATABASE_REPLICA_URL and has defaults with it', () => {
    expect(replicaOptionsFromEnv({})).toBeNull();
    expect(replicaOptionsFromEnv({ DATABASE_REPLICA_URL: '  ' })).toBeNull();
    expect(replicaOptionsFromEnv({ DATABASE_REPLICA_URL: 'postgresql://r/vitrine', DATABASE_POOL_SIZE: '6' })).toEqual({
      url: 'postgresql://r/vitrine',
      poolSize: 6,
      maxLagMs: 2_000,
      checkIntervalMs: 1_000,
    });
  });

  it('refuses settings that are not whole numbers in range, naming the variable', () => {
    expect(() => replicaOptionsFromEnv({ DATABASE_REPLICA_URL: 'postgresql://r/v', DATABASE_REPLICA_MAX_LAG_MS: 'soon' })).toThrow(/DATABASE_REPLICA_MAX_LAG_MS must be a whole number of at least 0, not "soon"/);
    expect(() => replicaOptionsFromEnv({ DATABASE_REPLICA_URL: 'postgresql://r/v', DATABASE_REPLICA_CHECK_MS: '10' })).toThrow(/DATABASE_REPLICA_CHECK_MS/);
    expect(() => replicaOptionsFromEnv({ DATABASE_REPLICA_URL: 'postgresql://r/v', DATABASE_REPLICA_POOL_SIZE: '0' })).toThrow(/DATABASE_REPLICA_POOL_SIZE/);
  });
});

describe('WAL positions and lag', () => {
  it('reads a pg_lsn as bytes', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('16/B374D849') > parseLsn('16/B374D848')).toBe(true);
    expect(() => parseLsn('nope')).toThrow(/not a WAL position/);
  });

  const samples = [
    { lsn: 100n, at: 1_000 },
    { lsn: 200n, at: 2_000 },
    { lsn: 300n, at: 3_000 },
  ];

  it('is 0 once the replica has replayed the newest position seen', () => {
    expect(estimateLagMs(samples, 300n, 3_050, 60_000)).toBe(0);
    expect(estimateLagMs(samples, 350n, 3_050, null)).toBe(0);
  });

  it('is the time since the latest check whose position was replayed, or since the last replayed transaction if sooner', () => {
    expect(estimateLagMs(samples, 250n, 3_500, null)).toBe(1_500);
    expect(estimateLagMs(samples, 250n, 3_500, 900)).toBe(900);
    expect(estimateLagMs(samples, 50n, 3_500, 7_000)).toBe(7_000);
    expect(estimateLagMs(samples, 50n, 3_500, null)).toBeNull();
    expect(estimateLagMs([], 50n, 3_500, null)).toBeNull();
  });
});
