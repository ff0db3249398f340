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
  /**
   * How long an idle client connection is kept open (HTTP_KEEP_ALIVE_TIMEOUT_MS, default 65 s) and
   * how long a client may take to send a request's headers (HTTP_HEADERS_TIMEOUT_MS, default one
   * second more). Node's own 5 s keep-alive is shorter than a load balancer's idle timeout (60 s on
   * AWS ALB, GCP, nginx's upstream keep-alive): the balancer would send a request on a connection
   * the API is closing that instant, and answer it 502. Both must outlast the balancer's.
   */
  http: HttpTimeouts;
}

export interface HttpTimeouts {
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
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
    http: parseHttpTimeouts(env['HTTP_KEEP_ALIVE_TIMEOUT_MS'], env['HTTP_HEADERS_TIMEOUT_MS']),
  };
}

/** Node's default requestTimeout (300 s): the headers' timeout may not exceed it. */
const NODE_REQUEST_TIMEOUT_MS = 300_000;

/**
 * HTTP_KEEP_ALIVE_TIMEOUT_MS and HTTP_HEADERS_TIMEOUT_MS in whole milliseconds. The headers'
 * timeout must exceed the keep-alive (Node's advice: a request arriving as the keep-alive ends
 * still gets its headers read) and stay within Node's request timeout. Anything else is refused.
 */
export function parseHttpTimeouts(keepAlive: string | undefined, headers: string | undefined): HttpTimeouts {
  const read = (name: string, value: string | undefined, fallback: number) => {
    const text = (value ?? '').trim();
    if (text === '') return fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${name} must be a whole number of milliseconds above 0, not "${text}"`);
    return Number(text);
  };
  const keepAliveTimeoutMs = read('HTTP_KEEP_ALIVE_TIMEOUT_MS', keepAlive, 65_000);
  const headersTimeoutMs = read('HTTP_HEADERS_TIMEOUT_MS', headers, keepAliveTimeoutMs + 1_000);
  if (headersTimeoutMs <= keepAliveTimeoutMs) {
    throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must be longer than HTTP_KEEP_ALIVE_TIMEOUT_MS (${keepAliveTimeoutMs})`);
  }
  if (headersTimeoutMs > NODE_REQUEST_TIMEOUT_MS) {
    throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) may not exceed Node's request timeout (${NODE_REQUEST_TIMEOUT_MS} ms)`);
  }
  return { keepAliveTimeoutMs, headersTimeoutMs };
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
