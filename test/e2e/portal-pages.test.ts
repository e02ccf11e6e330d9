/**
 * Every page of the portal app in headless Chromium against the real Directus, beyond the flows of
 * portal.test.ts: money, knowledge, projects, devices, profile, team actions, the visitors' pages,
 * "not available" for a deep link, and a phone-sized screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { mailsTo, type ReceivedMail, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { accessibilityViolations } from '../support/accessibility-violations.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import {
	api,
	createRow,
	createRows,
	directDatabase,
	directusUnderTest,
	readRow,
} from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import {
	createPortalContact,
	groupId,
	type PortalContact,
	signIn,
	tokenOf,
	uniqueName,
} from '../support/portal-users.ts';
import { createStudioUser, layoutProblems, settleProjectOwner, signInToStudio } from '../support/studio.ts';
import { changePassword, menuEntries, newPage, portalUrl, signInThroughForm } from './browser-session.ts';

let browser: Browser;
let customer: { id: number; name: string };
let administrator: PortalContact;
let manager: PortalContact;
let basic: PortalContact;
let ticket: number;

const uniqueEmail = (label: string) => `${label}-${uniqueName('e').split(' ')[1]}@pages.example.com`;
const setSettings = (body: Record<string, unknown>) => api('PATCH', '/items/portal_settings', { body });

/** A page signed in as `who`, at `path`. */
async function signedIn(who: PortalContact, path: string, viewport?: { width: number; height: number }): Promise<Page> {
	const page = await newPage(browser, viewport);
	await signInThroughForm(page, who);
	if (path !== '/') await page.goto(portalUrl(path));
	return page;
}

beforeAll(async () => {
	browser = await launchBrowser();
	customer = await createRow<{ id: number; name: string }>('customers', { name: uniqueName('Pages Co') });
	administrator = await createPortalContact(customer.id, 'Administrator', { first_name: 'Ada', last_name: 'Admin' });
	manager = await createPortalContact(customer.id, 'Manager', { first_name: 'Max', last_name: 'Manager' });
	basic = await createPortalContact(customer.id, 'Basic', { first_name: 'Basil', last_name: 'Basic' });
	ticket = (
		await createRow('tickets', {
			customer: customer.id,
			contact: basic.id,
			subject: 'Scanner saves blank pages',
			description: 'Every scan since the update is blank.',
		})
	).id;
	await createRow('ticket_comments', { ticket, body: 'Which scanner model is it?', is_internal: false });
});

afterAll(async () => {
	await setSettings({ access_mode: 'registered_only', self_signup: 'off' });
	await browser?.close();
});

describe('Money', () => {
	test('Invoices: the customer\u2019s invoices with their status in words', async () => {
		const number = uniqueName('INV').replace(' ', '-');
		await createRow('invoices', {
			customer: customer.id,
			number,
			total: 1234.5,
			status: 'sent',
			issued_on: '2025-03-01',
			due_date: '2025-03-31',
		});
		await createRow('invoices', {
			customer: (await createRow('customers', { name: uniqueName('Elsewhere') })).id,
			number: `${number}-X`,
			total: 1,
			status: 'sent',
		});
		const page = await signedIn(manager, 'invoices');
		const row = page.getByRole('row', { name: new RegExp(number) });
		await row.waitFor();
		expect(await row.textContent()).toContain('Unpaid');
		expect(await row.textContent()).toContain('1,234.50');
		expect(await page.getByText(`${number}-X`).count()).toBe(0);
		await screenshot(page, 'portal-invoices');
		await page.context().close();
	});

	test('Quotes: declining asks first, and Directus records the decision', async () => {
		const title = uniqueName('Printer lease');
		const quote = (await createRow('quotes', { customer: customer.id, title, total: 800, status: 'pending' })).id;
		const page = await signedIn(manager, 'quotes');
		const card = page.locator(`[data-quote="${quote}"]`);
		await card.getByRole('button', { name: 'Decline' }).click();
		await card.getByRole('alertdialog').getByText(`Decline “${title}”?`).waitFor();
		await card.getByRole('button', { name: 'Cancel' }).click();
		expect(await card.getByRole('alertdialog').count()).toBe(0);
		await card.getByRole('button', { name: 'Decline' }).click();
		await card.getByRole('button', { name: 'Yes, confirm' }).click();
		await page.getByText('Quote declined.').waitFor();
		expect(await readRow<{ status: string; decided_by: number }>('quotes', quote, ['status', 'decided_by'])).toEqual({
			status: 'declined',
			decided_by: manager.id,
		});
		await screenshot(page, 'portal-quotes');
		await page.context().close();
	});
});

describe('Knowledge base and documentation', () => {
	test('Search finds an article, which opens to its text; an article for another customer stays out', async () => {
		const word = uniqueName('Toner').split(' ')[1] ?? 'toner';
		const [wanted] = await createRows('kb_articles', [
			{
				title: `Changing toner ${word}`,
				body: 'Open the front cover and pull the cartridge out.',
				status: 'published',
				audience: 'all',
			},
			{ title: `Other printers ${word}`, body: 'Not for this search.', status: 'published', audience: 'all' },
		]);
		const other = await createRow('customers', { name: uniqueName('Not yours') });
		const hidden = await createRow('kb_articles', {
			title: `Their toner ${word}`,
			body: 'Only for them.',
			status: 'published',
			audience: 'selected',
		});
		await createRow('kb_article_customers', { article: hidden.id, customer: other.id });
		const page = await signedIn(basic, 'knowledge-base');
		await page.getByRole('searchbox', { name: 'Search' }).fill(`Changing toner ${word}`);
		await expect
			.poll(() => page.locator('main li').allTextContents())
			.toEqual([expect.stringContaining(`Changing toner ${word}`)]);
		await page.getByRole('searchbox', { name: 'Search' }).fill(word);
		await expect.poll(() => page.locator('main li').count()).toBe(2);
		expect(await page.getByText(`Their toner ${word}`).count()).toBe(0);
		await screenshot(page, 'portal-knowledge-base');
		await page.getByRole('link', { name: `Changing toner ${word}` }).click();
		await page.getByRole('heading', { name: `Changing toner ${word}` }).waitFor();
		expect(page.url()).toContain(`/knowledge-base/${wanted?.id}`);
		await page.getByText('Open the front cover and pull the cartridge out.').waitFor();

		await page.goto(portalUrl(`knowledge-base/${hidden.id}`));
		await page.getByText('This page does not exist or is not published for you.').waitFor();
		await page.context().close();
	});

	test('Documentation lists the customer\u2019s documents and opens one', async () => {
		const title = uniqueName('Backup policy');
		const document = await createRow('documents', {
			title,
			body: 'Nightly backups, kept for 30 days.',
			status: 'published',
			audience: 'selected',
		});
		await createRow('document_customers', { document: document.id, customer: customer.id });
		const page = await signedIn(basic, 'documentation');
		await page.getByRole('link', { name: title }).click();
		await page.getByText('Nightly backups, kept for 30 days.').waitFor();
		await screenshot(page, 'portal-document');
		await page.context().close();
	});
});

