export { AfterSalesModule, AfterSalesJobsModule } from './after-sales.module';
export { afterSalesJobs, afterSalesSchedules, returnAcceptedJob, sweepReturnsJob } from './jobs/returns.jobs';
export { ReturnsService, returnWindowsFromEnv } from './application/returns.service';
export * from './domain/returns';
