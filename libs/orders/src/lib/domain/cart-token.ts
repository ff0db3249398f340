import { createHash } from 'node:crypto';

/**
 * What a guest cart is stored and found by: the SHA-256 (hex) of its token. The token itself
 * lives only with the shopper (the shop's cookie), so a leaked carts table opens no cart.
 */
export function cartTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
