import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn user { id email role museumIds brandId } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

describe('accounts and sessions over GraphQL', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('signs in with argon2id-hashed passwords and answers me', async () => {
    const museum = await createMuseum(api.db.prisma);
    const manager = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { id: manager.id } });
    expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);

    const r = await api.gql(LOGIN, { i: { email: manager.email, password: manager.password } });
    expect(r.errors).toBeUndefined();
    expect(r.data.login.user).toMatchObject({ id: manager.id, role: 'MUSEUM_MANAGER', museumIds: [museum.id] });
    const me = await api.gql('{ me { email role } }', {}, r.data.login.accessToken);
    expect(me.data.me).toEqual({ email: manager.email, role: 'MUSEUM_MANAGER' });
  });

  it('refuses a wrong password, an unknown email and a forged token with stable codes', async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    expect(codeOf(await api.gql(LOGIN, { i: { email: user.email, password: 'wrong-password' } }))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await api.gql(LOGIN, { i: { email: 'nobody@example.test', password: 'x' } }))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await api.gql(LOGIN, { i: { email: 'not-an-email', password: 'x' } }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql('{ me { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.e30.forged'))).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    const first = (await api.gql(LOGIN, { i: { email: user.email, password: user.password } })).data.login;
    const second = await api.gql(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect(second.data.refreshSession.refreshToken).not.toBe(first.refreshToken);

    // Replaying the used token is theft: it fails and kills the successor too.
    expect(codeOf(await api.gql(REFRESH, { t: first.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
    expect(codeOf(await api.gql(REFRESH, { t: second.data.refreshSession.refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
    const live = await api.db.prisma.refreshToken.count({ where: { userId: user.id, revokedAt: null } });
    expect(live).toBe(0);
  });

  it('lets two concurrent refreshes of one token produce at most one session', async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    const { refreshToken } = (await api.gql(LOGIN, { i: { email: user.email, password: user.password } })).data.login;
    const results = await Promise.all([api.gql(REFRESH, { t: refreshToken }), api.gql(REFRESH, { t: refreshToken })]);
    expect(results.filter((r) => r.data?.refreshSession).length).toBeLessThanOrEqual(1);
  });

  it('ends the session on logout', async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    const { refreshToken } = (await api.gql(LOGIN, { i: { email: user.email, password: user.password } })).data.login;
    expect((await api.gql('mutation($t: String!) { logout(refreshToken: $t) }', { t: refreshToken })).data.logout).toBe(true);
    expect(codeOf(await api.gql(REFRESH, { t: refreshToken }))).toBe('INVALID_REFRESH_TOKEN');
  });

  it('lets only an operator create accounts, with validated roles and scopes', async () => {
    const admin = await createUser(api.db.prisma, 'PLATFORM_ADMIN');
    const museum = await createMuseum(api.db.prisma);
    const brand = await createBrand(api.db.prisma);
    const manager = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const adminToken = await api.login(admin.email);
    const managerToken = await api.login(manager.email);
    const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id role museumIds brandId } }';
    const input = { email: 'new.partner@brand.test', password: 'a-long-password', displayName: 'New', role: 'BRAND_PARTNER', brandId: brand.id };

    expect(codeOf(await api.gql(CREATE, { i: input }, managerToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(CREATE, { i: input }))).toBe('UNAUTHENTICATED');
    const bad = await api.gql(CREATE, { i: { ...input, brandId: null, password: 'short' } }, adminToken);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0].extensions!['fields'].map((f: { path: string }) => f.path).sort()).toEqual(['input.brandId', 'input.password']);
    expect(await api.db.prisma.user.count({ where: { email: input.email } })).toBe(0);

    const ok = await api.gql(CREATE, { i: input }, adminToken);
    expect(ok.data.createUser).toMatchObject({ role: 'BRAND_PARTNER', brandId: brand.id, museumIds: [] });
    expect(codeOf(await api.gql(CREATE, { i: input }, adminToken))).toBe('CONFLICT');
    const partnerToken = await api.login(input.email, input.password);
    const other = await createBrand(api.db.prisma);
    const q = 'query($id: ID!) { brand(id: $id) { id name } }';
    expect((await api.gql(q, { id: brand.id }, partnerToken)).data.brand.id).toBe(brand.id);
    expect(codeOf(await api.gql(q, { id: other.id }, partnerToken))).toBe('NOT_FOUND');

    // One account by id, for the operator's edit screen; nobody else may read it.
    const USER = 'query($id: ID!) { user(id: $id) { id email role museumIds brandId disabled } }';
    expect((await api.gql(USER, { id: manager.id }, adminToken)).data.user).toEqual({
      id: manager.id, email: manager.email, role: 'MUSEUM_MANAGER', museumIds: [museum.id], brandId: null, disabled: false,
    });
    expect(codeOf(await api.gql(USER, { id: manager.id }, managerToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(USER, { id: manager.id }, partnerToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(USER, { id: manager.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }, adminToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(USER, { id: 'not-an-id' }, adminToken))).toBe('NOT_FOUND');
  });
});
