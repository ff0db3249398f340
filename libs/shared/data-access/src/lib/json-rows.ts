import { z } from 'zod';

/**
 * JSON built in SQL (`json_build_object`, `json_agg`) arrives as JSON values the driver cannot
 * type; repositories parse it at their boundary with a zod schema instead of casting it
 * (docs/adr/0023-data-access.md). A value that does not match is a disagreement between a
 * statement and its schema, not bad input: it is raised as this error, naming the repository,
 * the column and the path in it, and answered to clients as an internal error.
 */
export class JsonRowError extends Error {
  constructor(
    readonly where: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${where}: ${field} does not match its schema: ${detail}`);
    this.name = 'JsonRowError';
  }
}

const ZONE = /(Z|[+-]\d\d(:?\d\d)?)$/;

/**
 * A timestamp inside JSON built in SQL, as a Date. A `timestamp` column (Prisma's DateTime)
 * becomes ISO text without an offset: it is read as UTC, as the driver reads the scalar
 * column; a `timestamptz` one carries its offset.
 */
export const jsonTimestamp = z.iso
  .datetime({ local: true, offset: true })
  .transform((s) => new Date(ZONE.test(s) ? s : `${s}Z`));

/**
 * Parses `value`, the JSON column `column` of a row read by `where` (`Repository.method`),
 * with `schema`; a mismatch throws a JsonRowError naming the first field that failed, e.g.
 * `CartRepository.selectOne: items[0].createdAt does not match its schema: …`.
 */
export function parseJsonColumn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  column: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new JsonRowError(where, `${column}${path}`, issue.message);
}