describe('One search', () => {
	test('A word finds a ticket and an article, grouped; a result opens; another customer\u2019s contact finds no ticket of theirs', async () => {
		const word = `Fuser${(uniqueName('w').split(' ')[1] ?? '').replace(/\W/g, '')}`;
		const found = await createRow<{ id: number }>('tickets', {
			customer: customer.id,
			contact: basic.id,
			subject: `${word} squeaks when warm`,
			description: 'It starts after ten minutes.',
		});
		await createRow('kb_articles', {
			title: `Replacing the ${word}`,
			body: 'Let it cool down first.',
			status: 'published',
			audience: 'all',
		});
		const page = await signedIn(basic, '/');
		await page.getByRole('search').getByRole('searchbox', { name: 'Find tickets, articles and documents' }).fill(word);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: `Results for “${word}”` }).waitFor();
		expect(new URL(page.url()).searchParams.get('q')).toBe(word);
		const tickets = page.locator('[data-search-group="tickets"]');
		const articles = page.locator('[data-search-group="kb_articles"]');
		await tickets.getByTestId('search-count').getByText('1 result').waitFor();
		await articles.getByTestId('search-count').getByText('1 result').waitFor();
		expect(await articles.getByRole('link', { name: `Replacing the ${word}` }).count()).toBe(1);
		expect(await tickets.getByRole('link', { name: 'See all in Tickets' }).getAttribute('href')).toBe(
			`/portal/tickets?q=${word}`,
		);
		await screenshot(page, 'portal-search');
		await tickets.getByRole('link', { name: `#${found.id} ${word} squeaks when warm` }).click();
		await page.getByRole('heading', { level: 1, name: `${word} squeaks when warm` }).waitFor();
		expect(page.url()).toContain(`/tickets/${found.id}`);

		// "See all" keeps the search in the knowledge base's list.
		await page.goBack();
		await articles.getByRole('link', { name: 'See all in Knowledge base' }).click();
		await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
		expect(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).toBe(word);
		await page.getByRole('link', { name: `Replacing the ${word}` }).waitFor();
		await page.context().close();

		// The search asks Directus with the contact's own rights, as the lists do: nothing crosses to another customer.
		const stranger = await createPortalContact(
			(await createRow<{ id: number }>('customers', { name: uniqueName('Stranger Co') })).id,
			'Administrator',
		);
		const theirs = await signedIn(stranger, `search?q=${word}`);
		await theirs
			.locator('[data-search-group="kb_articles"]')
			.getByTestId('search-count')
			.getByText('1 result')
			.waitFor();
		const theirTickets = theirs.locator('[data-search-group="tickets"]');
		await theirTickets.getByTestId('search-count').getByText('0 results').waitFor();
		expect(await theirTickets.getByRole('link').count()).toBe(0);
		expect(await theirs.getByText(`${word} squeaks when warm`).count()).toBe(0);
		await theirs.context().close();
	});

	test('While a subject is typed, articles that may help appear and open in a new tab, keeping the form', async () => {
		const word = `Duplex${(uniqueName('w').split(' ')[1] ?? '').replace(/\W/g, '')}`;
		const article = await createRow<{ id: number }>('kb_articles', {
			title: `Turning ${word} printing off`,
			body: 'Choose one-sided in the print dialog.',
			status: 'published',
			audience: 'all',
		});
		// An article of the same word published for another customer only is never suggested.
		const theirs = await createRow<{ id: number }>('kb_articles', {
			title: `Their ${word} settings`,
			body: 'Only for them.',
			status: 'published',
			audience: 'selected',
		});
		await createRow('kb_article_customers', {
			article: theirs.id,
			customer: (await createRow<{ id: number }>('customers', { name: uniqueName('Not yours') })).id,
		});
		const page = await signedIn(basic, 'tickets/new');
		await page.getByLabel('Subject').pressSequentially(`My ${word} pages come out blank`);
		const suggestions = page.getByTestId('suggested-articles');
		await suggestions.getByRole('heading', { name: 'Articles that may help' }).waitFor();
		expect(await suggestions.getByRole('link').allTextContents()).toEqual([
			`Turning ${word} printing off (opens in a new tab)`,
		]);
		const link = suggestions.getByRole('link', { name: `Turning ${word} printing off` });
		expect(await link.getAttribute('target')).toBe('_blank');
		const [opened] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
		await opened.getByRole('heading', { level: 1, name: `Turning ${word} printing off` }).waitFor();
		expect(opened.url()).toContain(`/knowledge-base/${article.id}`);
		expect(await page.getByLabel('Subject').inputValue()).toBe(`My ${word} pages come out blank`);
		await page.context().close();
	});
});

