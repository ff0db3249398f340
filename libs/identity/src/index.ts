export * from './lib/identity.module';
export { AuthService, actorOf } from './lib/application/auth.service';
export { AccountsService } from './lib/application/accounts.service';
export { UserNamesService } from './lib/application/user-names.service';
export { TokenService } from './lib/application/token.service';
export { GqlThrottlerGuard, LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER, THROTTLED_AUTH_MUTATIONS } from './lib/graphql/gql-throttler.guard';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { IdentityReadPort } from './lib/ports/identity.read-port';
