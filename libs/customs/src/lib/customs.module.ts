import { Module } from '@nestjs/common';
import { IdentityRecordsService } from './application/identity-records.service';
import { PiiKeyRotationService } from './application/pii-key-rotation.service';
import { crossBorderRulesFromEnv } from './domain/cross-border-rules';
import { CustomsIdentityRepository } from './infrastructure/customs-identity.repository';
import { PiiVault, piiKeysFromEnv } from './infrastructure/pii-vault';

/** Injection token of the cross-border figures (CrossBorderRules) read from the environment. */
export const CROSS_BORDER_RULES = Symbol('CROSS_BORDER_RULES');

@Module({
  providers: [
    { provide: PiiVault, useFactory: () => new PiiVault(piiKeysFromEnv()) },
    { provide: CROSS_BORDER_RULES, useFactory: () => crossBorderRulesFromEnv() },
    CustomsIdentityRepository,
    IdentityRecordsService,
    PiiKeyRotationService,
  ],
  exports: [IdentityRecordsService, PiiKeyRotationService, CROSS_BORDER_RULES],
})
export class CustomsModule {}
