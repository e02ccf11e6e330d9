/** Builds the extension bundle into `dist/` with Directus's own extension SDK. */
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