describe('Projects', () => {
	test('The list, and a project page with a tab for each granted part; a note added from the portal', async () => {
		const name = uniqueName('Network refresh');
		const project = (
			await createRow('projects', {
				customer: customer.id,
				name,
				status: 'active',
				start_date: '2025-01-06',
				estimated_hours: 80,
			})
		).id;
		await createRow('project_tasks', { project, name: 'Replace the access points', status: 'in_progress', sort: 1 });
		await createRow('project_notes', { project, body: 'Work happens after 6 pm.', is_internal: false });
		await createRow('project_notes', { project, body: 'Internal: the budget is tight.', is_internal: true });
		await createRow('project_issues', { project, title: 'Cabinet key missing' });
		const page = await signedIn(manager, 'projects');
		await page.getByRole('link', { name }).click();
		await page.getByRole('heading', { name }).waitFor();
		expect(await page.getByRole('tab').allTextContents()).toEqual([
			'Overview',
			'Schedule',
			'Notes',
			'Issues',
			'Charges',
			'Calendar',
			'Attachments',
		]);
		await screenshot(page, 'portal-project');

		await page.getByRole('tab', { name: 'Schedule' }).click();
		await page.getByText('Replace the access points').waitFor();
		await page.getByRole('tab', { name: 'Issues' }).click();
		await page.getByText('Cabinet key missing').waitFor();
		await page.getByRole('tab', { name: 'Notes' }).click();
		await page.getByText('Work happens after 6 pm.').waitFor();
		expect(await page.getByText('Internal: the budget is tight.').count()).toBe(0);
		await page.getByLabel('Note').fill('Please call before you come.');
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await page.getByRole('cell', { name: 'Please call before you come.' }).waitFor();
		const notes = await api<{ author_contact: number; is_internal: boolean }[]>(
			'GET',
			`/items/project_notes?filter[project][_eq]=${project}&filter[body][_eq]=${encodeURIComponent('Please call before you come.')}&fields=author_contact,is_internal`,
		);
		expect(notes.body.data).toEqual([{ author_contact: manager.id, is_internal: false }]);
		await page.getByRole('tab', { name: 'Charges' }).click();
		await page.getByText('Nothing here yet.').waitFor();
		await page.context().close();
	});
});

describe('Devices', () => {
	test('An Administrator opens a device from the list and edits it; protected fields never show', async () => {
		const location = await createRow('locations', { customer: customer.id, name: 'Warehouse' });
		const device = (
			await createRow('devices', {
				customer: customer.id,
				name: uniqueName('scanner'),
				type: 'printer',
				serial: 'SN-77',
				manufacturer: 'Canon',
				admin_password: 'never-shown-123',
			})
		).id;
		const page = await signedIn(administrator, 'devices');
		await page.locator(`tr[data-device="${device}"]`).getByRole('link').click();
		await page.getByTestId('device-details').getByText('Canon').waitFor();
		expect(await page.getByTestId('device-details').textContent()).toContain('Printer');
		expect(await page.content()).not.toContain('never-shown-123');
		expect(await page.getByRole('form', { name: 'Edit this device' }).count()).toBe(1);
		await screenshot(page, 'portal-device');

		await page.getByLabel('Name').fill('Scanner, first floor');
		await page.getByLabel('Location').selectOption({ label: 'Warehouse' });
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('The device is saved.').waitFor();
		await page.getByRole('heading', { name: 'Scanner, first floor' }).waitFor();
		expect(await readRow<{ name: string; location: number }>('devices', device, ['name', 'location'])).toEqual({
			name: 'Scanner, first floor',
			location: location.id,
		});

		await page.getByLabel('Name').fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('This field is required.').waitFor();
		expect(await page.getByLabel('Name').getAttribute('aria-describedby')).toBe('field-name-error');
		await page.context().close();
	});

	test('A Manager sees the same device page without an edit form', async () => {
		const device = (await createRow('devices', { customer: customer.id, name: uniqueName('router'), type: 'network' }))
			.id;
		const page = await signedIn(manager, `devices/${device}`);
		await page.getByTestId('device-details').getByText('Network').waitFor();
		expect(await page.getByRole('form', { name: 'Edit this device' }).count()).toBe(0);
		await page.context().close();
	});
});

describe('Profile', () => {
	test('A contact edits their name and changes their password, after a wrong current one is refused', async () => {
		const contact = await createPortalContact(customer.id, 'Basic', { first_name: 'Pat', last_name: 'Profile' });
		const page = await signedIn(contact, 'profile');
		await page.getByLabel('First name').fill('Patricia');
		await page.getByLabel('Phone').fill('+44 20 7946 0000');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByText('Your profile is saved.').waitFor();
		expect(
			await readRow<{ first_name: string; phone: string }>('contacts', contact.id, ['first_name', 'phone']),
		).toEqual({ first_name: 'Patricia', phone: '+44 20 7946 0000' });
		await screenshot(page, 'portal-profile');

		await changePassword(page, 'not-my-password', 'a-new-password-1');
		await page.getByText('That is not your current password.').waitFor();
		expect(await page.getByLabel('Current password').getAttribute('aria-describedby')).toBe(
			'field-current_password-error',
		);
		await page.getByLabel('Current password').fill(contact.password);
		await page.getByRole('button', { name: 'Change password' }).click();
		await page.getByText('Your password is changed.').waitFor();
		expect((await signIn(contact)).status).toBe(401);
		expect((await signIn({ email: contact.email, password: 'a-new-password-1' })).status).toBe(200);

		// The password mail carries the account kind's unsubscribe link: it opens, signed in or not, and asks first.
		const mail = await waitForMail(directusUnderTest().mailFolder, contact.email);
		const unsubscribe = /http\S+\/portal\/unsubscribe\?token=\S+/.exec(mail.text)?.[0] ?? '';
		expect(unsubscribe).not.toBe('');
		const visitor = await newPage(browser);
		await visitor.goto(unsubscribe);
		await visitor.getByTestId('unsubscribe-question').waitFor();
		await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
		await visitor.getByText('Done: no more e-mails of this kind').waitFor();
		await visitor.context().close();

		// The profile shows the choice, and turns it back on (signed in again: the new password ended the session).
		await page.context().close();
		const renewed = { ...contact, password: 'a-new-password-1' };
		const profile = await signedIn(renewed, 'profile');
		const account = profile.getByLabel('Changes to your login (password changed, login suspended)');
		await account.waitFor();
		expect(await account.isChecked()).toBe(false);
		expect(await profile.getByLabel('Replies from the service team on tickets you follow').isChecked()).toBe(true);
		await account.check();
		await profile.getByText('Your choice is saved.').waitFor();
		expect((await api('GET', '/portal/api/me/notifications', { token: await tokenOf(renewed) })).body.data).toEqual({
			replies: true,
			status: true,
			added: true,
			account: true,
		});
		await profile.context().close();
	});
});

