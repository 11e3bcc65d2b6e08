import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

// Tests import the TypeScript sources; this plugin gives `.wasm` imports the same
// meaning as esbuild's binary loader in the real bundle (a Uint8Array of the bytes),
// and `.csv` imports that of its text loader.
export default defineConfig({
  plugins: [
    {
      name: 'embedded-assets',
      enforce: 'pre',
      load(id) {
        if (id.endsWith('.csv')) return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
        if (!id.endsWith('.wasm')) return null;
        const base64 = readFileSync(id).toString('base64');
        return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
