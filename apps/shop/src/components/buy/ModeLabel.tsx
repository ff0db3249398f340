import type { Dictionary } from '../../i18n/dictionary';

/** 9610 (direct mail) or 1210 (bonded), as the shopper reads it. */
export function ModeLabel({ mode, dict }: { mode: string; dict: Dictionary }) {
  return <span className="mode-label">{mode === '1210' ? dict.buy.cart.mode1210 : mode === '9610' ? dict.buy.cart.mode9610 : mode}</span>;
}
