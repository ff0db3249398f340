import { ApiError } from './errors';

/**
 * react-admin logs every rejected dataProvider call with console.error, including the
 * expected answers the screens already show in words (field errors, not found, refused
 * publish, expired session). Those are demoted to console.warn so that console.error
 * keeps meaning "something is broken"; the browser tests fail on any console error.
 */
export function demoteHandledApiErrors(): void {
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (first instanceof ApiError && first.status >= 400 && first.status < 500) {
      console.warn(`[api] ${first.code}: ${first.message}`);
      return;
    }
    error(...args);
  };
}
