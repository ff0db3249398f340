/** Express's 'trust proxy': which hops in front of the API may say who the client is (X-Forwarded-For). */
export type TrustProxy = boolean | number | string[];

/** Every setting the API reads, with defaults that work on a developer machine. */
export interface ApiConfig {
  port: number;
  production: boolean;
  corsOrigins: string[];
  maxDepth: number;
  maxComplexity: number;
  /** Seconds anonymous shop-window answers are cached (PUBLIC_CACHE_SECONDS; 0 turns it off). */
  publicCacheSeconds: number;
  /** API processes sharing the port (API_WORKERS, default 1); see main.ts. */
  workers: number;
  /** TRUST_PROXY: none by default, so the client's address is the socket's and cannot be claimed in a header. */
  trustProxy: TrustProxy;
  /**
   * Where the sign-in and quota-probe limits count (THROTTLER_STORAGE): `redis`, shared by every API
   * process (the default in production), or `memory`, per process (the default elsewhere).
   */
  throttlerStorage: 'redis' | 'memory';
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    port: Number(env['PORT'] ?? 3000),
    production: env['NODE_ENV'] === 'production',
    corsOrigins: (env['CORS_ORIGINS'] ?? 'http://localhost:5173,http://localhost:3000').split(',').map((s) => s.trim()),
    maxDepth: Number(env['GRAPHQL_MAX_DEPTH'] ?? 10),
    maxComplexity: Number(env['GRAPHQL_MAX_COMPLEXITY'] ?? 5000),
    publicCacheSeconds: Number(env['PUBLIC_CACHE_SECONDS'] ?? 30),
    workers: Math.max(1, Number(env['API_WORKERS'] ?? 1)),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    throttlerStorage: parseThrottlerStorage(env['THROTTLER_STORAGE'], env['NODE_ENV'] === 'production'),
  };
}

export function parseThrottlerStorage(value: string | undefined, production: boolean): 'redis' | 'memory' {
  const text = (value ?? '').trim();
  if (text === '') return production ? 'redis' : 'memory';
  if (text === 'redis' || text === 'memory') return text;
  throw new Error(`THROTTLER_STORAGE must be "redis" or "memory", not "${text}"`);
}

/**
 * TRUST_PROXY as Express's 'trust proxy' takes it: unset, empty or `false` trusts no proxy;
 * a whole number trusts that many hops; otherwise a comma list of addresses, CIDRs or Express's
 * names (`loopback`, `linklocal`, `uniquelocal`). `true` trusts every hop (any client may then
 * name its own address): only for a proxy that overwrites X-Forwarded-For.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
