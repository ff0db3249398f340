import { Injectable, type ExecutionContext } from '@nestjs/common';
import { KeyedGqlThrottlerGuard, requestContextOf, type ThrottleScope } from '@vitrine/shared/graphql';

/** joinDrop per account (DROP_ENTRY_RATE_LIMIT a minute, at one address) and per client address (DROP_ENTRY_ADDRESS_RATE_LIMIT a minute). */
export const DROP_ENTRY_LIMIT = (): number => Number(process.env['DROP_ENTRY_RATE_LIMIT'] ?? 5);
export const DROP_ENTRY_ADDRESS_LIMIT = (): number => Number(process.env['DROP_ENTRY_ADDRESS_RATE_LIMIT'] ?? 30);

/** Entries to drops are counted per account and per address: bots that open many accounts behind one address are slowed. */
@Injectable()
export class DropEntryThrottlerGuard extends KeyedGqlThrottlerGuard {
  protected readonly scopes: Readonly<Record<string, ThrottleScope>> = { login: 'addressAndKey', loginAddress: 'address' };

  protected throttleKey(context: ExecutionContext): string {
    return `drop-entry:${requestContextOf(context).actor?.userId ?? ''}`;
  }
}
