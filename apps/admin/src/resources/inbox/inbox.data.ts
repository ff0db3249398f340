import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { getProposal, inboxPage, proposalsPage, type ProposalStage, type ProposalStatus } from '../../licensing/proposal-api';
import { getCurrentMuseumId } from '../../museum/current-museum';

/**
 * The museum's licensing inbox. Without a stage it is the API's review inbox, soonest due
 * first (by default what awaits a decision); with a stage, the museum's proposals in that
 * stage, newest change first (the inbox query has no stage filter).
 */
export const inboxData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    if (!museumId) return Promise.resolve({ data: [], total: 0 });
    const status = (params.filter?.status || undefined) as ProposalStatus | undefined;
    const stage = (params.filter?.stage || undefined) as ProposalStage | undefined;
    if (stage) return cursorList('inbox', params, { museumId, stage, status }, proposalsPage({ museumId, stage, status }));
    return cursorList('inbox', params, { museumId, status }, inboxPage(museumId, status ? [status] : null));
  },
  getOne: async ({ id }) => ({ data: await getProposal(id) }),
};
