// Customs declarations: the order (CEB311), waybill (CEB511) and declaration list (CEB621)
// to customs, signed; the payment record (CEB411) asked of the payment company; receipts and
// the audit trail.
export { CustomsAuditCoreModule, CustomsAuditModule, CustomsDeclarationsModule } from './declarations.module';
export { DeclarationsService, type DeclarationRequest, type ReturnDeclarationRequest, type DeclarationOutcome, type ClearanceOutcome, type WithdrawalOutcome, type AmendmentOutcome } from './application/declarations.service';
export { DeclarationsAuditService, type CustomsMessageView, type CustomsReceiptView, type CustomsTransmissionView } from './application/declarations-audit.service';
export { DEV_WECHAT_PAY_CUSTOMS_KEY, declarationsConfigFromEnv, type DeclarationsConfig } from './application/declarations-config';
export * from './domain/ceb-messages';
export * from './domain/ceb-receipts';
export { buildXml, canonicalize, parseXml, signXml, verifyXml, stableGuid, type SigningKey, type VerifyResult } from './domain/ceb-xml';
export { CUSTOMS_GATEWAY, CustomsTransmissionError, type CustomsGateway, type TransmissionOutcome } from './domain/customs-gateway';
export { HttpCustomsGateway } from './infrastructure/http-customs.gateway';
export * from './domain/payment-declaration';
export { HttpPaymentDeclarationGateway } from './infrastructure/http-payment-declaration.gateway';
export * from './domain/wechat-pay-declaration';
export { HttpWechatPayDeclarationGateway } from './infrastructure/http-wechat-pay-declaration.gateway';
export { CustomsMessageType, CustomsReceiptType, CustomsTransmissionType, CustomsMessagePage } from './graphql/customs-messages.types';
