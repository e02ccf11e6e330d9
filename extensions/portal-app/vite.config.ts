/**
 * Builds the portal app into `dist/portal/` at the repository root, beside the bundle's `dist/api.js`,
 * whose endpoint serves it at /portal/ (see extensions/endpoints/portal/app-routes.ts).
 */
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: '/portal/',
	plugins: [vue()],
	logLevel: 'warn',
	build: {
		outDir: fileURLToPath(new URL('../../dist/portal/', import.meta.url)),
		emptyOutDir: true,
		assetsDir: 'assets',
		sourcemap: false,
		target: 'es2022',
	},
});
