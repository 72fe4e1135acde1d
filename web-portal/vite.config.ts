import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The local stack's BFF, so the dev server's portal talks to it on its own origin.
    proxy: { '/graphql': { target: 'http://127.0.0.1:8080', ws: true } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Charts render slowly in jsdom, and the build machine's two cores are shared.
    testTimeout: 20_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: './target/vitest-junit.xml' },
  },
});
