// CPU time each component of a run used, from /proc (Linux), for benchmarks on a machine other
// engineers share: only processes the benchmark can name are counted — the API and worker
// processes it spawned, its own redis-server, and the PostgreSQL backends connected to its own
// database (found in pg_stat_activity). PostgreSQL's background processes (WAL writer,
// checkpointer, background writer) serve every database on the server, so they are reported
// apart, as an upper bound.
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** CPU seconds (user + system) a process has used so far; NaN once it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Server processes that write or flush for every database on the server. */
const SHARED_BACKENDS = new Set(['walwriter', 'checkpointer', 'background writer']);

/**
 * PostgreSQL CPU of one database over a window: sampled (sample()) often enough that a backend
 * which ends between two samples loses little (pools keep theirs). A backend first seen after
 * start() started after it and counts from zero. The sampling connection itself is left out.
 */
export class PostgresCpu {
  private baseline = new Map<number, number>();
  private last = new Map<number, number>();
  private kind = new Map<number, 'own' | 'shared'>();
  private started = false;

  /** `ownPrefix`: application_name of the benchmark's own connections, left out too. */
  constructor(
    private readonly client: Client,
    private readonly database: string,
    private readonly ownPrefix = '\u0000',
  ) {}

  async start(): Promise<void> {
    this.baseline.clear();
    this.last.clear();
    this.kind.clear();
    this.started = false;
    await this.sample();
    this.started = true;
  }

  private inflight: Promise<void> | null = null;

  /** Reads every backend's CPU now (a sample already under way is shared, not doubled). */
  sample(): Promise<void> {
    this.inflight ??= this.read().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async read(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number; datname: string | null; backend_type: string }>(
      'SELECT pid, datname, backend_type FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND NOT starts_with(application_name, $1)',
      [this.ownPrefix],
    );
    for (const row of rows) {
      const kind = row.datname === this.database ? 'own' : SHARED_BACKENDS.has(row.backend_type) ? 'shared' : null;
      if (!kind) continue;
      const cpu = cpuSeconds(row.pid);
      if (Number.isNaN(cpu)) continue;
      if (!this.baseline.has(row.pid)) this.baseline.set(row.pid, this.started ? 0 : cpu);
      this.last.set(row.pid, cpu);
      this.kind.set(row.pid, kind);
    }
  }

  /** CPU seconds since start(): the database's own backends, and the server's shared ones. */
  async seconds(): Promise<{ own: number; shared: number; backends: number }> {
    await this.sample();
    let own = 0;
    let shared = 0;
    let backends = 0;
    for (const [pid, cpu] of this.last) {
      const used = cpu - this.baseline.get(pid)!;
      if (this.kind.get(pid) === 'own') {
        own += used;
        backends++;
      } else shared += used;
    }
    return { own, shared, backends };
  }
}

/** CPU seconds of named processes since start (a process that ended counts up to its last sample). */
export class ProcessCpu {
  private readonly before: number[];
  private readonly last: number[];

  constructor(private readonly pids: (number | undefined)[]) {
    this.before = pids.map(cpuSeconds);
    this.last = [...this.before];
  }

  sample(): void {
    this.pids.forEach((pid, i) => {
      const cpu = cpuSeconds(pid);
      if (!Number.isNaN(cpu)) this.last[i] = cpu;
    });
  }

  seconds(): number {
    this.sample();
    return this.last.reduce((sum, cpu, i) => sum + cpu - this.before[i]!, 0);
  }
}
