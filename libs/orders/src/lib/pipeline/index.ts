// The fulfilment pipeline: paid → customs (three documents) → cleared or held → shipped →
// delivered, run by apps/worker; the fulfilment view for the API.
export { OrderPipelineJobsModule, OrderFulfilmentModule } from './pipeline.module';
export { orderPipelineJobs, orderPipelineSchedules, startOrderPipeline, declareCustomsJob, bookShipmentJob } from './pipeline.jobs';
export { CARRIER_GATEWAY, CarrierError, type CarrierGateway, type ParcelRequest, type TrackingEvent, type TrackingStatus } from './domain/carrier-gateway';
export { pipelineConfigFromEnv, type PipelineConfig } from './application/pipeline-config';
export { BookShipmentsService } from './application/book-shipments.service';
/** The sweep's reads (paid but not started, lagging, cleared not booked), for checks that data is out of the pipeline's way. */
export { PipelineRepository } from './infrastructure/pipeline.repository';
