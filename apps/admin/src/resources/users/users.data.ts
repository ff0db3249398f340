import { gql } from '../../api/graphql';
import type { Role } from '../../api/session';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { UserFieldsFragment } from '../../generated/graphql';

graphql(`
  fragment UserFields on UserAccount { id email displayName role museumIds brandId disabled createdAt }
`);
export type UserRecord = UserFieldsFragment;

const USERS = graphql(`
  query Users($first: Int, $after: String, $role: Role, $search: String, $full: Boolean!) {
    users(first: $first, after: $after, role: $role, search: $search) {
      nodes { id ...UserFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const USER = graphql(`
  query User($id: ID!) { user(id: $id) { ...UserFields } }
`);
const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }
`);
const UPDATE_ACCESS = graphql(`
  mutation UpdateAccess($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { ...UserFields } }
`);

const pageOf =
  (filter: { role?: Role; q?: string }): FetchPage<UserRecord> =>
  listQuery<UserRecord>('users', 'email', async (first, after, full) => {
    const r = await gql(USERS, { first, after, role: filter.role || null, search: filter.q || null, full });
    return r.users;
  });

const scopeFields = (role: Role, museumIds: unknown, brandId: unknown) => ({
  museumIds: role === 'MUSEUM_MANAGER' ? ((museumIds as string[] | undefined) ?? []) : [],
  brandId: role === 'BRAND_PARTNER' ? ((brandId as string | undefined) ?? null) : null,
});

export const usersData: ResourceHandler = {
  getList: (params) => cursorList('users', params, params.filter, pageOf(params.filter)),
  async getOne({ id }) {
    const r = await gql(USER, { id: String(id) });
    return { data: r.user };
  },
  async create({ data }) {
    const r = await gql(
      CREATE_USER,
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
    const r = await gql(
      UPDATE_ACCESS,
      { input: { userId: String(id), role: data.role, disabled: !!data.disabled, ...scopeFields(data.role, data.museumIds, data.brandId) } },
      { mapField: (p) => (p === 'userId' ? 'id' : p) },
    );
    return { data: r.updateUserAccess };
  },
};
