/** One GraphQL error as the API answers it. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
}

/**
 * An API refusal or outage. `code` is the API's `extensions.code` (or SERVICE_UNAVAILABLE
 * when the API cannot be reached); show `errorMessage(dict, e.code)`, never `message`.
 */
export class ShopApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly errors: GqlError[] = [],
  ) {
    super(message);
    this.name = 'ShopApiError';
  }

  /** VALIDATION_FAILED's field paths (e.g. `input.residentId`), with the API's messages. */
  get fields(): { path: string; message: string }[] {
    return this.errors.flatMap((e) => e.extensions?.fields ?? []);
  }

  /** The first error's extensions (museumIds, retryAfter, field, …). */
  get extensions(): Record<string, unknown> {
    return this.errors[0]?.extensions ?? {};
  }
}

export function isShopApiError(e: unknown): e is ShopApiError {
  return e instanceof ShopApiError;
}
