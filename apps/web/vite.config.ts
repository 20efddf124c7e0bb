import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.ATELIER_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // tldraw's asset module imports ~70 files with `?url`; the dev pre-bundler cannot follow those.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/socket.io': { target: server, ws: true },
      '/sync': { target: server, ws: true },
    },
  },
});