describe('Ticket attachments', () => {
	test('A contact attaches a file from the ticket page and downloads it; a refused type is explained', async () => {
		const page = await signedIn(basic, `tickets/${ticket}`);
		await page.getByText('Images, PDF, text, CSV, ZIP or office documents, up to 10.0 MB.').waitFor();
		await page
			.getByLabel('Attach a file')
			.setInputFiles({ name: 'script.sh', mimeType: 'application/x-sh', buffer: Buffer.from('#!/bin/sh') });
		await page.getByRole('button', { name: 'Upload' }).click();
		await page.getByText('Files of this type cannot be attached.', { exact: false }).waitFor();

		await page
			.getByLabel('Attach a file')
			.setInputFiles({ name: 'scan-log.txt', mimeType: 'text/plain', buffer: Buffer.from('scanner log line 1') });
		await page.getByRole('button', { name: 'Upload' }).click();
		await page.getByText('scan-log.txt is attached.').waitFor();
		const link = page.getByTestId('attachment').getByRole('link', { name: 'scan-log.txt' });
		await link.waitFor();
		const download = await page.request.get(`${directusUnderTest().url}${await link.getAttribute('href')}`);
		expect(download.status()).toBe(200);
		expect(await download.text()).toBe('scanner log line 1');
		await screenshot(page, 'portal-ticket-attachments');
		await page.context().close();
	});

	test('A Manager adds a colleague to a ticket; the colleague then has it among their own', async () => {
		const subject = uniqueName('Projector flickers');
		const own = (await createRow('tickets', { customer: customer.id, contact: manager.id, subject })).id;
		const page = await signedIn(manager, `tickets/${own}`);
		const adding = page.getByLabel('Add a colleague');
		await adding.waitFor();
		// The requester is on it already, so is not offered.
		expect(await adding.locator('option').allTextContents()).not.toContain('Max Manager');
		await adding.selectOption({ label: 'Basil Basic' });
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await page.getByText('Basil Basic is now on this ticket.').waitFor();
		await page.locator('.people li', { hasText: 'Basil Basic' }).waitFor();
		expect(await adding.locator('option').allTextContents()).not.toContain('Basil Basic');
		await page.context().close();

		const colleague = await signedIn(basic, `tickets/${own}`);
		await colleague.getByRole('heading', { name: subject }).waitFor();
		// Basic's group adds no one.
		expect(await colleague.getByLabel('Add a colleague').count()).toBe(0);
		// The list counts each ticket once, however many follow it (Directus's plain count counts it once per follower).
		await colleague.goto(portalUrl('tickets'));
		await colleague.locator('tr[data-ticket]').first().waitFor();
		const listed = await colleague.locator('tr[data-ticket]').count();
		await colleague.getByTestId('ticket-count').getByText(`${listed} tickets`, { exact: true }).waitFor();
		await colleague.context().close();
	});

	test('A contact attaches files while writing a new ticket, dropped or chosen; a refused one is said before anything is sent', async () => {
		const page = await signedIn(basic, 'tickets/new');
		const subject = uniqueName('Scanner jams');
		await page.getByLabel('Subject').fill(subject);
		await page.getByLabel('Attachments').setInputFiles([
			{
				name: 'jam-photo.png',
				mimeType: 'image/png',
				// A 1 × 1 image.
				buffer: Buffer.from(
					'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
					'base64',
				),
			},
			{ name: 'fix.sh', mimeType: 'application/x-sh', buffer: Buffer.from('#!/bin/sh') },
		]);
		// The image shows as a thumbnail drawn from the file itself before anything is sent.
		const thumbnail = page.getByTestId('chosen-files').locator('li', { hasText: 'jam-photo.png' }).locator('img');
		await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
		expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
		// Dropped onto the form, as from a file manager.
		const dropped = await page.evaluateHandle(() => {
			const transfer = new DataTransfer();
			transfer.items.add(new File(['scanner log line 2'], 'scanner-log.txt', { type: 'text/plain' }));
			return transfer;
		});
		await page.locator('form.form').dispatchEvent('drop', { dataTransfer: dropped });
		const chosen = page.getByTestId('chosen-files');
		await chosen.getByText('scanner-log.txt').waitFor();
		await chosen.getByText('Files of this type cannot be attached.', { exact: false }).waitFor();
		await page.getByRole('button', { name: 'Create ticket' }).click();
		await page.getByText('Remove the files that cannot be attached first.').waitFor();
		const none = await api<{ id: number }[]>(
			'GET',
			`/items/tickets?filter[subject][_eq]=${encodeURIComponent(subject)}&fields=id`,
		);
		expect(none.body.data).toEqual([]);

		await page.getByRole('button', { name: 'Remove fix.sh' }).click();
		await page.getByRole('button', { name: 'Create ticket' }).click();
		await page.waitForURL(/\/tickets\/\d+$/);
		for (const name of ['jam-photo.png', 'scanner-log.txt'])
			await page.getByTestId('attachment').getByRole('link', { name }).waitFor();
		// On the ticket, Directus scales the image to a thumbnail, read with the contact's own session.
		const attached = page.getByTestId('attachment').filter({ hasText: 'jam-photo.png' }).locator('img');
		await expect.poll(() => attached.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
		expect(await attached.getAttribute('src')).toMatch(/^\/assets\/[\w-]+\?width=128&height=128&fit=cover$/);
		await page.context().close();
	});
});

describe('The conversation by e-mail', () => {
	test('Staff reply in the studio; the contact gets it by e-mail and answers by e-mail; the answer shows on the portal’s ticket page and in the studio, and notifies staff', async () => {
		const subject = uniqueName('Monitor flickers');
		const conversation = (await createRow('tickets', { customer: customer.id, contact: basic.id, subject })).id;
		// Staff answer on the studio's conversation page: a note for staff first, then a reply to the customer.
		await settleProjectOwner();
		const studio = await newPage(browser, { width: 1440, height: 900 });
		const agent = await createStudioUser();
		await api('PATCH', `/users/${agent.id}`, { body: { first_name: 'Sam', last_name: 'Support' } });
		await signInToStudio(studio, agent);
		// The Conversations list opens on the unsolved tickets, counted; the new ticket is among them.
		await studio.goto(`${directusUnderTest().url}/admin/customer-portal/tickets`);
		await eventually(async () =>
			expect(await studio.locator('.ticket-view input').inputValue({ timeout: 2_000 })).toMatch(/^Unsolved \(\d+\)$/),
		);
		await studio.locator('.tickets-table tr', { hasText: subject }).waitFor();
		// From the ticket's item page in Directus's content module, its button opens the conversation.
		await studio.goto(`${directusUnderTest().url}/admin/content/tickets/${conversation}`);
		await studio.locator('.portal-conversation-link a, .portal-conversation-link button').click();
		await studio.waitForURL(`**/admin/customer-portal/tickets/${conversation}`);
		await studio.locator('.draft textarea').fill('Their monitor is under warranty until May.');
		await studio.locator('.add-note').click();
		await studio.locator('.sent', { hasText: 'Internal note added' }).waitFor();
		await studio.locator('.entry.internal', { hasText: 'under warranty' }).waitFor();
		// Sam chooses the name customers see on his replies.
		await studio.locator('[data-testid="staff-shown-as"]', { hasText: 'Shown to customers as Sam Support' }).waitFor();
		await studio.locator('.change-shown-as').click();
		await studio.locator('.shown-as-input input').fill('agent@helpdesk.example.com');
		await studio.locator('.save-shown-as').click();
		await studio.locator('.shown-as-error', { hasText: 'cannot be an e-mail address' }).waitFor();
		await studio.locator('.shown-as-input input').fill('  Sam from Support ');
		await studio.locator('.save-shown-as').click();
		await studio.locator('.shown-name', { hasText: 'Sam from Support' }).waitFor();
		await studio.locator('.draft textarea').fill('Does it flicker on battery too?');
		// With a file, which the customer can open once the reply is sent; a program is refused in words.
		await studio.locator('[data-testid="reply-files"]').setInputFiles([
			{ name: 'steps.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 steps') },
			{ name: 'fix.sh', mimeType: 'application/x-sh', buffer: Buffer.from('#!/bin/sh') },
		]);
		await studio.locator('.chosen-file', { hasText: 'steps.pdf' }).waitFor();
		await studio.locator('.file-refused', { hasText: 'fix.sh was not attached' }).waitFor();
		// The reply waits on the customer in the same step.
		await studio.locator('.next-status .v-select').click();
		await studio.locator('.v-menu-content .v-list-item', { hasText: 'Waiting on the customer' }).click();
		await studio.locator('.send-reply').click();
		await studio.locator('.entry.public.by-staff', { hasText: 'Does it flicker on battery too?' }).waitFor();
		await studio.locator('.sent', { hasText: 'The ticket is now “Waiting on the customer”' }).waitFor();
		await studio.locator('[data-testid="ticket-status"]', { hasText: 'Waiting on the customer' }).waitFor();
		await studio.locator('.ticket-file.shown', { hasText: 'steps.pdf' }).waitFor();
		const mail = await eventually(
			async () => {
				const found = (await mailsTo(directusUnderTest().mailFolder, basic.email)).find(
					(received) => received.subject.startsWith(`[#${conversation}]`) && received.text.includes('Does it flicker'),
				);
				expect(found).toBeDefined();
				return found as ReceivedMail;
			},
			{ timeoutMs: 30_000 },
		);
		expect(mail.text).not.toContain('under warranty');
		// One mail for the reply and the state it set, naming its author as he chose, and its file.
		expect(mail.text).toContain('Sam from Support replied to');
		expect(mail.text).toContain('it is waiting on you');
		expect(mail.text).toContain('Attached on the ticket: steps.pdf');
		expect(
			(await mailsTo(directusUnderTest().mailFolder, basic.email)).filter((received) =>
				received.subject.startsWith(`[#${conversation}]`),
			),
		).toHaveLength(1);
		const headers = (await readFile(join(directusUnderTest().mailFolder, mail.file), 'utf8'))
			.split(/\r?\n\r?\n/)[0]
			?.replace(/\r?\n[ \t]+/g, ' ');
		const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers ?? '')?.[1]?.trim() ?? '';
		// The contact answers from their mail client, which quotes the mail below their words.
		await createTransport({
			host: '127.0.0.1',
			port: directusUnderTest().inbound.smtpPort,
			secure: false,
			ignoreTLS: true,
		}).sendMail({
			from: `Basil Basic <${basic.email}>`,
			to: header('Reply-To'),
			subject: `Re: ${mail.subject}`,
			inReplyTo: header('Message-ID'),
			references: header('Message-ID'),
			text: `Only when plugged in.\n\nOn Fri, 4 Dec 2026, Service desk wrote:\n${mail.text
				.split('\n')
				.map((line) => `> ${line}`)
				.join('\n')}`,
		});
		const page = await signedIn(basic, `tickets/${conversation}`);
		await eventually(
			async () => {
				await page.reload();
				await page.getByText('Only when plugged in.', { exact: true }).waitFor({ timeout: 2_000 });
			},
			{ timeoutMs: 30_000 },
		);
		expect(await page.getByText('On Fri, 4 Dec 2026').count()).toBe(0);
		expect(await page.getByText('under warranty').count()).toBe(0);
		// Staff are named as they chose (else as the settings say), not as "Service team"; the reply's file is there.
		await page
			.locator('[data-testid="comment"]', { hasText: 'Does it flicker' })
			.getByText('Sam from Support')
			.waitFor();
		await page.locator('[data-testid="attachment"]', { hasText: 'steps.pdf' }).waitFor();
		await screenshot(page, 'portal-ticket-reply-by-mail');
		await page.context().close();
		// In the studio: the contact's answer in the thread; seen as contacts see it, the note is gone.
		await studio.reload();
		await studio.locator('.entry.by-contact', { hasText: 'Only when plugged in.' }).waitFor();
		await screenshot(studio, 'studio-conversation');
		await studio.locator('.as-contact').click();
		await studio.locator('.entry.internal').waitFor({ state: 'detached' });
		expect(await studio.locator('.entry').count()).toBe(2);
		await studio.context().close();
		const told = await api<{ subject: string }[]>(
			'GET',
			`/notifications?filter[item][_eq]=${conversation}&filter[collection][_eq]=tickets&fields=subject`,
		);
		expect(told.body.data?.map((notice) => notice.subject)).toContain(
			`Basil Basic (${customer.name}) replied to the ticket: ${subject}`,
		);
	});
});

