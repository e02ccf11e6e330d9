import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The version of the Directus this bundle runs in, read from the host's own `directus` package, found
 * from the running program and from the working folder (the bundle may live anywhere, e.g. in a data
 * folder with no node_modules of its own). Null when it cannot be found: the doctor then treats the host
 * as unknown and keeps the portal closed.
 */
export function fetchDirectusVersion(): string | null {
	const origins = [process.argv[1], join(process.cwd(), 'index.js')].filter(
		(origin): origin is string => typeof origin === 'string',
	);
	for (const origin of origins) {
		try {
			const manifest = JSON.parse(readFileSync(createRequire(origin).resolve('directus/package.json'), 'utf8')) as {
				version?: unknown;
			};
			if (typeof manifest.version === 'string') return manifest.version;
		} catch {
			// Not resolvable from this origin: try the next one; none at all is reported by checkHost.
			continue;
		}
	}
	return null;
}
