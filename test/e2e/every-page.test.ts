/**
 * Every page of the portal, signed in as an Administrator, at phone widths (320 and 390 px) and a laptop's, with
 * ugly data: one unbroken 200-character URL in a ticket's subject and a reply, right-to-left text, Markdown, long
 * names and numbers. A page fails where it scrolls sideways (the failure names the elements that stick out) or
 * where the browser's console reports an error, or where its tab's title does not name it by its heading.
 * At one phone width and the laptop's, axe-core checks each page, the sign-in page and the phone's unfolded menu
 * against WCAG 2.1 A and AA and its best practices (labels, names, landmarks, headings, contrast…); the failure
 * lists page, rule, impact, element and what to do.
 * A contact whose Directus language is German walks them too: the page says it is German, and no text on it is
 * left in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fallbackColor } from '../../src/branding/safe-color.ts';
import { accessibilityViolations } from '../support/accessibility-violations.ts';
import { launchBrowser } from '../support/browser.ts';
import { de } from '../../extensions/portal-app/src/i18n/de.ts';
import { en } from '../../extensions/portal-app/src/i18n/en.ts';
import { api, createRow } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, uniqueName } from '../support/portal-users.ts';
import { englishOnly, untranslated } from '../support/untranslated-texts.ts';
import { newPage, portalUrl, signInThroughForm } from './browser-session.ts';

const longUrl = `https://files.example.com/${'a1b2c3d4e5'.repeat(20)}/report.pdf`;
const rtl = 'تقرير الطابعة لا يعمل منذ التحديث';
const unbroken = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen'.repeat(3);

let browser: Browser;
let contact: PortalContact;
const paths: string[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	const customer = await createRow<{ id: number }>('customers', { name: `${uniqueName('Phone Co')} ${unbroken}` });
	contact = await createPortalContact(customer.id, 'Administrator', { first_name: rtl, last_name: unbroken });
	const ticket = await createRow<{ id: number }>('tickets', {
		customer: customer.id,
		contact: contact.id,
		subject: `See ${longUrl}`,
		description: `**Bold** and a link: ${longUrl}\n\n${rtl}\n\n![pixel](https://tracker.example/p.gif) <img src=x onerror=alert(1)>`,
	});
	await createRow('ticket_comments', { ticket: ticket.id, body: `Look at ${longUrl} — ${rtl}`, is_internal: false });
	const device = await createRow<{ id: number }>('devices', {
		customer: customer.id,
		name: `Scanner ${unbroken}`,
		type: 'printer',
		serial: `SN-${'7'.repeat(60)}`,
		manufacturer: unbroken,
	});
	await createRow('invoices', {
		customer: customer.id,
		number: `INV-${'9'.repeat(50)}`,
		total: 123456789.5,
		status: 'sent',
		issued_on: '2025-03-01',
		due_date: '2025-03-31',
	});
	await createRow('quotes', { customer: customer.id, title: `Quote ${longUrl}`, total: 800, status: 'pending' });
	const project = await createRow<{ id: number }>('projects', {
		customer: customer.id,
		name: `Project ${unbroken}`,
		status: 'active',
		start_date: '2025-01-06',
		estimated_hours: 80,
	});
	await createRow('project_tasks', { project: project.id, name: `Task ${longUrl}`, status: 'in_progress', sort: 1 });
	await createRow('project_notes', { project: project.id, body: `Note ${longUrl}`, is_internal: false });
	const article = await createRow<{ id: number }>('kb_articles', {
		title: `Article ${unbroken}`,
		body: `Download it from ${longUrl}\n\n${rtl}`,
		status: 'published',
		audience: 'all',
	});
	const document = await createRow<{ id: number }>('documents', {
		title: `Document ${unbroken}`,
		body: `Kept at ${longUrl}`,
		status: 'published',
		audience: 'selected',
	});
	await createRow('document_customers', { document: document.id, customer: customer.id });
	paths.push(
		'/',
		'/tickets',
		`/tickets/${ticket.id}`,
		'/tickets/new',
		'/devices',
		`/devices/${device.id}`,
		'/projects',
		`/projects/${project.id}`,
		'/invoices',
		'/quotes',
		'/knowledge-base',
		`/knowledge-base/${article.id}`,
		'/documentation',
		`/documentation/${document.id}`,
		// The one search, with a word that heads the page unbroken and finds an article and a document.
		`/search?q=${encodeURIComponent(unbroken)}`,
		'/team',
		'/profile',
	);
});

afterAll(async () => {
	await browser?.close();
});

/** The elements wider than the screen, innermost first, as `tag.class` (at most five). */
async function overflowing(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		const wide = Array.from(document.querySelectorAll('body *')).filter(
			(element) => element.getBoundingClientRect().right > width + 1,
		);
		const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
		return innermost
			.slice(0, 5)
			.map(
				(element) =>
					`${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} (${Math.round(element.getBoundingClientRect().right)} px)`,
			);
	});
}

