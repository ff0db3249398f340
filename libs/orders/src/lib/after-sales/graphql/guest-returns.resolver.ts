import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Public } from '@vitrine/shared/graphql';
import { OrderType } from '../../graphql/orders.types';
import { toOrder } from '../../graphql/orders.mappers';
import { GuestReturnsService } from '../application/guest-returns.service';
import { GuestCodeThrottlerGuard } from './guest-code-throttler.guard';
import { GuestOrderAccessType, GuestOrderCodeSentType, SendGuestOrderCodeInput, VerifyGuestOrderCodeInput } from './guest-returns.types';
import { toReturn } from './returns.resolver';
import { RequestReturnInput, ReturnType } from './returns.types';

const GUEST_CODE_LIMIT = Number(process.env['GUEST_CODE_RATE_LIMIT'] ?? 20);

/**
 * Returns for guests (no account): the order number and the recipient's phone get a code by SMS;
 * the code gets an access token to that order; the token opens the order (its returns, deadline
 * and returnable units, as the shopper's own order answers them) and asks for a return.
 */
@Public()
@Resolver()
export class GuestReturnsResolver {
  constructor(private readonly guests: GuestReturnsService) {}

  @UseGuards(GuestCodeThrottlerGuard)
  @Throttle({ login: { limit: GUEST_CODE_LIMIT, ttl: 60_000 } })
  @Mutation(() => GuestOrderCodeSentType, {
    description:
      'A guest (an order placed without an account) asks for a one-time code, sent by SMS to the order’s recipient phone. Refusals, nothing written or sent: GUEST_ORDER_NOT_FOUND (no guest order with this number and phone, whichever is wrong; an account’s order: sign in), GUEST_CODE_RECENTLY_SENT (extensions.retryAfterSeconds), GUEST_CODE_LIMIT_REACHED, NOTIFICATION_UNAVAILABLE (the SMS gateway refused), THROTTLED.',
  })
  async sendGuestOrderCode(@Args('input') input: SendGuestOrderCodeInput): Promise<GuestOrderCodeSentType> {
    return this.guests.sendCode(input.orderNumber, input.phone);
  }

  @UseGuards(GuestCodeThrottlerGuard)
  @Throttle({ login: { limit: GUEST_CODE_LIMIT, ttl: 60_000 } })
  @Mutation(() => GuestOrderAccessType, {
    description:
      'The code sent, typed back: an access token to that order (GUEST_ACCESS_TTL_SECONDS), the code used. Refusals: GUEST_ORDER_NOT_FOUND, GUEST_CODE_INVALID (the try is counted, nothing else written), GUEST_CODE_EXPIRED (expired, used, or none sent), GUEST_CODE_ATTEMPTS_EXCEEDED (GUEST_CODE_MAX_ATTEMPTS wrong tries), THROTTLED.',
  })
  async verifyGuestOrderCode(@Args('input') input: VerifyGuestOrderCodeInput): Promise<GuestOrderAccessType> {
    return this.guests.verify(input.orderNumber, input.phone, input.code);
  }

  @Query(() => OrderType, { description: 'The guest’s order its access token opens (GUEST_ACCESS_INVALID for a changed or expired token).' })
  async guestOrder(@Args('token', { type: () => String }) token: string) {
    return toOrder(await this.guests.order(token));
  }

  @Mutation(() => ReturnType, {
    description:
      'requestReturn for a guest’s order, with its access token: the same rules and refusals (RETURN_WINDOW_CLOSED, ALREADY_RETURNED, photos...). Another order than the token’s: NOT_FOUND; a changed or expired token: GUEST_ACCESS_INVALID. Nothing written on a refusal.',
  })
  async requestGuestReturn(@Args('token', { type: () => String }) token: string, @Args('input') input: RequestReturnInput) {
    return toReturn(await this.guests.requestReturn(token, { ...input, lines: input.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) }));
  }
}
