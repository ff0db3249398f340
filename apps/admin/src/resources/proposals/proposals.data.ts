import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import {
  createProposal,
  getProposal,
  proposalsPage,
  reviseProposal,
  type ProposalListFilter,
  type ProposalRecord,
} from '../../licensing/proposal-api';
import { contentPatch, toContentInput, toFormValues, type ProposalFormValues } from '../../licensing/proposal-form';

/** The proposal and its working copy as form values, side by side in one record. */
export type ProposalEditRecord = ProposalRecord & ProposalFormValues;
const withForm = (p: ProposalRecord): ProposalEditRecord => ({ ...p, ...toFormValues(p) });

/** A brand's own proposals: drafts, submissions and their history. */
export const proposalsData: ResourceHandler = {
  getList: (params) => {
    const filter: ProposalListFilter = {
      status: params.filter?.status || undefined,
      stage: params.filter?.stage || undefined,
      museumId: params.filter?.museumId || undefined,
    };
    return cursorList('proposals', params, filter, proposalsPage(filter));
  },
  getOne: async ({ id }) => ({ data: withForm(await getProposal(id)) }),
  async create({ data }) {
    if (!data.museumId) throw new Error('vitrine.licensing.choose_museum');
    return { data: withForm(await createProposal(String(data.museumId), toContentInput(data))) };
  },
  // A revision of the working copy, made on the version the form was loaded from.
  async update({ id, data, previousData }) {
    const patch = contentPatch(data, previousData);
    const note = typeof data.note === 'string' && data.note.trim() ? data.note.trim() : null;
    return { data: withForm(await reviseProposal(String(id), Number(previousData.currentVersion), patch, note)) };
  },
};
