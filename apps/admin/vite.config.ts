import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

const FRAMEWORK = /node_modules[\\/](react|react-dom|scheduler|@mui|@emotion|ra-core|ra-ui-materialui|react-admin|@tanstack|lodash|react-hook-form|react-router|react-router-dom)[\\/]/;

// The console talks to the one GraphQL API; in development Vite proxies to it /graphql,
// /statements (royalty statements' CSV and PDF, behind the token) and /admin/queues (the
// operators' queue board, opened with a one-minute link from queueBoardLink) and /return-photos
// (return photos through the signed links ReturnPhoto.url gives).
const API_PATHS = ['/graphql', '/statements', '/shelf-labels.pdf', '/admin/queues', '/return-photos'];
export default defineConfig(({ mode }) => {
  const env = { ...process.env, ...loadEnv(mode, __dirname, '') };
  const apiUrl = env['VITE_API_URL'] ?? env['API_URL'] ?? 'http://localhost:3000';
  const proxy = Object.fromEntries(API_PATHS.map((p) => [p, { target: apiUrl, changeOrigin: true }]));
  return {
    root: __dirname,
    plugins: [react()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 2000, // the framework chunk is ~1.1 MB (1.5 MB in the browser tests' development build)
      // React, MUI and react-admin in one chunk: every screen needs them, and one file
      // compresses better than the twenty shared slices the lazy screens would cut them into.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'framework', test: FRAMEWORK }] } } },
    },
  };
});
