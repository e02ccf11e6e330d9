/** The Directus studio in a browser: a fresh project made usable, and signing in through its login page. */
import type { Page } from 'playwright-core';
import { type Api, api, directusUnderTest } from './directus-under-test.ts';
import { uniqueName } from './portal-users.ts';

/** Sets what the first-run "project owner" dialog asks for, so it does not cover the studio (of the Directus `call` reaches). */
export async function settleProjectOwner(call: Api = api): Promise<void> {
	const response = await call('PATCH', '/settings', {
		body: { project_owner: 'admin@example.com', project_usage: 'personal', product_updates: false },
	});
	if (response.status !== 200) throw new Error(`Could not set the project owner: ${JSON.stringify(response.body)}`);
}

/** A studio user with a known password under `role` (the Administrator role when left out). */
export async function createStudioUser(role?: string): Promise<{ email: string; password: string; id: string }> {
	const roleId =
		role ?? (await api<{ id: string }[]>('GET', '/roles?filter[name][_eq]=Administrator&fields=id')).body.data?.[0]?.id;
	if (!roleId) throw new Error('No Administrator role');
	const email = `${uniqueName('studio').replace(' ', '-')}@staff.example.com`;
	const password = `studio-${uniqueName('pw').replace(' ', '-')}`;
	const user = await api<{ id: string }>('POST', '/users', {
		body: { email, password, role: roleId, status: 'active' },
	});
	if (!user.body.data) throw new Error(`Could not create a studio user: ${JSON.stringify(user.body)}`);
	return { email, password, id: user.body.data.id };
}

/** Signs in through the studio's own login page (of the Directus at `base`) and waits for the studio to show. */
export async function signInToStudio(
	page: Page,
	user: { email: string; password: string },
	base = directusUnderTest().url,
): Promise<void> {
	await page.goto(`${base}/admin/login`);
	await page.locator('input[type="email"]').fill(user.email);
	await page.locator('input[type="password"]').fill(user.password);
	await page.locator('button[type="submit"]').click();
	await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 20_000 });
	await page.locator('.module-bar').waitFor({ timeout: 20_000 });
}

/**
 * What keeps a studio page from being used at the window's size: inputs in the page's content without a
 * label a screen reader reads (a `<label>`, `aria-label` or `aria-labelledby`), and tables wider than the
 * room they have (Directus then scrolls them sideways, the last columns out of sight).
 */
export async function layoutProblems(page: Page): Promise<{ unlabelled: string[]; overflowing: string[] }> {
	return page.evaluate(() => {
		const unlabelled = Array.from(
			document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
				'#main-content input, #main-content select, #main-content textarea',
			),
		)
			.filter(
				(input) =>
					input.type !== 'hidden' &&
					(input.labels?.length ?? 0) === 0 &&
					!input.getAttribute('aria-label') &&
					!input.getAttribute('aria-labelledby'),
			)
			.map((input) => input.outerHTML.slice(0, 160));
		const overflowing = Array.from(document.querySelectorAll<HTMLElement>('#main-content .v-table'))
			.filter((table) => table.scrollWidth > table.clientWidth + 1)
			.map((table) => `${table.className}: ${table.scrollWidth} px in ${table.clientWidth} px`);
		return { unlabelled, overflowing };
	});
}