describe('Satisfaction ratings', () => {
	test('The requester rates a resolved ticket from the mail’s link on a phone, sending it themselves; staff see it on the Ratings page and the conversation', async () => {
		const subject = uniqueName('Docking station');
		const resolved = (
			await createRow('tickets', { customer: customer.id, contact: basic.id, subject, status: 'resolved' })
		).id;
		const stored = async () =>
			(
				await api<{ rating: string; comment: string | null }[]>(
					'GET',
					`/items/portal_ticket_ratings?filter[ticket_key][_eq]=${resolved}&fields=rating,comment`,
				)
			).body.data ?? [];
		// The mail's "Bad" link opens the ticket with Bad chosen, and rates nothing by itself.
		const page = await signedIn(basic, `tickets/${resolved}?rate=bad`, { width: 390, height: 844 });
		const block = page.locator('[data-testid="ticket-rating"]');
		await block.getByRole('heading', { name: 'How did we do?' }).waitFor();
		expect(await block.getByRole('radio', { name: 'Bad' }).isChecked()).toBe(true);
		expect(await stored()).toEqual([]);
		expect(await accessibilityViolations(page)).toEqual([]);
		// They change their mind, say why and send it.
		await block.getByRole('radio', { name: 'Good' }).check();
		await block.getByLabel('Comment (optional)').fill('Sorted out within a day.');
		await block.getByRole('button', { name: 'Send rating' }).click();
		await block.getByText('Thank you: your rating was saved.').waitFor();
		await block.locator('[data-testid="rating-given"]', { hasText: 'You rated this ticket: Good.' }).waitFor();
		expect(await stored()).toEqual([{ rating: 'good', comment: 'Sorted out within a day.' }]);
		// The block fits a phone: nothing wider than the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await screenshot(page, 'portal-ticket-rating');
		await page.context().close();

		await settleProjectOwner();
		const studio = await newPage(browser, { width: 1366, height: 900 });
		await signInToStudio(studio, await createStudioUser());
		await studio.goto(`${directusUnderTest().url}/admin/customer-portal/ratings`);
		const row = studio.locator('.ratings-table tr', { hasText: subject });
		await row.waitFor();
		await row.getByText('Sorted out within a day.').waitFor();
		await row.getByText('Basil Basic').waitFor();
		await studio.locator('.rating-period[data-days="30"]').waitFor();
		// Every column in sight at 1366 px with Directus's sidebar open, the filter named for screen readers.
		await expect
			.poll(async () => layoutProblems(studio), { timeout: 15_000 })
			.toEqual({ unlabelled: [], overflowing: [] });
		await screenshot(studio, 'studio-ratings');
		await row.locator('.rating-ticket').click();
		await studio.waitForURL(`**/admin/customer-portal/tickets/${resolved}`);
		await studio.locator('[data-testid="ticket-rating"]', { hasText: 'Rated good' }).waitFor();
		await studio.context().close();
	});
});

