import type { z } from 'zod';
import { ValidationError } from './domain-error';

/** Parses untrusted input at the boundary; failures carry every offending field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [root, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}
