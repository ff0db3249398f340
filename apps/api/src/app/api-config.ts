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
  };
}
