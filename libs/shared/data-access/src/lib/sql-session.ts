import type { Pool, PoolClient, QueryConfig } from 'pg';
import { types as pgTypes } from 'pg';
import { Prisma } from '../generated/prisma/client';

/**
 * What a repository needs of a connection or transaction to run its own SQL: Prisma's
 * `$queryRaw` and `$executeRaw`, called as tagged templates or with a `Prisma.sql` statement.
 * Prisma's client and its interactive transactions satisfy it, and so does `SqlSession`, which
 * sends the same statement straight to node-postgres.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/** A database error of a `SqlSession` statement, shaped as Prisma's driver-adapter errors are read here (`cause.code`, `cause.detail`). */
export class SqlError extends Error {
  /** The SQLSTATE. */
  readonly code: string;
  override readonly cause: { code: string; originalCode: string; detail?: string; constraint?: string; message: string };

  constructor(error: { code: string; message: string; detail?: string; constraint?: string }) {
    super(error.message);
    this.name = 'SqlError';
    this.code = error.code;
    this.cause = { code: error.code, originalCode: error.code, detail: error.detail, constraint: error.constraint, message: error.message };
  }
}

const OID = { int8: 20, numeric: 1700, timestamp: 1114 } as const;

/**
 * Rows typed as `$queryRaw` types them, so a repository cannot tell the two apart: int8 as
 * bigint, numeric as Prisma.Decimal, `timestamp` (Prisma's DateTime, stored in UTC) as a Date
 * in UTC whatever the process's time zone. Everything else as node-postgres parses it.
 */
const parseInt8 = (v: string) => BigInt(v);
const parseNumeric = (v: string) => new Prisma.Decimal(v);
const parseTimestamp = (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
// node-postgres asks for a parser for every column of every result: the same functions each time, none made per call.
const prismaLikeTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.numeric) return parseNumeric;
    if (oid === OID.timestamp) return parseTimestamp;
    return pgTypes.getTypeParser(oid, format as 'text');
  },
};

/** Parameters as Prisma sends them: instants in UTC, bigint and Decimal as their digits. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return arrayLiteral(value) ?? value.map(parameter);
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  return value;
}

/**
 * A one-dimensional array of strings, numbers, booleans, bigints, instants (UTC) or nulls as
 * the array literal node-postgres would send for it (every element quoted, `\` and `"`
 * escaped: the same text, byte for byte), built in one pass; undefined for any other array
 * (nested, Decimals, buffers), left to the general path. A batch's arrays hold hundreds of
 * thousands of ids and amounts: node-postgres's element-by-element path (two regular
 * expressions an element) was a tenth of the settlement posting's CPU (issue 21).
 */
export function arrayLiteral(values: readonly unknown[]): string | undefined {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null || v === undefined) {
      out += 'NULL';
      continue;
    }
    let text: string;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') text = String(v);
    else if (v instanceof Date) text = v.toISOString();
    else return undefined;
    out += '"' + (text.includes('\\') || text.includes('"') ? text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : text) + '"';
  }
  return out + '}';
}

/**
 * Statements seen so far, each with the name node-postgres prepares it under (once per
 * connection): the server parses and plans a hot statement once instead of on every call.
 *
 * Looked up by the statement's fragments (`Prisma.Sql.strings`), not by its text: the text of a
 * hot statement is about 3 KB, and building it (a concatenation per parameter), flattening and
 * hashing it on every call was about 1 % of an addCartLine's API CPU (issue 18). Entries are
 * grouped by the first fragment (most often a template literal, whose hash V8 keeps) and matched
 * fragment by fragment (`===`, which is a pointer comparison for the literals a template reuses),
 * so two statements share an entry exactly when their texts are equal: the text is a function of
 * the fragments. The entry keeps the text built once, and node-postgres gets that same string on
 * every call, so its check that a name is not reused for another text is a pointer comparison too.
 * Bounded by count and by the characters held (text and fragments); statements past the bound
 * run unnamed, as before.
 */
interface PreparedStatement {
  readonly strings: readonly string[];
  readonly text: string;
  readonly name: string | undefined;
}
const prepared = new Map<string, PreparedStatement[]>();
export const PREPARED_LIMITS = { statements: 500, chars: 2 ** 21 };
let preparedCount = 0;
let preparedChars = 0;

/** The name and text a statement is sent under: a name while the bounds allow one, its text built once. */
export function preparedStatement(sql: Prisma.Sql): { name: string | undefined; text: string } {
  const strings = sql.strings;
  const bucket = prepared.get(strings[0]);
  if (bucket) {
    for (const entry of bucket) if (sameFragments(entry.strings, strings)) return entry;
  }
  const text = sql.text;
  const chars = 2 * text.length;
  if (preparedCount >= PREPARED_LIMITS.statements || preparedChars + chars > PREPARED_LIMITS.chars) return { name: undefined, text };
  preparedCount++;
  preparedChars += chars;
  const entry: PreparedStatement = { strings: strings.slice(), text, name: `vitrine_${preparedCount}` };
  if (bucket) bucket.push(entry);
  else prepared.set(strings[0], [entry]);
  return entry;
}

function sameFragments(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A `Prisma.Sql` from either calling form of `$queryRaw`. */
function statement(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/** The query config for node-postgres, prepared under a stable name (unless `prepare` is false), its rows typed as Prisma types them. */
function preparedQuery(sql: Prisma.Sql, prepare: boolean): QueryConfig {
  const { name, text } = prepare ? preparedStatement(sql) : { name: undefined, text: sql.text };
  return { name, text, values: sql.values.map(parameter), types: prismaLikeTypes };
}

/**
 * `$queryRaw` and `$executeRaw` on node-postgres: on a pool (each statement on its own) or on one
 * client (inside `PrismaService.sqlTransaction`). For the hottest paths, where Prisma's
 * per-statement work is the larger part of the client's CPU (docs/performance.md).
 */
export class SqlSession implements SqlTx {
  /** `prepare: false`: each statement is planned for its values on every call (the unnamed statement). */
  constructor(
    private readonly db: Pool | PoolClient,
    private readonly options: { prepare: boolean } = { prepare: true },
  ) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
    return (await this.run(statement(query, values))).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number> {
    return (await this.run(statement(query, values))).rowCount ?? 0;
  }

  private async run(sql: Prisma.Sql) {
    try {
      return await this.db.query(preparedQuery(sql, this.options.prepare));
    } catch (error) {
      throw asSqlError(error);
    }
  }
}

/** A server error as SqlError; anything else (a lost connection) as it came. */
export function asSqlError(error: unknown): unknown {
  const e = error as { code?: unknown; message?: string; detail?: string; constraint?: string; severity?: string } | null;
  if (e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.severity) {
    return new SqlError({ code: e.code, message: e.message ?? 'database error', detail: e.detail, constraint: e.constraint });
  }
  return error;
}
