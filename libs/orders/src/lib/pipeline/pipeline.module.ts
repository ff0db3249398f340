import { Module } from '@nestjs/common';
import { CustomsAuditCoreModule, CustomsDeclarationsModule } from '@vitrine/customs';
import { InventoryCoreModule } from '@vitrine/inventory';
import { PaymentsModule } from '@vitrine/payments';
import { AfterSalesJobsModule } from '../after-sales/after-sales.module';
import { OrderCheckoutRepository } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { OrdersCoreModule } from '../orders-core.module';
import { AmendDeclarationsService } from './application/amend-declarations.service';
import { BookShipmentsService } from './application/book-shipments.service';
import { DeclareOrdersService } from './application/declare-orders.service';
import { FeedFollowersService } from './application/feed-followers.service';
import { FulfilmentSettler } from './application/fulfilment-settler';
import { OrderFulfilmentService } from './application/order-fulfilment.service';
import { PIPELINE_CONFIG, pipelineConfigFromEnv, type PipelineConfig } from './application/pipeline-config';
import { ShipOrderService } from './application/ship-order.service';
import { SweepService } from './application/sweep.service';
import { WithdrawDeclarationsService } from './application/withdraw-declarations.service';
import { CARRIER_GATEWAY } from './domain/carrier-gateway';
import { OrderFulfilmentResolver } from './graphql/order-fulfilment.resolver';
import { OrderParcelResolver } from './graphql/order-parcel.resolver';
import { HttpCarrierGateway } from './infrastructure/http-carrier.gateway';
import { PipelineRepository } from './infrastructure/pipeline.repository';
import {
  AmendCustomsHandler,
  BookShipmentHandler,
  DeclareCustomsHandler,
  ExpireReservationsHandler,
  FollowCustomsReceiptsHandler,
  FollowTrackingHandler,
  SweepPipelineHandler,
  WithdrawCustomsHandler,
} from './jobs/pipeline.handlers';

/** The fulfilment pipeline's jobs (apps/worker only). */
@Module({
  imports: [OrdersCoreModule, PaymentsModule, CustomsDeclarationsModule, InventoryCoreModule, AfterSalesJobsModule],
  providers: [
    { provide: PIPELINE_CONFIG, useFactory: () => pipelineConfigFromEnv() },
    { provide: CARRIER_GATEWAY, inject: [PIPELINE_CONFIG], useFactory: (c: PipelineConfig) => new HttpCarrierGateway(c.carrier) },
    PipelineRepository,
    OrderCheckoutRepository,
    OrderQueryRepository,
    TransactionRunner,
    FulfilmentSettler,
    DeclareOrdersService,
    BookShipmentsService,
    FeedFollowersService,
    SweepService,
    WithdrawDeclarationsService,
    AmendDeclarationsService,
    DeclareCustomsHandler,
    WithdrawCustomsHandler,
    AmendCustomsHandler,
    BookShipmentHandler,
    FollowCustomsReceiptsHandler,
    FollowTrackingHandler,
    SweepPipelineHandler,
    ExpireReservationsHandler,
  ],
})
export class OrderPipelineJobsModule {}

/** The fulfilment view (apps/api): customs messages (the audit core's service, not its resolver) and shipment of an order. */
@Module({
  imports: [CustomsAuditCoreModule],
  providers: [PipelineRepository, TransactionRunner, OrderFulfilmentService, ShipOrderService, OrderFulfilmentResolver, OrderParcelResolver],
})
export class OrderFulfilmentModule {}
