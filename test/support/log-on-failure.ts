import { beforeEach } from 'vitest';
import { tailOf } from '../../scripts/lib/directus-instance.ts';

/**
 * Prints the end of a Directus log when a test of the calling file fails: a failure in CI is diagnosed from
 * its output alone, and a throw-away instance's folder is gone by then.
 */
export function showLogOnFailure(name: string, logFile: () => string | undefined): void {
	beforeEach(({ onTestFailed }) => {
		onTestFailed(() => {
			const file = logFile();
			if (file) console.error(`The end of ${name}'s log (${file}):\n${tailOf(file, 60)}`);
		});
	});
}
