// The shoppers' storefront (Next.js App Router), run from the monorepo root's node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// SHOP_MONOREPO_ROOT: for a copy of the shop outside apps/shop (bench:shop builds HEAD's).
const root = process.env.SHOP_MONOREPO_ROOT ?? path.resolve(here, '../..');

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  // gzip by the shop (Next's default), unless SHOP_COMPRESS=off: behind a CDN or reverse proxy that
  // compresses, the shop's processes are spared it (read when the server starts, not at build).
  compress: process.env.SHOP_COMPRESS !== 'off',
  reactStrictMode: true,
  // Turbopack and output tracing resolve packages from the monorepo's root node_modules.
  turbopack: { root },
  outputFileTracingRoot: root,
  // Tests build into their own folder so a build for a test never clobbers `next dev`'s.
  distDir: process.env.SHOP_DIST_DIR ?? '.next',
  // proxy.ts sees App Router navigations' `RSC` header and `_rsc` parameter (Next strips them
  // otherwise), so it never marks their answers as shared-cacheable (lib/http-cache.ts).
  skipProxyUrlNormalize: true,
  // `npx tsc -p apps/shop/tsconfig.json` (npm test) checks the types; the build need not again.
  typescript: { ignoreBuildErrors: true },
  // No generated AGENTS.md / CLAUDE.md files in the repository.
  agentRules: false,
  // Return requests carry uploaded photos (at most 4 of 1 MiB by default): above Next's 1 MB default.
  experimental: { agentUpgrade: false, serverActions: { bodySizeLimit: '6mb' } },
};

export default config;
