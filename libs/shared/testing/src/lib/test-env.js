// Environment every integration and e2e test runs with: quiet logs, fixed test secrets.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = process.env.JWT_SECRET ?? 'test-jwt-secret-0123456789-0123456789-abcdef';
process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '4';
process.env.LOGIN_RATE_LIMIT = process.env.LOGIN_RATE_LIMIT ?? '1000';
process.env.LOGIN_RATE_LIMIT_PER_ADDRESS = process.env.LOGIN_RATE_LIMIT_PER_ADDRESS ?? '1000';
// Suites read the shop window right after changing it; the one that tests the cache turns it on.
process.env.PUBLIC_CACHE_SECONDS = process.env.PUBLIC_CACHE_SECONDS ?? '0';
