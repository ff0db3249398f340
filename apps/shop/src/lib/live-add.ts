/** What the live page's add-to-cart action answers (app/[locale]/live/[id]/actions.ts). */
export interface LiveAddState {
  ok: boolean;
  code: string | null;
  quantity: number;
  unitPriceMinor: number;
  /** Changes with each answer, so the same message twice still shows. */
  at: number;
}

export const EMPTY_LIVE_ADD: LiveAddState = { ok: false, code: null, quantity: 0, unitPriceMinor: 0, at: 0 };
