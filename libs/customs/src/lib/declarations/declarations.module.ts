import { Module } from '@nestjs/common';
import { PiiVault, piiKeysFromEnv } from '../infrastructure/pii-vault';
import { DeclarationsAuditService } from './application/declarations-audit.service';
import { DECLARATIONS_CONFIG, declarationsConfigFromEnv, type DeclarationsConfig } from './application/declarations-config';
import { DeclarationsService } from './application/declarations.service';
import { CUSTOMS_GATEWAY } from './domain/customs-gateway';
import { CustomsMessageRepository } from './infrastructure/customs-message.repository';
import { HttpCustomsGateway } from './infrastructure/http-customs.gateway';
import { PAYMENT_DECLARATION_GATEWAY, WECHAT_PAY_DECLARATION_GATEWAY } from './domain/payment-declaration';
import { HttpPaymentDeclarationGateway } from './infrastructure/http-payment-declaration.gateway';
import { HttpWechatPayDeclarationGateway } from './infrastructure/http-wechat-pay-declaration.gateway';
import { CustomsMessagesResolver } from './graphql/customs-messages.resolver';

/**
 * The customs audit trail without GraphQL: its repository (which the declarations write through)
 * and the service that reads it (an order's fulfilment view). What the API module
 * (CustomsAuditModule) and the worker's (CustomsDeclarationsModule) build on.
 */
@Module({
  providers: [CustomsMessageRepository, DeclarationsAuditService],
  exports: [CustomsMessageRepository, DeclarationsAuditService],
})
export class CustomsAuditCoreModule {}

/** Reading the customs audit trail over GraphQL (the API). */
@Module({ imports: [CustomsAuditCoreModule], providers: [CustomsMessagesResolver], exports: [CustomsAuditCoreModule] })
export class CustomsAuditModule {}

/** Declaring orders to customs and following receipts (the worker's jobs): needs the signing key. */
@Module({
  imports: [CustomsAuditCoreModule],
  providers: [
    { provide: PiiVault, useFactory: () => new PiiVault(piiKeysFromEnv()) },
    { provide: DECLARATIONS_CONFIG, useFactory: () => declarationsConfigFromEnv() },
    { provide: CUSTOMS_GATEWAY, inject: [DECLARATIONS_CONFIG], useFactory: (c: DeclarationsConfig) => new HttpCustomsGateway(c.gatewayUrl, c.timeoutMs) },
    // The merchant's requests to the payment company are signed RSA2 with the platform's key.
    {
      provide: PAYMENT_DECLARATION_GATEWAY,
      inject: [DECLARATIONS_CONFIG],
      useFactory: (c: DeclarationsConfig) => new HttpPaymentDeclarationGateway(c.paymentDeclaration.url, c.paymentDeclaration.partner, c.signingKey.privateKey, c.timeoutMs),
    },
    // Orders paid with WeChat Pay are declared by WeChat Pay (XML, signed with the merchant API key).
    {
      provide: WECHAT_PAY_DECLARATION_GATEWAY,
      inject: [DECLARATIONS_CONFIG],
      useFactory: (c: DeclarationsConfig) => new HttpWechatPayDeclarationGateway(c.wechatPay.url, { appid: c.wechatPay.appid, mchId: c.wechatPay.mchId, key: c.wechatPay.key }, c.timeoutMs),
    },
    DeclarationsService,
  ],
  exports: [DeclarationsService],
})
export class CustomsDeclarationsModule {}
