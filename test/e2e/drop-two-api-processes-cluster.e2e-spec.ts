import { describeDropOverTwoApiProcesses } from '../support/drop-two-api-processes';

// Issue 23: the drop of drop-two-api-processes.e2e-spec.ts (two real API processes and the
// worker) on a local three-master Redis Cluster (REDIS_CLUSTER_NODES): queues, drop turns and
// caches all on the cluster, the same guarantees. (Its API processes count limits per process;
// the sign-in limit counted on a cluster across processes is throttle-shared.e2e-spec.ts.)
describeDropOverTwoApiProcesses('a drop sold by two API processes on a Redis Cluster', { cluster: true });
