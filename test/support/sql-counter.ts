import pg from 'pg';

/**
 * Counts the SQL statements sent to one database by every pg client in this process (the
 * API under test runs in the test's process). For N+1 checks: the statement count of a
 * query must not grow with its page size.
 */
export function watchStatements(database: string) {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: { database?: string }, ...args: unknown[]) {
    if (this.database === database) {
      const first = args[0] as string | { text?: string };
      seen.push(typeof first === 'string' ? first : (first?.text ?? ''));
    }
    return original.apply(this, args);
  };
  return {
    /** Statements seen since the last reset, BEGIN/COMMIT included. */
    take(): string[] {
      return seen.splice(0, seen.length);
    },
    restore() {
      proto.query = original;
    },
  };
}
