import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

// The console talks to the one GraphQL API; in development Vite proxies /graphql to it.
export default defineConfig(({ mode }) => {
  const env = { ...process.env, ...loadEnv(mode, __dirname, '') };
  const apiUrl = env['VITE_API_URL'] ?? env['API_URL'] ?? 'http://localhost:3000';
  return {
    root: __dirname,
    plugins: [react()],
    server: { port: 5173, strictPort: true, proxy: { '/graphql': { target: apiUrl, changeOrigin: true } } },
    preview: { port: 4173, proxy: { '/graphql': { target: apiUrl, changeOrigin: true } } },
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  };
});
