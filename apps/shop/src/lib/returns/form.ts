// The return form's rules and how requestReturn's refusals map onto its fields (no next/* imports: unit-testable).
import type { ReturnReason } from '../api/returns';

export const RETURN_REASONS: readonly ReturnReason[] = ['CHANGED_MIND', 'DAMAGED', 'WRONG_ITEM'];
export const MAX_PHOTOS = 10;
/** Uploaded photos: the API's defaults (RETURN_PHOTO_MAX_COUNT, RETURN_PHOTO_MAX_BYTES); the API decides. */
export const MAX_PHOTO_FILES = 4;
export const MAX_PHOTO_FILE_BYTES = 1_048_576;
export const PHOTO_FILE_TYPES = 'image/jpeg,image/png,image/webp';

/** A field of the form: `line:<lineId>`, `reason`, `photos` (links), `photoFiles` (uploads), `note`; the form itself is `formError`. */
export interface ReturnFormState {
  fields: Record<string, string>;
  formError: string | null;
}

export const EMPTY_RETURN_STATE: ReturnFormState = { fields: {}, formError: null };

/** Can a return be asked for now: a deadline (released by customs), not passed. */
export function windowOpen(returnDeadline: string | null, now = Date.now()): boolean {
  return returnDeadline !== null && new Date(returnDeadline).getTime() > now;
}

/** Photo URLs typed one per line (or separated by spaces/commas). */
export function parsePhotoUrls(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface ApiRefusal {
  extensions?: { code?: unknown; field?: unknown; fields?: unknown };
}

/** The fields a refusal names (input.lines.<i>.quantity → the i-th line sent), each with its code. */
export function returnRefusalToState(error: ApiRefusal | undefined, sentLineIds: readonly string[]): ReturnFormState {
  const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
  const ext = error?.extensions ?? {};
  const paths: string[] = [];
  if (typeof ext.field === 'string') paths.push(ext.field);
  if (Array.isArray(ext.fields)) for (const f of ext.fields) paths.push(typeof f === 'string' ? f : String((f as { path?: unknown }).path ?? ''));
  const fields: Record<string, string> = {};
  for (const p of paths) {
    const line = /^input\.lines(?:\.(\d+))?/.exec(p);
    if (line) {
      const id = line[1] !== undefined ? sentLineIds[Number(line[1])] : undefined;
      fields[id ? `line:${id}` : 'lines'] = code;
    } else if (p.startsWith('input.photoUrls')) fields['photos'] = code;
    else if (p.startsWith('input.photos')) fields['photoFiles'] = code;
    else if (p.startsWith('input.note')) fields['note'] = code;
    else if (p.startsWith('input.reason')) fields['reason'] = code;
  }
  // Refusals about the units asked for concern the lines even when no field is named.
  if (!Object.keys(fields).length && (code === 'ALREADY_RETURNED' || code === 'RETURN_WINDOW_CLOSED' || code === 'ORDER_NOT_RETURNABLE')) fields['lines'] = code;
  return { fields, formError: code };
}
