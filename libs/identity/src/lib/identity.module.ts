import { Module } from '@nestjs/common';
import { AuthService } from './application/auth.service';
import { AccountsService } from './application/accounts.service';
import { UserNamesService } from './application/user-names.service';
import { TokenService, tokenSettingsFromEnv } from './application/token.service';
import { UserRepository } from './infrastructure/user.repository';
import { RefreshTokenRepository } from './infrastructure/refresh-token.repository';
import { BrandRepository } from './infrastructure/brand.repository';
import { UserNameRepository } from './infrastructure/user-name.repository';
import { AuthResolver } from './graphql/auth.resolver';
import { AccountsResolver } from './graphql/accounts.resolver';

@Module({
  providers: [
    { provide: TokenService, useFactory: () => new TokenService(tokenSettingsFromEnv()) },
    AuthService,
    AccountsService,
    UserRepository,
    RefreshTokenRepository,
    BrandRepository,
    UserNameRepository,
    UserNamesService,
    AuthResolver,
    AccountsResolver,
  ],
  exports: [AuthService, AccountsService, UserNamesService],
})
export class IdentityModule {}
