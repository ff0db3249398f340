import { HttpError } from 'react-admin';

export interface FieldProblem {
  path: string;
  message: string;
}
export interface ListingReason {
  code: string;
  path?: string;
  message: string;
}
export interface GqlErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: FieldProblem[]; reasons?: ListingReason[]; field?: string; [key: string]: unknown };
}

/** Codes whose server wording is replaced by our own translated sentence. */
const WORDED: Record<string, string> = {
  NOT_FOUND: 'vitrine.errors.not_found',
  FORBIDDEN: 'vitrine.errors.forbidden',
  UNAUTHENTICATED: 'vitrine.errors.unauthenticated',
  INVALID_REFRESH_TOKEN: 'vitrine.errors.unauthenticated',
  INVALID_CREDENTIALS: 'vitrine.errors.invalid_credentials',
  THROTTLED: 'vitrine.errors.throttled',
  INTERNAL_SERVER_ERROR: 'vitrine.errors.internal',
  NETWORK: 'vitrine.errors.network',
  NOT_LISTABLE_FOR_CHINA: 'vitrine.errors.not_listable',
  STOCK_BELOW_RESERVED: 'vitrine.errors.stock_below_reserved',
  INVALID_TRANSITION: 'vitrine.errors.invalid_transition',
  REFUND_NOT_POSSIBLE: 'vitrine.errors.refund_not_possible',
  DISPUTE_CLOSED: 'vitrine.errors.dispute_closed',
  DISPUTE_EVIDENCE_PAST_DUE: 'vitrine.errors.dispute_past_due',
  DISPUTE_EVIDENCE_SUBMITTED: 'vitrine.errors.dispute_submitted',
  PAYMENT_PROVIDER_UNAVAILABLE: 'vitrine.errors.payment_provider',
  ILLEGAL_TRANSITION: 'vitrine.errors.illegal_transition',
  STALE_REVISION: 'vitrine.errors.stale_revision',
  AGREEMENT_TERMS_LOCKED: 'vitrine.errors.terms_locked',
  LISTING_NOT_ALLOWED: 'vitrine.errors.listing_not_allowed',
  DROP_ALREADY_STARTED: 'vitrine.errors.drop_started',
  DROP_ALREADY_ENDED: 'vitrine.errors.drop_ended',
  DROP_EDITION_OVER_STOCK: 'vitrine.errors.drop_over_stock',
  SESSION_ALREADY_STARTED: 'vitrine.errors.session_started',
  SESSION_ENDED: 'vitrine.errors.session_ended',
  SESSION_CANCELLED: 'vitrine.errors.session_cancelled',
  STREAM_URL_NOT_ALLOWED: 'vitrine.live.errors.STREAM_URL_NOT_ALLOWED',
  REMITTANCE_EXCEEDS_OWED: 'vitrine.errors.remittance_exceeds_owed',
  CURRENCY_MISMATCH: 'vitrine.errors.currency_mismatch',
};

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  INVALID_REFRESH_TOKEN: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 400,
  INVALID_COMMISSION_RATE: 400,
  CURRENCY_MISMATCH: 422,
  REMITTANCE_EXCEEDS_OWED: 422,
  NOT_LISTABLE_FOR_CHINA: 422,
  THROTTLED: 429,
  // Refusals the screens explain in words: expected answers, not failures.
  STOCK_BELOW_RESERVED: 409,
  INVALID_TRANSITION: 409,
  REFUND_NOT_POSSIBLE: 409,
  DISPUTE_CLOSED: 409,
  DISPUTE_EVIDENCE_PAST_DUE: 409,
  DISPUTE_EVIDENCE_SUBMITTED: 409,
  ILLEGAL_TRANSITION: 409,
  STALE_REVISION: 409,
  AGREEMENT_TERMS_LOCKED: 422,
  LISTING_NOT_ALLOWED: 422,
  DROP_ALREADY_STARTED: 409,
  DROP_ALREADY_ENDED: 409,
  DROP_EDITION_OVER_STOCK: 409,
  SESSION_ALREADY_STARTED: 409,
  SESSION_ENDED: 409,
  SESSION_CANCELLED: 409,
  STREAM_URL_NOT_ALLOWED: 422,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
};

/** Codes whose extensions.fields name the inputs at fault. */
const FIELD_CODES = new Set(['VALIDATION_FAILED', 'INVALID_COMMISSION_RATE']);

/** Maps a server path (input.variants.0.priceMinor) to a form field name. */
export type FieldMapper = (path: string) => string;
const stripInput: FieldMapper = (path) => path.replace(/^input\./, '');

/**
 * One API error as react-admin's HttpError. VALIDATION_FAILED and CONFLICT carry
 * body.errors keyed by form field so react-admin puts each message under its input and
 * keeps what the user typed; NOT_LISTABLE_FOR_CHINA carries body.reasons.
 */
export class ApiError extends HttpError {
  readonly code: string;
  readonly reasons: ListingReason[];
  constructor(message: string, code: string, status: number, body: Record<string, unknown>, reasons: ListingReason[] = []) {
    super(message, status, body);
    // HttpError pins its own prototype; restore ours so instanceof ApiError holds.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.reasons = reasons;
  }
}

export function toApiError(error: GqlErrorPayload, mapField: FieldMapper = stripInput): ApiError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = STATUS[code] ?? 500;
  const message = WORDED[code] ?? error.message;
  if (FIELD_CODES.has(code) && error.extensions?.fields?.length) {
    const errors: Record<string, string> = {};
    for (const f of error.extensions.fields) errors[mapField(stripInput(f.path))] = f.message;
    return new ApiError(message, code, status, { errors: { ...errors, root: { serverError: 'vitrine.errors.validation' } } });
  }
  if (code === 'CONFLICT' && typeof error.extensions?.field === 'string') {
    const field = mapField(stripInput(error.extensions.field));
    return new ApiError(message, code, status, { errors: { [field]: error.message, root: { serverError: error.message } } });
  }
  if (code === 'NOT_LISTABLE_FOR_CHINA') {
    const reasons = error.extensions?.reasons ?? [];
    return new ApiError(message, code, status, { reasons }, reasons);
  }
  return new ApiError(message, code, status, {});
}

export const networkError = () => new ApiError(WORDED['NETWORK']!, 'NETWORK', 0, {});
