import { describeDropOverTwoApiProcesses } from '../support/drop-two-api-processes';

// Issue 23: the test itself is in test/support/drop-two-api-processes.ts (also run on a Redis
// Cluster by drop-two-api-processes-cluster.e2e-spec.ts).
describeDropOverTwoApiProcesses('a drop sold by two API processes');
