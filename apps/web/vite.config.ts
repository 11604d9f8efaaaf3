import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite 8 transforms TSX itself (oxc): the automatic JSX runtime, no React plugin needed.
// `npm run dev:web` proxies /api to the API started with `npm start` (or API_URL).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Designsystemet's React components are plain modules, but the package does not say so
      // (no `sideEffects` field): without this every component and what it pulls in (floating-ui,
      // the combobox, the web behaviours) lands in the first download. What a component itself
      // imports for its side effects (designsystemet-web) still comes along wherever it is used.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/@digdir/designsystemet-react/') },
      // Designsystemet's icon modules start with "use client" (for React Server Components): harmless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
