import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './spawn-api';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** The newest PostgreSQL server binaries installed (/usr/lib/postgresql/<major>/bin). */
function binaries(): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d) && existsSync(path.join(base, d, 'bin', 'initdb'))) : [];
  if (!majors.length) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
  return path.join(base, majors.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the binaries run as the postgres user. */
async function pg(bin: string, args: string[]): Promise<string> {
  const command = path.join(binaries(), bin);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await run(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { timeout: 60_000 });
  return stdout;
}

async function owner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A private PostgreSQL primary and a streaming replica of it, each its own cluster in a temp
 * directory on a free port (the shared cluster on 5432 has no replication line in pg_hba and
 * must not be reconfigured): `initdb` with `wal_level = replica` and replication trusted from
 * 127.0.0.1, `pg_basebackup -R` into the second directory, both started with `pg_ctl`. The
 * database `vitrine` on the primary is migrated with scripts/db/migrate.mjs.
 */
export class PrivatePostgresPair {
  private constructor(
    readonly dir: string,
    private port: number,
    readonly replicaPort: number,
  ) {}

  /** Known once primaryOnly() returns (startPrimary may move it). */
  get primaryPort(): number {
    return this.port;
  }

  readonly database = 'vitrine';

  get primaryUrl(): string {
    return `postgresql://postgres@127.0.0.1:${this.primaryPort}/${this.database}`;
  }

  get replicaUrl(): string {
    return `postgresql://postgres@127.0.0.1:${this.replicaPort}/${this.database}`;
  }

  private data(which: 'primary' | 'replica'): string {
    return path.join(this.dir, which);
  }

  /** Both servers, the primary migrated and copied. */
  static async start(): Promise<PrivatePostgresPair> {
    const pair = await PrivatePostgresPair.primaryOnly();
    await pair.replicate();
    return pair;
  }

  /**
   * The primary alone, with an empty `vitrine` database; `replicate()` migrates it and starts the
   * replica. Both ports are known from here, so processes that use them may start meanwhile.
   */
  static async primaryOnly(): Promise<PrivatePostgresPair> {
    const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-pg-'));
    const ids = await owner();
    if (ids) chownSync(dir, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
    const pair = new PrivatePostgresPair(dir, await freePort(), await freePort());
    try {
      await pg('initdb', ['-D', pair.data('primary'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
      appendFileSync(
        path.join(pair.data('primary'), 'postgresql.conf'),
        [
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'wal_level = replica',
          'max_wal_senders = 4',
          'hot_standby = on',
          'max_connections = 60',
          'shared_buffers = 16MB',
          // A throwaway cluster: durability is not what is tested.
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          '',
        ].join('\n'),
      );
      writeFileSync(
        path.join(pair.data('primary'), 'pg_hba.conf'),
        ['local all all trust', 'host all all 127.0.0.1/32 trust', 'local replication all trust', 'host replication all 127.0.0.1/32 trust', ''].join('\n'),
      );
      await pair.startPrimary();
      await sql(`postgresql://postgres@127.0.0.1:${pair.primaryPort}/postgres`, `CREATE DATABASE ${pair.database}`);
      return pair;
    } catch (error) {
      await pair.stop();
      throw error;
    }
  }

  /**
   * pg_ctl start of the primary on its port, probed free: PostgreSQL cannot take 0, and another
   * process may take the port before the server binds it; then on another one (nothing has been
   * told the primary's port yet). The replica's port, handed out before replicate() starts it,
   * cannot move that way.
   */
  private async startPrimary(): Promise<void> {
    const conf = path.join(this.data('primary'), 'postgresql.conf');
    const log = path.join(this.dir, 'primary.log');
    for (let attempt = 1; ; attempt++) {
      // The last `port` line in the file wins.
      appendFileSync(conf, `port = ${this.port}\n`);
      const logged = existsSync(log) ? statSync(log).size : 0;
      try {
        await this.ctl('primary', 'start');
        return;
      } catch (error) {
        const said = existsSync(log) ? readFileSync(log).subarray(logged).toString() : '';
        if (attempt >= 5 || !/Address already in use/.test(said)) throw error;
        this.port = await freePort();
      }
    }
  }

  /** Migrates the primary with scripts/db/migrate.mjs, then copies it (`pg_basebackup -R`) and starts the replica. */
  async replicate(): Promise<void> {
    try {
      // The schema before the copy, so the replica starts with it (replication would bring it anyway).
      await run(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], { env: { ...process.env, DATABASE_URL: this.primaryUrl }, timeout: 120_000 });
      await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.primaryPort), '-U', 'postgres', '-D', this.data('replica'), '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
      appendFileSync(path.join(this.data('replica'), 'postgresql.auto.conf'), `port = ${this.replicaPort}\n`);
      await this.ctl('replica', 'start');
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private async ctl(which: 'primary' | 'replica', action: 'start' | 'stop'): Promise<void> {
    const args = ['-D', this.data(which), '-w'];
    if (action === 'start') await pg('pg_ctl', [...args, '-l', path.join(this.dir, `${which}.log`), 'start']);
    else await pg('pg_ctl', [...args, '-m', 'fast', 'stop']);
  }

  primarySql(text: string): Promise<unknown[]> {
    return sql(this.primaryUrl, text);
  }

  replicaSql(text: string): Promise<unknown[]> {
    return sql(this.replicaUrl, text);
  }

  /**
   * Replay on the replica stops where it is (WAL keeps arriving): its reads go stale. Returns once
   * replay has actually paused: pg_wal_replay_pause() only requests it, and the startup process
   * takes the request at its next WAL record, so until then a write on the primary can still be
   * replayed (a loaded run saw it). A transaction id taken on the primary makes that record.
   */
  async pauseReplay(): Promise<void> {
    await this.replicaSql('SELECT pg_wal_replay_pause()');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = (await this.replicaSql('SELECT pg_get_wal_replay_pause_state() AS state')) as { state: string }[];
      if (row?.state === 'paused') return;
      if (Date.now() > deadline) throw new Error(`replica replay not paused after 15 s (${row?.state})`);
      await this.primarySql('SELECT txid_current()');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Returns once the replica has replayed everything the primary had written when called (its
   * replay position is past the primary's WAL insert position). A replica within the API's lag
   * bound may still be short of the last seed: a loaded run read a product the replica did not
   * have yet.
   */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const [target] = (await this.primarySql('SELECT pg_current_wal_insert_lsn()::text AS lsn')) as { lsn: string }[];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = (await this.replicaSql(`SELECT pg_last_wal_replay_lsn() >= '${target!.lsn}'::pg_lsn AS done`).catch(() => [])) as { done: boolean }[];
      if (row?.done) return;
      if (Date.now() > deadline) throw new Error(`replica has not replayed up to ${target!.lsn} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async resumeReplay(): Promise<void> {
    await this.replicaSql('SELECT pg_wal_replay_resume()');
  }

  stopReplica(): Promise<void> {
    return this.ctl('replica', 'stop');
  }

  startReplica(): Promise<void> {
    return this.ctl('replica', 'start');
  }

  /** Stops both servers (immediately) and deletes their directories. */
  async stop(): Promise<void> {
    for (const which of ['replica', 'primary'] as const) {
      if (existsSync(path.join(this.data(which), 'postmaster.pid'))) await pg('pg_ctl', ['-D', this.data(which), '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
