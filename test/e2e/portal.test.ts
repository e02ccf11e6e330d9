/**
 * The portal app in headless Chromium against the real Directus: what a contact sees and does, per
 * portal group, from the invitation e-mail to tickets, quotes and delegated administration.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitForMail } from '../../scripts/lib/mail-sink.ts';
import { keepForReadme, launchBrowser, screenshot } from '../support/browser.ts';
import { api, createRow, directusUnderTest, readRow } from '../support/directus-under-test.ts';
import { createPortalContact, groupId, type PortalContact, uniqueName } from '../support/portal-users.ts';
import {
	expectSignInRefused,
	invitationLink,
	inviteFromTeamPage,
	menuEntries,
	newPage,
	openTicketAndReply,
	portalUrl,
	setInvitationPassword,
	signInThroughForm,
} from './browser-session.ts';
import { seedBrowserWorld } from './browser-world.ts';

let browser: Browser;
let parent: { id: number; name: string };
let child: { id: number; name: string };
let administrator: PortalContact;
let basic: PortalContact;
let childTicket: number;

const uniqueEmail = (label: string) => `${label}-${uniqueName('e').split(' ')[1]}@browser.example.com`;

beforeAll(async () => {
	browser = await launchBrowser();
	({ parent, child, administrator, basic, childTicket } = await seedBrowserWorld(
		{ row: createRow, login: (customer, group, names) => createPortalContact(customer, group, names) },
		{ names: uniqueName, domain: 'browser.example.com', childEmail: uniqueEmail('child') },
	));
	await createRow('quotes', { customer: parent.id, title: 'Replace the core switch', total: 3200, status: 'pending' });
	await createRow('invoices', {
		customer: parent.id,
		number: uniqueName('INV').replace(' ', '-'),
		total: 480.5,
		status: 'sent',
	});
	await createRow('projects', { customer: parent.id, name: 'Office move', status: 'active' });
});

afterAll(async () => {
	await browser?.close();
});

describe('From the invitation e-mail to a ticket conversation', () => {
	test('Accept the invitation, sign in, create a ticket, reply and see the reply', async () => {
		const email = uniqueEmail('invitee');
		const contact = await createRow('contacts', {
			customer: parent.id,
			first_name: 'Ivy',
			last_name: 'Invitee',
			email,
		});
		expect((await api('POST', '/portal/api/invitations', { body: { contact: contact.id } })).status).toBe(201);
		const link = invitationLink((await waitForMail(directusUnderTest().mailFolder, email)).text);

		const page = await newPage(browser);
		await page.goto(link);
		await expect.poll(() => page.getByTestId('invited-email').textContent()).toBe(email);
		await expect
			.poll(() => page.getByText(`Ivy Invitee, you are invited to the portal for ${parent.name}.`).isVisible())
			.toBe(true);
		await screenshot(page, 'portal-accept-invitation');
		await setInvitationPassword(page, 'browser-password-1', 'browser-password-2');
		await expect.poll(() => page.getByText('The two passwords are not the same.').isVisible()).toBe(true);
		expect(await page.getByLabel('Repeat the password').getAttribute('aria-describedby')).toBe('field-confirm-error');
		await setInvitationPassword(page, 'browser-password-1');
		await page.getByRole('heading', { name: 'Welcome, Ivy Invitee' }).waitFor();

		// Signed out and in again with the new password, through the sign-in page.
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.getByText('You are signed out.').waitFor();
		await screenshot(page, 'portal-sign-in');
		await signInThroughForm(page, { email, password: 'browser-password-1' });

		const ticketId = await openTicketAndReply(page, {
			subject: 'Laptop will not charge',
			description: 'The charging light stays off.',
			reply: 'It is the one on desk 4.',
		});
		const stored = await readRow<{ customer: number; contact: number }>('tickets', ticketId, ['customer', 'contact']);
		expect(stored).toEqual({ customer: parent.id, contact: contact.id });
		await page.context().close();
	});
});

describe('What each group sees', () => {
	test('A parent-customer Administrator sees a child customer\u2019s ticket; the dashboard shows every card', async () => {
		const page = await newPage(browser);
		await signInThroughForm(page, administrator);
		expect(await menuEntries(page)).toEqual([
			'Dashboard',
			'Tickets',
			'Projects',
			'Devices',
			'Knowledge base',
			'Documentation',
			'Invoices',
			'Quotes',
			'Team',
			'Profile',
		]);
		for (const card of ['card-tickets', 'card-projects', 'card-quotes', 'card-invoices'])
			await page.getByTestId(card).getByText(/^\d+$/).waitFor();
		await screenshot(page, 'portal-dashboard');

		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Tickets' }).click();
		await page.getByRole('button', { name: 'Including sub-companies' }).click();
		const row = page.locator(`tr[data-ticket="${childTicket}"]`);
		await row.waitFor();
		expect(await row.textContent()).toContain(child.name);
		await screenshot(page, 'portal-tickets');

		// How many match is said; the tab, the order and the search live in the address, so a reload keeps them.
		await page
			.getByTestId('ticket-count')
			.getByText(/^\d+ tickets?$/)
			.waitFor();
		await page.getByRole('button', { name: 'Mine' }).click();
		await expect.poll(() => page.locator(`tr[data-ticket="${childTicket}"]`).count()).toBe(0);
		await page.getByTestId('ticket-sort').selectOption('oldest');
		await page.getByRole('searchbox', { name: 'Search tickets' }).fill('VPN');
		await expect.poll(() => new URL(page.url()).search).toBe('?tab=mine&q=VPN&order=oldest');
		await page.reload();
		await page.locator('tr[data-ticket]').first().waitFor();
		expect(await page.getByTestId('ticket-sort').inputValue()).toBe('oldest');
		expect(await page.getByRole('searchbox', { name: 'Search tickets' }).inputValue()).toBe('VPN');
		expect(await page.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true');
		// A link with nonsense in it shows the default list rather than an error.
		// (Not `page` or `sort`: Directus reads those names in every address, its own routes' and the portal's alike.)
		await page.goto(portalUrl('tickets?tab=everyone&status=lost&order=constructor&p=-3'));
		await page
			.getByRole('button', { name: 'Including sub-companies' })
			.and(page.locator('[aria-pressed="true"]'))
			.waitFor();
		expect(await page.getByTestId('ticket-sort').inputValue()).toBe('updated');

		await page.goto(portalUrl('tickets'));
		await page.getByRole('link', { name: 'Parent VPN drops' }).click();
		await page.getByText('We are looking at the VPN logs.').waitFor();
		expect(await page.getByText('Internal: check the firewall.').count()).toBe(0);
		expect(await page.getByTestId('ticket-priority').count()).toBe(1);
		await screenshot(page, 'portal-ticket');
		await page.context().close();
	});

	test('A Basic contact of the same parent does not see it, and a deep link says so', async () => {
		const page = await newPage(browser);
		await signInThroughForm(page, basic);
		expect(await menuEntries(page)).toEqual([
			'Dashboard',
			'Tickets',
			'Devices',
			'Knowledge base',
			'Documentation',
			'Profile',
		]);
		expect(await page.getByTestId('card-quotes').count()).toBe(0);
		await page.goto(portalUrl('tickets'));
		await page.getByText('No tickets match.').waitFor();
		expect(await page.getByRole('button', { name: 'Including sub-companies' }).count()).toBe(0);

		await page.goto(portalUrl(`tickets/${childTicket}`));
		await page.getByText('This ticket does not exist or you cannot see it.').waitFor();

		await page.goto(portalUrl('quotes'));
		await page.getByTestId('not-available').waitFor();
		expect(await page.getByRole('heading', { name: 'Not available' }).isVisible()).toBe(true);
		await screenshot(page, 'portal-not-available');
		await page.context().close();
	});

	test('A No Portal Access contact cannot sign in and is told why in words', async () => {
		const blocked = await createPortalContact(parent.id, 'Basic');
		await api('PATCH', `/items/contacts/${blocked.id}`, { body: { portal_group: await groupId('No Portal Access') } });
		const page = await newPage(browser);
		await expectSignInRefused(page, blocked);
		await screenshot(page, 'portal-sign-in-refused');
		await page.context().close();
	});
});

describe('Quotes and delegated administration', () => {
	test('An Administrator approves a quote after confirming, and Directus records who decided', async () => {
		const quote = (
			await createRow('quotes', {
				customer: parent.id,
				title: uniqueName('Firewall upgrade'),
				total: 1500,
				status: 'pending',
			})
		).id;
		const page = await newPage(browser);
		await signInThroughForm(page, administrator);
		await page.goto(portalUrl('quotes'));
		const card = page.locator(`[data-quote="${quote}"]`);
		await card.getByRole('button', { name: 'Approve' }).click();
		await card.getByRole('alertdialog').waitFor();
		await screenshot(page, 'portal-quote-confirm');
		expect((await readRow<{ status: string }>('quotes', quote, ['status'])).status).toBe('pending');
		await card.getByRole('button', { name: 'Yes, confirm' }).click();
		await page.getByText('Quote approved.').waitFor();
		expect(await card.getByText('Approved').isVisible()).toBe(true);
		expect(await readRow<{ status: string; decided_by: number }>('quotes', quote, ['status', 'decided_by'])).toEqual({
			status: 'approved',
			decided_by: administrator.id,
		});
		await page.context().close();
	});

	test('An Administrator invites a colleague from the team page, who then signs in', async () => {
		const email = uniqueEmail('colleague');
		const page = await newPage(browser);
		await signInThroughForm(page, administrator);
		await page.goto(portalUrl('team'));
		await inviteFromTeamPage(page, { first_name: 'Cora', last_name: 'Colleague', email, access: 'Manager' });
		await screenshot(page, 'portal-team');
		await page.context().close();

		const link = invitationLink((await waitForMail(directusUnderTest().mailFolder, email)).text);
		const colleague = await newPage(browser, { width: 390, height: 844 });
		await colleague.goto(link);
		await setInvitationPassword(colleague, 'colleague-password-1');
		await colleague.getByRole('heading', { name: 'Welcome, Cora Colleague' }).waitFor();
		await colleague.goto(portalUrl('profile'));
		await expect.poll(() => colleague.getByTestId('profile-group').textContent()).toBe('Manager');
		await screenshot(colleague, 'portal-profile-phone');
		await colleague.context().close();
	});
});

afterAll(async () => {
	await keepForReadme(['portal-dashboard', 'portal-ticket']);
});
