// Customs declarations: the three documents (CEB311 / CEB411 / CEB511), their signing,
// the gateway to customs, receipts and the audit trail.
export { CustomsAuditModule, CustomsDeclarationsModule } from './declarations.module';
export { DeclarationsService, type DeclarationRequest, type DeclarationOutcome, type ClearanceOutcome, type WithdrawalOutcome } from './application/declarations.service';
export { DeclarationsAuditService, type CustomsMessageView, type CustomsReceiptView, type CustomsTransmissionView } from './application/declarations-audit.service';
export { declarationsConfigFromEnv, type DeclarationsConfig } from './application/declarations-config';
export * from './domain/ceb-messages';
export * from './domain/ceb-receipts';
export { buildXml, canonicalize, parseXml, signXml, verifyXml, stableGuid, type SigningKey, type VerifyResult } from './domain/ceb-xml';
export { CUSTOMS_GATEWAY, CustomsTransmissionError, type CustomsGateway, type TransmissionOutcome } from './domain/customs-gateway';
export { HttpCustomsGateway } from './infrastructure/http-customs.gateway';
export { CustomsMessageType, CustomsReceiptType, CustomsTransmissionType, CustomsMessagePage } from './graphql/customs-messages.types';
