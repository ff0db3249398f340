import type {
  CreateParams,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  RaRecord,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';
import { pager, type FetchPage } from './cursor-pager';

type Rec = RaRecord;
/** The CRUD methods one resource supports; anything missing is refused in words. */
export interface ResourceHandler {
  getList?(params: GetListParams): Promise<{ data: Rec[]; total: number }>;
  getOne?(params: GetOneParams): Promise<{ data: Rec }>;
  getMany?(params: GetManyParams): Promise<{ data: Rec[] }>;
  getManyReference?(params: GetManyReferenceParams): Promise<{ data: Rec[]; total: number }>;
  create?(params: CreateParams): Promise<{ data: Rec }>;
  update?(params: UpdateParams): Promise<{ data: Rec }>;
  updateMany?(params: UpdateManyParams): Promise<{ data: Rec['id'][] }>;
  delete?(params: DeleteParams): Promise<{ data: Rec }>;
  deleteMany?(params: DeleteManyParams): Promise<{ data: Rec['id'][] }>;
}

/** A page-numbered getList over a cursor-paged query (see cursor-pager.ts). */
export function cursorList<T extends Rec>(
  resource: string,
  params: GetListParams,
  scope: unknown,
  fetchPage: FetchPage<T>,
): Promise<{ data: T[]; total: number }> {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  return pager.page(resource, scope, page, perPage, fetchPage).then(({ data, total }) => ({ data, total }));
}

export const PAGE_INFO = 'pageInfo { endCursor hasNextPage } totalCount';
