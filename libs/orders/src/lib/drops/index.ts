export { DropsModule, DropsJobsModule, DropGateModule } from './drops.module';
export { dropsJobs, dropsSchedules, dropsTickJob } from './jobs/drops.jobs';
export { DropsError, DropsErrorCode } from './domain/drops-error';
export { drawOrder, sha256Hex } from './domain/allocation';
export { DropCheckoutGate, dropRefusalAtCommit, type DropTurn } from './application/drop-checkout-gate';
