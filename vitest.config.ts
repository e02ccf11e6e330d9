import vue from '@vitejs/plugin-vue';
import { configDefaults, defineConfig } from 'vitest/config';
import { filesOfOtherLanes } from './test/lanes.ts';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					// The trigger tests write thousands of random rows to a real SQLite: a busy machine needs more than 5 s.
					testTimeout: 30_000,
				},
			},
			{
				// Vue components of the portal app and the studio module, rendered in happy-dom.
				plugins: [vue()],
				test: {
					name: 'components',
					include: ['test/components/**/*.test.ts'],
					environment: 'happy-dom',
				},
			},
			{
				// One real Directus serves the API tests and the browser tests alike.
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/e2e/**/*.test.ts'],
					// Where CI runs both databases' lanes, some files run in one of them only (test/lanes.ts).
					exclude: [...configDefaults.exclude, ...filesOfOtherLanes(process.env)],
					globalSetup: ['test/support/global-setup.ts'],
					setupFiles: ['test/support/integration-setup.ts'],
					// CI runs two databases' lanes side by side on two cores: a browser flow may take twice its quiet time.
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// One Directus serves every file: run them one after another.
					fileParallelism: false,
				},
			},
		],
	},
});
