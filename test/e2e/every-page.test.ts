/**
 * Every page of the portal, signed in as an Administrator, at phone widths (320 and 390 px) and a laptop's, with
 * ugly data: one unbroken 200-character URL in a ticket's subject and a reply, right-to-left text, Markdown, long
 * names and numbers. A page fails where it scrolls sideways (the failure names the elements that stick out) or
 * where the browser's console reports an error, or where its tab's title does not name it by its heading.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { createRow } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, uniqueName } from '../support/portal-users.ts';
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

describe('Every page', () => {
	test.each([320, 390, 1366])(
		'At %i px wide, no page scrolls sideways, logs an error or leaves its tab unnamed',
		async (width) => {
			const page = await newPage(browser, { width, height: 800 });
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
			await signInThroughForm(page, contact);
			const wider: string[] = [];
			for (const path of paths) {
				await page.goto(portalUrl(path));
				await page.locator('main h1').first().waitFor();
				// Lists and details arrive after the heading.
				await page.waitForLoadState('networkidle');
				const sticking = await overflowing(page);
				if (sticking.length > 0) wider.push(`${path}: ${sticking.join(', ')}`);
				// The tab names the page by its heading, then the portal.
				const heading = ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
				await page.waitForFunction((expected) => document.title.startsWith(`${expected} · `), heading);
			}
			expect(wider, wider.join('\n')).toEqual([]);
			expect(errors).toEqual([]);
			await page.context().close();
		},
	);

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