describe('Team actions', () => {
	test('An Administrator changes a colleague\u2019s access, suspends their login after confirming, and withdraws an invitation', async () => {
		const colleague = await createPortalContact(customer.id, 'Basic', { first_name: 'Cleo', last_name: 'Colleague' });
		const inviteeEmail = uniqueEmail('invitee');
		const invitee = await createRow('contacts', {
			customer: customer.id,
			first_name: 'Ian',
			last_name: 'Invitee',
			email: inviteeEmail,
		});
		expect((await api('POST', '/portal/api/invitations', { body: { contact: invitee.id } })).status).toBe(201);
		const page = await signedIn(administrator, 'team');

		const row = page.locator(`tr[data-member="${colleague.email}"]`);
		await row.getByLabel('Access for Cleo Colleague').selectOption({ label: 'Manager' });
		await page.getByText('Done.').waitFor();
		await eventually(async () =>
			expect((await readRow<{ portal_group: number }>('contacts', colleague.id, ['portal_group'])).portal_group).toBe(
				await groupId('Manager'),
			),
		);

		await row.getByRole('button', { name: 'Suspend login' }).click();
		const confirm = row.getByRole('alertdialog');
		await confirm.getByText("Suspend Cleo Colleague's login?", { exact: false }).waitFor();
		await confirm.getByRole('button', { name: 'Suspend login' }).click();
		await row.getByText('Suspended').waitFor();
		await eventually(async () => expect((await signIn(colleague)).status).toBe(401));

		const invited = page.locator(`tr[data-member="${inviteeEmail}"]`);
		await invited.getByText('Invited').waitFor();
		await invited.getByRole('button', { name: 'Withdraw invitation' }).click();
		await invited.getByText('No login').waitFor();
		await screenshot(page, 'portal-team-actions');
		await page.context().close();
	});
});