/** The widths axe-core checks at: a phone's and a laptop's (320 px lays out as 390 px does, only narrower). */
const checkedForAccessibility = new Set([390, 1366]);

describe('Every page', () => {
	test.each([320, 390, 1366])(
		'At %i px wide, no page scrolls sideways, logs an error, leaves its tab unnamed or fails WCAG 2.1 AA',
		async (width) => {
			const page = await newPage(browser, { width, height: 800 });
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
			const inaccessible: string[] = [];
			async function checkAccessibility(where: string): Promise<void> {
				if (!checkedForAccessibility.has(width)) return;
				// Contrast is the team's to choose through its accent colour; it is checked with the default one.
				const accent = await page.evaluate(() =>
					getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
				);
				expect(accent.toLowerCase(), 'the accent colour contrast is checked with').toBe(fallbackColor.toLowerCase());
				for (const violation of await accessibilityViolations(page)) inaccessible.push(`${where}: ${violation}`);
			}
			// The visitors' frame, seen on the way in.
			await page.goto(portalUrl('sign-in'));
			await page.locator('main h1').waitFor();
			await checkAccessibility('/sign-in');
			await signInThroughForm(page, contact);
			const wider: string[] = [];
			for (const path of paths) {
				await page.goto(portalUrl(path));
				await page.locator('main h1').first().waitFor();
				// Lists and details arrive after the heading.
				await page.waitForLoadState('networkidle');
				const sticking = await overflowing(page);
				if (sticking.length > 0) wider.push(`${path}: ${sticking.join(', ')}`);
				await checkAccessibility(path);
				// The tab names the page by its heading, then the portal.
				const heading = ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
				await page.waitForFunction((expected) => document.title.startsWith(`${expected} · `), heading);
			}
			// A phone folds the menu behind a button; unfolded, it is checked too.
			const menuButton = page.getByRole('button', { name: en.menu.open });
			if (await menuButton.isVisible()) {
				await menuButton.click();
				await page.getByRole('navigation', { name: en.menu.label }).waitFor();
				await checkAccessibility(`${paths.at(-1)} with the menu open`);
			}
			expect(wider, wider.join('\n')).toEqual([]);
			expect(inaccessible, `Fails WCAG 2.1 AA:\n${inaccessible.join('\n')}`).toEqual([]);
			expect(errors).toEqual([]);
			await page.context().close();
		},
	);

	test('A ticket, device, project or article the contact cannot see is headed by the reason, and passes axe too', async () => {
		const page = await newPage(browser, { width: 390, height: 800 });
		await signInThroughForm(page, contact);
		const inaccessible: string[] = [];
		// Directus answers a record that does not exist as one the contact may not read.
		for (const [path, reason] of [
			['/tickets/999999999', en.tickets.notFound],
			['/devices/999999999', en.devices.notFound],
			['/projects/999999999', en.projects.notFound],
			['/knowledge-base/999999999', en.articles.notFound],
		] as const) {
			await page.goto(portalUrl(path));
			await page.getByRole('heading', { level: 1, name: reason }).waitFor();
			await page.waitForFunction((expected) => document.title.startsWith(`${expected} · `), reason);
			for (const violation of await accessibilityViolations(page)) inaccessible.push(`${path}: ${violation}`);
		}
		expect(inaccessible, `Fails WCAG 2.1 AA:\n${inaccessible.join('\n')}`).toEqual([]);
		await page.context().close();
	});

	test('With a light accent colour staff chose, a Basic contact’s pages still pass axe, contrast included: text in a darker shade, dark button labels', async () => {
		// Named in no language: the German walk below lists this customer's people and tickets too.
		const basic = await createPortalContact(contact.customer, 'Basic', { first_name: 'Bea', last_name: rtl });
		const ticket = await createRow<{ id: number }>('tickets', {
			customer: contact.customer,
			contact: basic.id,
			subject: `#FFD400 ${unbroken}`,
		});
		expect((await api('PATCH', '/items/portal_settings', { body: { accent_color: '#FFD400' } })).status).toBe(200);
		try {
			const page = await newPage(browser, { width: 390, height: 800 });
			const inaccessible: string[] = [];
			await page.goto(portalUrl('sign-in'));
			await page.locator('main h1').waitFor();
			for (const violation of await accessibilityViolations(page)) inaccessible.push(`/sign-in: ${violation}`);
			await signInThroughForm(page, basic);
			for (const path of ['/', '/tickets', `/tickets/${ticket.id}`, '/tickets/new', '/profile']) {
				await page.goto(portalUrl(path));
				await page.locator('main h1').first().waitFor();
				await page.waitForLoadState('networkidle');
				for (const violation of await accessibilityViolations(page)) inaccessible.push(`${path}: ${violation}`);
			}
			await page.getByRole('button', { name: en.menu.open }).click();
			await page.getByRole('navigation', { name: en.menu.label }).waitFor();
			for (const violation of await accessibilityViolations(page)) inaccessible.push(`menu: ${violation}`);
			expect(inaccessible, `Fails WCAG 2.1 AA:\n${inaccessible.join('\n')}`).toEqual([]);
			const shades = await page.evaluate(() => {
				const style = getComputedStyle(document.documentElement);
				return [style.getPropertyValue('--accent-text').trim(), style.getPropertyValue('--accent-ink').trim()];
			});
			expect(shades).toEqual(['#856e00', '#1c2030']);
			await page.context().close();
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { accent_color: null } });
		}
	});

	test('Markdown shows rendered and safe: emphasis, links that open apart, no image from elsewhere, HTML as text', async () => {
		const page = await newPage(browser);
		await signInThroughForm(page, contact);
		await page.goto(portalUrl(paths[2] ?? ''));
		const description = page.locator('.description');
		await description.locator('strong', { hasText: 'Bold' }).waitFor();
		expect(await description.locator('a').first().getAttribute('rel')).toBe('noopener noreferrer nofollow');
		expect(await description.locator('a').first().getAttribute('target')).toBe('_blank');
		expect(await page.locator('main img').count()).toBe(0);
		expect(await page.locator('main script').count()).toBe(0);
		expect(await description.textContent()).toContain('<img src=x onerror=alert(1)>');
		await page.context().close();
	});
});

