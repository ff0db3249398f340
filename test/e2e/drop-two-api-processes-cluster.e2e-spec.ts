import { describeDropOverTwoApiProcesses } from '../support/drop-two-api-processes';

// Issue 23: the drop of drop-two-api-processes.e2e-spec.ts (two real API processes and the
// worker) on a local three-master Redis Cluster (REDIS_CLUSTER_NODES): queues, drop turns,
// throttling and caches all on the cluster, the same guarantees.
describeDropOverTwoApiProcesses('a drop sold by two API processes on a Redis Cluster', { cluster: true });