describe('Visitors', () => {
	test('The public knowledge base: only in public mode, only articles meant for everyone', async () => {
		const word = uniqueName('Wifi').split(' ')[1] ?? 'wifi';
		const open = await createRow('kb_articles', {
			title: `Guest wifi ${word}`,
			body: 'The guest network is called Visitors.',
			status: 'published',
			audience: 'all',
		});
		await createRow('kb_articles', {
			title: `Staff wifi ${word}`,
			body: 'For customers only.',
			status: 'published',
			audience: 'selected',
		});
		await createRow('kb_articles', { title: `Draft wifi ${word}`, body: 'Not yet.', status: 'draft', audience: 'all' });

		await setSettings({ access_mode: 'registered_only' });
		const page = await newPage(browser);
		await page.goto(portalUrl('help'));
		await page.getByText('This page is not part of your portal access.', { exact: false }).waitFor();

		await setSettings({ access_mode: 'public' });
		await page.goto(portalUrl('sign-in'));
		await page.getByRole('link', { name: 'Browse the knowledge base' }).click();
		await page.getByRole('searchbox', { name: 'Search' }).fill(word);
		await page.getByRole('link', { name: `Guest wifi ${word}` }).waitFor();
		await expect.poll(() => page.locator('main li').count()).toBe(1);
		await screenshot(page, 'portal-public-knowledge-base');
		await page.getByRole('link', { name: `Guest wifi ${word}` }).click();
		await page.getByText('The guest network is called Visitors.').waitFor();
		expect(page.url()).toContain(`/portal/help/${open.id}`);
		await page.context().close();
	});

	test('Submitting a request without signing in files a ticket and answers the same to anyone', async () => {
		await setSettings({ access_mode: 'public' });
		const subject = uniqueName('Cannot print');
		const page = await newPage(browser);
		await page.goto(portalUrl('sign-in'));
		await page.getByRole('link', { name: 'Submit a request without signing in' }).click();
		await page.getByRole('button', { name: 'Send request' }).click();
		await page.getByText('This field is required.').first().waitFor();
		expect(await page.getByLabel('Your name').getAttribute('aria-describedby')).toBe('field-name-error');
		await page.getByLabel('Your name').fill('Vera Visitor');
		await page.getByLabel('E-mail address').fill(uniqueEmail('visitor'));
		await page.getByLabel('Subject').fill(subject);
		await page.getByLabel('Description').fill('The printer says it is offline.');
		await page.getByRole('button', { name: 'Send request' }).click();
		await page.getByText('Thank you. Your request is received', { exact: false }).waitFor();
		await screenshot(page, 'portal-public-request');
		// The request is filed after the answer, which is the same whether or not it could be filed.
		await eventually(async () => {
			const filed = await api<{ id: number }[]>(
				'GET',
				`/items/tickets?filter[subject][_eq]=${encodeURIComponent(subject)}&fields=id`,
			);
			expect(filed.body.data).toHaveLength(1);
		});
		await page.context().close();
	});

	test('Self sign-up sends an invitation to an address of a customer\u2019s domain', async () => {
		const domain = `${uniqueName('d').split(' ')[1]}.signup.example.com`;
		await createRow('customers', { name: uniqueName('Signup Co'), email_domains: [domain] });
		await setSettings({ self_signup: 'matching_domain' });
		const email = `sam@${domain}`;
		const page = await newPage(browser, { width: 390, height: 844 });
		await page.goto(portalUrl('sign-in'));
		await page.getByRole('link', { name: 'No login yet? Ask for one' }).click();
		await page.getByLabel('Last name').fill('Signup');
		await page.getByLabel('Work e-mail address').fill(email);
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await page.getByText('Thank you. An e-mail is on its way to that address', { exact: false }).waitFor();
		await screenshot(page, 'portal-sign-up-phone');
		expect((await waitForMail(directusUnderTest().mailFolder, email)).text).toMatch(
			/\/portal\/accept-invitation\?token=/,
		);
		await page.context().close();
	});
});

describe('Deep links and small screens', () => {
	test('A deep link to a page the group does not open shows "not available", and the server refuses it too', async () => {
		const project = (
			await createRow('projects', { customer: customer.id, name: uniqueName('Hidden project'), status: 'active' })
		).id;
		const page = await signedIn(basic, `projects/${project}`);
		await page.getByTestId('not-available').waitFor();
		expect(await page.getByRole('heading', { name: 'Not available' }).isVisible()).toBe(true);
		await page.goto(portalUrl('invoices'));
		await page.getByTestId('not-available').waitFor();
		await page.getByRole('link', { name: 'Go to the dashboard' }).click();
		await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
		const status = await page.evaluate(
			async (id) => (await fetch(`/items/projects/${id}`, { credentials: 'include' })).status,
			project,
		);
		expect(status).toBe(403);
		await page.context().close();
	});

	test('On a phone the menu folds behind a button and the dashboard and ticket page fit the screen', async () => {
		const page = await signedIn(basic, '/', { width: 390, height: 844 });
		const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		const menu = page.getByRole('navigation', { name: 'Main menu' });
		expect(await menu.isVisible()).toBe(false);
		expect(await fits()).toBe(true);
		await screenshot(page, 'portal-dashboard-phone');
		await page.getByRole('button', { name: 'Menu' }).click();
		expect(await menuEntries(page)).toEqual([
			'Dashboard',
			'Tickets',
			'Devices',
			'Knowledge base',
			'Documentation',
			'Profile',
		]);
		await menu.getByRole('link', { name: 'Tickets' }).click();
		await page.getByRole('link', { name: 'Scanner saves blank pages' }).click();
		await page.getByText('Which scanner model is it?').waitFor();
		expect(await menu.isVisible()).toBe(false);
		expect(await fits()).toBe(true);
		await page.getByLabel('Your reply').fill('It is the one by the door.');
		await page.getByRole('button', { name: 'Send reply' }).click();
		await page.getByText('Your reply was added.').waitFor();
		await screenshot(page, 'portal-ticket-phone');
		await page.context().close();
	});
});

