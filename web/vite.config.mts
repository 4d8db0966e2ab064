import { defineConfig } from 'vite';
import path from 'node:path';

// React without @vitejs/plugin-react: Vite's own transformer compiles the JSX (automatic runtime).
// The plugin's optional Babel peers do not resolve with this project's tree, and the served build
// needs no fast refresh.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: { '@domain': path.resolve(import.meta.dirname, '../domain') } },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
});
