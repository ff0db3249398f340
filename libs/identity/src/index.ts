export * from './lib/identity.module';
export { AuthService, actorOf } from './lib/application/auth.service';
export { AccountsService } from './lib/application/accounts.service';
export { UserNamesService } from './lib/application/user-names.service';
export { TokenService } from './lib/application/token.service';
export { GqlThrottlerGuard } from './lib/graphql/gql-throttler.guard';