describe('Every page in German', () => {
	let german: PortalContact;

	/** The sign-in page speaks the project's default language (English here); the contact's own follows sign-in. */
	async function signInAsGerman(page: Page): Promise<void> {
		await page.goto(portalUrl('sign-in'));
		await page.getByLabel('E-mail address').fill(german.email);
		await page.getByLabel('Password').fill(german.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('heading', { name: /^Willkommen, / }).waitFor();
	}

	beforeAll(async () => {
		// A colleague of the same company, as the walk above, whose own Directus language is German.
		german = await createPortalContact(contact.customer, 'Administrator', { first_name: 'Jörg', last_name: 'Gruber' });
		const set = await api('PATCH', `/users/${german.userId}`, { body: { language: 'de-DE' } });
		if (set.status !== 200) throw new Error(`Could not set the contact's language: ${JSON.stringify(set.body)}`);
	});

	test.each([390, 1366])(
		'At %i px wide, every page speaks German: nothing left in English, nothing sticks out',
		async (width) => {
			const english = englishOnly(en, de);
			const page = await newPage(browser, { width, height: 800 });
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
			await signInAsGerman(page);
			const left: string[] = [];
			const wider: string[] = [];
			for (const path of paths) {
				await page.goto(portalUrl(path));
				await page.locator('main h1').first().waitFor();
				await page.waitForLoadState('networkidle');
				expect(await page.evaluate(() => document.documentElement.lang), path).toBe('de');
				const found = await untranslated(page, english);
				if (found.length > 0) left.push(`${path}: ${found.join(', ')}`);
				const sticking = await overflowing(page);
				if (sticking.length > 0) wider.push(`${path}: ${sticking.join(', ')}`);
			}
			expect(left, `Left in English:\n${left.join('\n')}`).toEqual([]);
			expect(wider, wider.join('\n')).toEqual([]);
			expect(errors).toEqual([]);
			await page.context().close();
		},
	);

	test('The contact changes their language on the profile page: the portal follows at once, and next time', async () => {
		const page = await newPage(browser);
		await signInAsGerman(page);
		await page.goto(portalUrl('/profile'));
		await page.getByRole('heading', { name: 'Ihr Profil' }).waitFor();
		await page.getByLabel('Sprache').selectOption({ label: 'English' });
		await page.getByRole('heading', { name: 'Your profile' }).waitFor();
		await page.getByText('Your language is saved.').waitFor();
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Dashboard' }).waitFor();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await page.reload();
		await page.getByRole('heading', { name: 'Your profile' }).waitFor();
		await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
		await page.getByRole('heading', { name: 'Ihr Profil' }).waitFor();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
		await page.context().close();
	});

	test('Visitors\u2019 pages speak the project\u2019s default language: German where Directus\u2019s is German', async () => {
		const english = englishOnly(en, de);
		const before = await api<{ default_language: string | null }>('GET', '/settings');
		await api('PATCH', '/settings', { body: { default_language: 'de-DE' } });
		const page = await newPage(browser);
		try {
			const left: string[] = [];
			for (const [path, heading] of [
				['/sign-in', 'Anmelden'],
				['/forgot-password', 'Passwort zurücksetzen'],
			] as const) {
				await page.goto(portalUrl(path));
				await page.getByRole('heading', { name: heading }).waitFor();
				expect(await page.evaluate(() => document.documentElement.lang), path).toBe('de');
				const found = await untranslated(page, english);
				if (found.length > 0) left.push(`${path}: ${found.join(', ')}`);
			}
			expect(left, `Left in English:\n${left.join('\n')}`).toEqual([]);
		} finally {
			await page.context().close();
			await api('PATCH', '/settings', { body: { default_language: before.body.data?.default_language ?? null } });
		}
	});
});
