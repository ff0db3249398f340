// The shoppers' storefront (Next.js App Router), run from the monorepo root's node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Turbopack and output tracing resolve packages from the monorepo's root node_modules.
  turbopack: { root },
  outputFileTracingRoot: root,
  // Tests build into their own folder so a build for a test never clobbers `next dev`'s.
  distDir: process.env.SHOP_DIST_DIR ?? '.next',
  // No generated AGENTS.md / CLAUDE.md files in the repository.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default config;
