import { gql } from '../../api/graphql';
import { graphql } from '../../generated';
import type { FxRefreshRunFieldsFragment } from '../../generated/graphql';

const QUEUE_BOARD_LINK = graphql(`
  mutation QueueBoardLink { queueBoardLink { path expiresAt } }
`);
graphql(`
  fragment FxRefreshRunFields on FxRefreshRun { id status base quote rate referenceDate source error startedAt finishedAt acknowledgedAt }
`);
const FX_REFRESH_RUNS = graphql(`
  query FxRefreshRuns($first: Int) {
    runs: fxRefreshRuns(first: $first) { nodes { ...FxRefreshRunFields } }
    alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) { totalCount }
  }
`);
const ACKNOWLEDGE_FX_REFRESH_RUN = graphql(`
  mutation AcknowledgeFxRefreshRun($id: ID!) { acknowledgeFxRefreshRun(id: $id) { id } }
`);
const REFRESH_FX_RATES_NOW = graphql(`
  mutation RefreshFxRatesNow { refreshFxRatesNow }
`);

/** A one-minute link into the API's queue board (@bull-board at /admin/queues), operators only. */
export async function queueBoardLink(): Promise<{ path: string; expiresAt: string }> {
  return (await gql(QUEUE_BOARD_LINK)).queueBoardLink;
}

export type FxRefreshRunRecord = FxRefreshRunFieldsFragment;

/** The latest automatic FX refreshes and how many failures nobody acknowledged yet. */
export async function fxRefreshes(first = 5): Promise<{ runs: FxRefreshRunRecord[]; alerts: number }> {
  const r = await gql(FX_REFRESH_RUNS, { first });
  return { runs: r.runs.nodes, alerts: r.alerts.totalCount };
}

export async function acknowledgeFxRefreshRun(id: string): Promise<void> {
  await gql(ACKNOWLEDGE_FX_REFRESH_RUN, { id });
}

/** Queues a refresh from the configured source now. */
export async function refreshFxRatesNow(): Promise<void> {
  await gql(REFRESH_FX_RATES_NOW);
}
