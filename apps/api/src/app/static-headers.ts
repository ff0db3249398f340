/**
 * Helmet's headers depend on nothing in the request with these options (no directive is a
 * function), yet its twelve middlewares rebuild them on every request: they are taken once and
 * set as they are (the same headers, in the same order; issue 18, addCartLine's CPU).
 */
interface HeaderTarget {
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  removeHeader(name: string): void;
}

export function staticHeaders(middleware: (req: never, res: never, next: (error?: unknown) => void) => void) {
  const steps: ([name: string, value: string | number | readonly string[]] | [name: string])[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => steps.push([name, value]),
    removeHeader: (name: string) => steps.push([name]),
  };
  let done = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('staticHeaders: the middleware did not finish synchronously');
  const set = (res: HeaderTarget) => {
    for (const step of steps) {
      if (step.length === 2) res.setHeader(step[0], step[1]);
      else res.removeHeader(step[0]);
    }
  };
  // Also callable on its own (`set`), from a middleware doing other per-request work: one router layer less.
  return Object.assign(
    (_req: unknown, res: HeaderTarget, next: () => void) => {
      set(res);
      next();
    },
    { set },
  );
}

