import { Module } from '@nestjs/common';
import { CustomsDeclarationsModule } from '@vitrine/customs';
import { InventoryCoreModule, InventoryModule } from '@vitrine/inventory';
import { PaymentsModule } from '@vitrine/payments';
import { OrderCheckoutRepository } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { pipelineConfigFromEnv } from '../pipeline/application/pipeline-config';
import { ReturnDeclarationService } from './application/return-declaration.service';
import { ReturnLogisticsService } from './application/return-logistics.service';
import { RETURN_PHOTO_LINKS, ReturnPhotoLinksService, photoLinkConfigFromEnv } from './application/return-photo-links.service';
import { ReturnPhotoRetentionService } from './application/return-photo-retention.service';
import { RETURN_PHOTO_LIMITS, ReturnPhotosService } from './application/return-photos.service';
import { ReturnQueriesService } from './application/return-queries.service';
import { GUEST_CODES, GuestReturnsService, guestCodeConfigFromEnv } from './application/guest-returns.service';
import { RETURN_SITES, RETURN_WINDOWS, ReturnsService, returnSitesFromEnv, returnWindowsFromEnv } from './application/returns.service';
import { OrderLineReturnsResolver, OrderReturnsResolver, ReturnsResolver } from './graphql/returns.resolver';
import { returnPhotoLimitsFromEnv } from './domain/return-photos';
import { NoticeTextsResolver } from './graphql/notice-texts.resolver';
import { GuestReturnsResolver } from './graphql/guest-returns.resolver';
import { GuestCodesRepository } from './infrastructure/guest-codes.repository';
import { AliyunSmsGateway, SMS_GATEWAY, smsConfigFromEnv } from './infrastructure/sms.gateway';
import { ReturnPhotoContentResolver, ReturnPhotosResolver } from './graphql/return-photos.resolver';
import { HttpReturnCarrierGateway, RETURN_CARRIER } from './infrastructure/http-return-carrier.gateway';
import { LocalDiskReturnPhotoStorage, ReturnPhotoStorage, returnPhotosDirFromEnv } from './infrastructure/return-photo.storage';
import { ReturnPhotosRepository } from './infrastructure/return-photos.repository';
import { ReturnsRepository } from './infrastructure/returns.repository';
import { ReturnPhotosController } from './http/return-photos.controller';
import { DeclareReturnHandler, PurgeReturnPhotosHandler, ReturnAcceptedHandler, SendReturnSmsHandler, SweepReturnsHandler } from './jobs/returns.handlers';
import { RETURN_SMS_SENDER, ReturnSmsService, returnSmsSenderFromEnv } from './application/return-sms.service';
import { ReturnSmsRepository } from './infrastructure/return-sms.repository';

const core = [
  { provide: RETURN_WINDOWS, useFactory: () => returnWindowsFromEnv() },
  { provide: RETURN_SITES, useFactory: () => returnSitesFromEnv() },
  { provide: RETURN_PHOTO_LIMITS, useFactory: () => returnPhotoLimitsFromEnv() },
  { provide: ReturnPhotoStorage, useFactory: () => new LocalDiskReturnPhotoStorage(returnPhotosDirFromEnv()) },
  ReturnsRepository,
  ReturnPhotosRepository,
  ReturnPhotosService,
  OrderCheckoutRepository,
  OrderQueryRepository,
  TransactionRunner,
  ReturnsService,
];

/** A guest's returns: the code sent by SMS (the notification gateway), the access it gives, the request. */
const guests = [
  { provide: SMS_GATEWAY, useFactory: () => new AliyunSmsGateway(smsConfigFromEnv()) },
  { provide: GUEST_CODES, useFactory: () => guestCodeConfigFromEnv() },
  GuestCodesRepository,
  GuestReturnsService,
  GuestReturnsResolver,
];

/** Returns in the API: the shopper's (or guest's) request, the seller's decision and inspection, the console's list, the photos' signed links. */
@Module({
  imports: [PaymentsModule, InventoryModule],
  controllers: [ReturnPhotosController],
  providers: [
    ...core,
    ...guests,
    { provide: RETURN_PHOTO_LINKS, useFactory: () => photoLinkConfigFromEnv() },
    ReturnPhotoLinksService,
    ReturnSmsRepository,
    ReturnQueriesService,
    ReturnsResolver,
    OrderReturnsResolver,
    OrderLineReturnsResolver,
    ReturnPhotosResolver,
    ReturnPhotoContentResolver,
    NoticeTextsResolver,
  ],
})
export class AfterSalesModule {}

/** Returns in the worker: return waybills, their declaration to customs (CEB625), the lateness sweep, deleting the photos of refused or closed returns, and texting guests each step of their returns. */
@Module({
  imports: [PaymentsModule, InventoryCoreModule, CustomsDeclarationsModule],
  providers: [
    ...core,
    { provide: RETURN_CARRIER, useFactory: () => new HttpReturnCarrierGateway(pipelineConfigFromEnv().carrier) },
    ReturnLogisticsService,
    ReturnDeclarationService,
    ReturnAcceptedHandler,
    DeclareReturnHandler,
    ReturnPhotoRetentionService,
    PurgeReturnPhotosHandler,
    SweepReturnsHandler,
    { provide: RETURN_SMS_SENDER, useFactory: () => returnSmsSenderFromEnv() },
    ReturnSmsRepository,
    ReturnSmsService,
    SendReturnSmsHandler,
  ],
})
export class AfterSalesJobsModule {}
