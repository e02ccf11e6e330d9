import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
				},
			},
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts'],
					globalSetup: ['test/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// One Directus serves every file: run them one after another.
					fileParallelism: false,
				},
			},
		],
	},
});
