import type { ProposalContent } from './proposal-content';
import { canonical } from './proposal-content';

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

/** One field that differs between two revisions; `path` is dotted (`title.zh`, `advance.amount`). */
export interface FieldChange {
  path: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level differences from `before` to `after`. Objects are compared key by key down to
 * their leaves; lists (images, works, territory, channels) are compared as whole values, so
 * a reordering shows as a change. Sorted by path.
 */
export function diffContents(before: ProposalContent, after: ProposalContent): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before as Record<string, unknown>, after as Record<string, unknown>, '', out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(a: Record<string, unknown>, b: Record<string, unknown>, prefix: string, out: FieldChange[]): void {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const x = a[key];
    const y = b[key];
    if (x === undefined && y === undefined) continue;
    if (x === undefined) out.push({ path, kind: 'ADDED', before: null, after: y });
    else if (y === undefined) out.push({ path, kind: 'REMOVED', before: x, after: null });
    else if (isObject(x) && isObject(y)) walk(x, y, path, out);
    else if (canonical(x) !== canonical(y)) out.push({ path, kind: 'CHANGED', before: x, after: y });
  }
}
