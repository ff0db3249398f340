import { gql } from '../../api/graphql';

/** A one-minute link into the API's queue board (@bull-board at /admin/queues), operators only. */
export async function queueBoardLink(): Promise<{ path: string; expiresAt: string }> {
  return (await gql<{ queueBoardLink: { path: string; expiresAt: string } }>(`mutation QueueBoardLink { queueBoardLink { path expiresAt } }`)).queueBoardLink;
}

export interface FxRefreshRunRecord {
  id: string;
  status: 'SUCCEEDED' | 'FAILED';
  base: string;
  quote: string;
  rate: string | null;
  referenceDate: string | null;
  source: string;
  error: string | null;
  startedAt: string;
  finishedAt: string;
  acknowledgedAt: string | null;
}
const RUN = 'id status base quote rate referenceDate source error startedAt finishedAt acknowledgedAt';

/** The latest automatic FX refreshes and how many failures nobody acknowledged yet. */
export async function fxRefreshes(first = 5): Promise<{ runs: FxRefreshRunRecord[]; alerts: number }> {
  const r = await gql<{ runs: { nodes: FxRefreshRunRecord[] }; alerts: { totalCount: number } }>(
    `query FxRefreshRuns($first: Int) { runs: fxRefreshRuns(first: $first) { nodes { ${RUN} } }
      alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) { totalCount } }`,
    { first },
  );
  return { runs: r.runs.nodes, alerts: r.alerts.totalCount };
}

export async function acknowledgeFxRefreshRun(id: string): Promise<void> {
  await gql(`mutation AcknowledgeFxRefreshRun($id: ID!) { acknowledgeFxRefreshRun(id: $id) { id } }`, { id });
}

/** Queues a refresh from the configured source now. */
export async function refreshFxRatesNow(): Promise<void> {
  await gql(`mutation RefreshFxRatesNow { refreshFxRatesNow }`);
}
