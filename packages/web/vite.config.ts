/**
 * Vite build of the explorer. The server serves `dist/` at `/` under a strict CSP (no inline
 * scripts, no eval), which Vite's output meets; the Cypher console is a separate chunk.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5174' },
  },
});
