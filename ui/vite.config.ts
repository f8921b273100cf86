import { defineConfig } from 'vitest/config';

// The build goes where Maven packs it (ERP_UI_OUT, set by ui/pom.xml) or to dist/ when run by hand.
// `npm run dev` serves the UI with hot reload and passes the API and the WebSocket to a running standalone.
const backend = process.env.ERP_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.ERP_UI_OUT ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': backend,
      '/actuator': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
