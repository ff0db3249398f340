import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { CurrentActor, Public, type Actor } from '@vitrine/shared/graphql';
import { AuthService } from '../application/auth.service';
import { AccountsService } from '../application/accounts.service';
import { AuthSessionType, LoginInput, RegisterShopperInput, UserAccountType } from './identity.types';
import { GqlThrottlerGuard, LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER } from './gql-throttler.guard';

const LOGIN_LIMIT = Number(process.env['LOGIN_RATE_LIMIT'] ?? 10);
const LOGIN_LIMIT_PER_ADDRESS = Number(process.env['LOGIN_RATE_LIMIT_PER_ADDRESS'] ?? 60);
/** Per minute, per address and email; and per address across emails, sign-in, refresh and sign-up together. */
const LOGIN_LIMITS = {
  [LOGIN_THROTTLER]: { limit: LOGIN_LIMIT, ttl: 60_000 },
  [LOGIN_ADDRESS_THROTTLER]: { limit: LOGIN_LIMIT_PER_ADDRESS, ttl: 60_000 },
};

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle(LOGIN_LIMITS)
  @Mutation(() => AuthSessionType, { description: 'Signs in with email and password.' })
  login(@Args('input') input: LoginInput) {
    return this.auth.login(input);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle(LOGIN_LIMITS)
  @Mutation(() => AuthSessionType, { description: 'Trades a refresh token for a new session (rotation).' })
  refreshSession(@Args('refreshToken') refreshToken: string) {
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session family of this refresh token.' })
  logout(@Args('refreshToken') refreshToken: string) {
    return this.auth.logout(refreshToken);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle(LOGIN_LIMITS)
  @Mutation(() => UserAccountType, { description: 'Creates a shopper account.' })
  registerShopper(@Args('input') input: RegisterShopperInput) {
    return this.accounts.registerShopper(input);
  }

  @Query(() => UserAccountType, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor) {
    return this.accounts.me(actor);
  }
}
