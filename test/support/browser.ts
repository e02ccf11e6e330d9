/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` driven by playwright-core (which
 * downloads no browser of its own). Screenshots go to `docs/screenshots/` when PORTAL_SCREENSHOTS=1.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../scripts/lib/directus-instance.ts';

export const chromiumPath = process.env['PORTAL_CHROMIUM'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(chromiumPath)) {
		throw new Error(`No Chromium at ${chromiumPath}. Install Debian's package (apt-get install chromium) or set PORTAL_CHROMIUM.`);
	}
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/** Saves a screenshot for the README when asked to; a no-op otherwise, so tests stay fast. */
export async function screenshot(page: Page, name: string): Promise<void> {
	if (process.env['PORTAL_SCREENSHOTS'] !== '1') return;
	const folder = join(projectRoot, 'docs/screenshots');
	await mkdir(folder, { recursive: true });
	await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}
