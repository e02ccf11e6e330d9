/** Builds the extension bundle into `dist/` with Directus's own extension SDK, then the portal app into `dist/portal/` with Vite. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './lib/directus-instance.ts';

console.log('› Building the extension bundle');
const result = spawnSync(join(projectRoot, 'node_modules/.bin/directus-extension'), ['build', '--no-minify'], {
	cwd: projectRoot,
	stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status !== 0) {
	console.error('✗ The extension bundle did not build (see above).');
	process.exit(result.status ?? 1);
}

console.log('› Building the portal app');
const app = spawnSync(
	join(projectRoot, 'node_modules/.bin/vite'),
	['build', '--config', join(projectRoot, 'extensions/portal-app/vite.config.ts')],
	{
		cwd: projectRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
	},
);
if (app.status !== 0) {
	console.error('✗ The portal app did not build (see above).');
	process.exit(app.status ?? 1);
}
