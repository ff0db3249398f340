import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import type { Role } from '../../api/session';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  museumIds: string[];
  brandId: string | null;
  disabled: boolean;
  createdAt: string;
}
const FIELDS = 'id email displayName role museumIds brandId disabled createdAt';

const pageOf =
  (filter: { role?: Role; q?: string }): FetchPage<UserRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ users: CursorPage<UserRecord> }>(
      `query Users($first: Int, $after: String, $role: Role, $search: String) {
        users(first: $first, after: $after, role: $role, search: $search) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { first, after, role: filter.role || null, search: filter.q || null },
    );
    return r.users;
  };

const scopeFields = (role: Role, museumIds: unknown, brandId: unknown) => ({
  museumIds: role === 'MUSEUM_MANAGER' ? ((museumIds as string[] | undefined) ?? []) : [],
  brandId: role === 'BRAND_PARTNER' ? ((brandId as string | undefined) ?? null) : null,
});

export const usersData: ResourceHandler = {
  getList: (params) => cursorList('users', params, params.filter, pageOf(params.filter)),
  async getOne({ id }) {
    const r = await gql<{ user: UserRecord }>(`query User($id: ID!) { user(id: $id) { ${FIELDS} } }`, { id });
    return { data: r.user };
  },
  async create({ data }) {
    const r = await gql<{ createUser: UserRecord }>(
      `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`,
      {
        input: {
          email: data.email,
          password: data.password,
          displayName: data.displayName,
          role: data.role,
          ...scopeFields(data.role, data.museumIds, data.brandId),
        },
      },
    );
    return { data: r.createUser };
  },
  async update({ id, data }) {
    const r = await gql<{ updateUserAccess: UserRecord }>(
      `mutation UpdateAccess($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { ${FIELDS} } }`,
      { input: { userId: id, role: data.role, disabled: !!data.disabled, ...scopeFields(data.role, data.museumIds, data.brandId) } },
      { mapField: (p) => (p === 'userId' ? 'id' : p) },
    );
    return { data: r.updateUserAccess };
  },
};
