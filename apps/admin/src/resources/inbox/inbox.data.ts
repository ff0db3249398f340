import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { getProposal, inboxPage, type ProposalStage, type ProposalStatus } from '../../licensing/proposal-api';
import { getCurrentMuseumId } from '../../museum/current-museum';

/**
 * The museum's licensing inbox: the API's review inbox, soonest due first, by default what
 * awaits a decision; the status and stage filters are the server's.
 */
export const inboxData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    if (!museumId) return Promise.resolve({ data: [], total: 0 });
    const status = (params.filter?.status || undefined) as ProposalStatus | undefined;
    const stage = (params.filter?.stage || null) as ProposalStage | null;
    return cursorList('inbox', params, { museumId, status, stage }, inboxPage(museumId, status ? [status] : null, stage));
  },
  getOne: async ({ id }) => ({ data: await getProposal(id) }),
};