describe('Sessions that end while the contact works', () => {
	const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Main menu' });
	/** Signed out on the server, as a password change, an expiry or signing out in another browser leaves it. */
	async function endSessions(user: string): Promise<void> {
		const db = directDatabase();
		try {
			expect(await db('directus_sessions').where('user', user).delete()).toBeGreaterThan(0);
		} finally {
			await db.destroy();
		}
	}

	test('A session ended elsewhere is noticed at the next click: sign-in says why, then takes the contact where they were going', async () => {
		const contact = await createPortalContact(customer.id, 'Manager', { first_name: 'Sofia', last_name: 'Session' });
		const page = await signedIn(contact, '/tickets');
		await page.getByRole('heading', { name: 'Tickets' }).waitFor();
		await endSessions(contact.userId);
		// The page's script is not loaded yet: Directus refuses it with the ended session's cookie.
		await mainMenu(page).getByRole('link', { name: 'Knowledge base' }).click();
		await page.getByText('Your session has ended. Sign in again to go on where you were.').waitFor();
		expect(new URL(page.url()).searchParams.get('redirect')).toBe('/knowledge-base');
		await page.getByLabel('E-mail address').fill(contact.email);
		await page.getByLabel('Password').fill(contact.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
		expect(new URL(page.url()).pathname).toBe('/portal/knowledge-base');

		// Again, to a page whose script is loaded: its request for the tickets is what Directus refuses.
		await endSessions(contact.userId);
		await mainMenu(page).getByRole('link', { name: 'Tickets' }).click();
		await page.getByText('Your session has ended. Sign in again to go on where you were.').waitFor();
		expect(new URL(page.url()).searchParams.get('redirect')).toBe('/tickets');
		await page.context().close();
	});

	test('“Stay signed in” left off, the session ends when the browser closes, refreshed or not; ticked, it outlives the browser', async () => {
		const contact = await createPortalContact(customer.id, 'Basic', { first_name: 'Bea', last_name: 'Browser' });
		const sessionCookie = async (page: Page) =>
			(await page.context().cookies()).find((cookie) => cookie.name === 'directus_session_token');
		/** A browser closed and opened again: the cookies without an expiry are gone. */
		async function reopened(page: Page): Promise<Page> {
			const lasting = (await page.context().cookies()).filter((cookie) => cookie.expires !== -1);
			await page.context().close();
			const next = await newPage(browser);
			await next.context().addCookies(lasting);
			await next.goto(portalUrl('tickets'));
			return next;
		}

		const page = await newPage(browser);
		await page.goto(portalUrl('sign-in'));
		expect(await page.getByLabel('Stay signed in').isChecked()).toBe(false);
		await signInThroughForm(page, contact);
		expect((await sessionCookie(page))?.expires).toBe(-1);
		// The app refreshes its session as it goes; the refreshed cookie still ends with the browser.
		expect(
			await page.evaluate(async () => {
				const response = await fetch('/auth/refresh', {
					method: 'POST',
					credentials: 'include',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ mode: 'session' }),
				});
				return response.status;
			}),
		).toBe(200);
		expect((await sessionCookie(page))?.expires).toBe(-1);
		const afterClosing = await reopened(page);
		await afterClosing.getByRole('heading', { name: 'Sign in' }).waitFor();
		expect(new URL(afterClosing.url()).searchParams.get('redirect')).toBe('/tickets');

		await afterClosing.getByLabel('E-mail address').fill(contact.email);
		await afterClosing.getByLabel('Password').fill(contact.password);
		await afterClosing.getByLabel('Stay signed in').check();
		await afterClosing.getByRole('button', { name: 'Sign in' }).click();
		await afterClosing.getByRole('heading', { name: 'Tickets' }).waitFor();
		// Directus's SESSION_COOKIE_TTL, a day by default.
		expect((await sessionCookie(afterClosing))?.expires).toBeGreaterThan(Date.now() / 1000 + 3600);
		const stillSignedIn = await reopened(afterClosing);
		await stillSignedIn.getByRole('heading', { name: 'Tickets' }).waitFor();
		await stillSignedIn.context().close();
	});

	test('A login suspended in Directus’s User Directory is noticed when the contact comes back to the tab, and stays out', async () => {
		const contact = await createPortalContact(customer.id, 'Basic', { first_name: 'Sven', last_name: 'Suspended' });
		const page = await signedIn(contact, `/tickets`);
		await page.getByRole('heading', { name: 'Tickets' }).waitFor();
		expect((await api('PATCH', `/users/${contact.userId}`, { body: { status: 'suspended' } })).status).toBe(200);
		// The contact comes back to the tab, and clicks nothing.
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		await page.getByText('Your session has ended. Sign in again to go on where you were.').waitFor();
		expect(new URL(page.url()).searchParams.get('redirect')).toBe('/tickets');
		expect(await mainMenu(page).count()).toBe(0);
		await page.getByLabel('E-mail address').fill(contact.email);
		await page.getByLabel('Password').fill(contact.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('alert').waitFor();
		expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
		await page.context().close();
	});
});
