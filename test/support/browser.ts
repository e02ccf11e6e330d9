/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` driven by playwright-core (which
 * downloads no browser of its own). Every run saves screenshots under the git-ignored
 * `test-results/screenshots/`; the README's pictures are copies of those kept in `docs/screenshots/`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../scripts/lib/directus-instance.ts';

export const chromiumPath = process.env['PORTAL_CHROMIUM'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`No Chromium at ${chromiumPath}. Install Debian's package (apt-get install chromium) or set PORTAL_CHROMIUM.`,
		);
	}
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Saves a full-page screenshot of what the test sees, named for the page. */
export async function screenshot(page: Page, name: string): Promise<void> {
	const folder = join(projectRoot, 'test-results/screenshots');
	await mkdir(folder, { recursive: true });
	await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/**
 * Copies this run's screenshots of the named pages into `docs/screenshots/`, the README's pictures —
 * only when PORTAL_UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the working tree clean.
 */
export async function keepForReadme(names: string[]): Promise<void> {
	if (process.env['PORTAL_UPDATE_SCREENSHOTS'] !== '1') return;
	const folder = join(projectRoot, 'docs/screenshots');
	await mkdir(folder, { recursive: true });
	for (const name of names)
		await copyFile(join(projectRoot, 'test-results/screenshots', `${name}.png`), join(folder, `${name}.png`));
}
