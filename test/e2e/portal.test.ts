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
import { menuEntries, newPage, portalUrl, signInThroughForm } from './browser-session.ts';

let browser: Browser;
let parent: { id: number; name: string };
let child: { id: number; name: string };
let administrator: PortalContact;
let basic: PortalContact;
let childTicket: number;

const uniqueEmail = (label: string) => `${label}-${uniqueName('e').split(' ')[1]}@browser.example.com`;
const invitationLink = (text: string) => {
	const match = /(http\S+\/portal\/accept-invitation\?token=[A-Za-z0-9_-]{43})/.exec(text);
	if (!match?.[1]) throw new Error(`No invitation link in:\n${text}`);
	return match[1];
};

beforeAll(async () => {
	browser = await launchBrowser();
	// Its administrators add colleagues at its own e-mail domain.
	parent = await createRow<{ id: number; name: string }>('customers', {
		name: uniqueName('Parent Co'),
		email_domains: ['browser.example.com'],
	});
	child = await createRow<{ id: number; name: string }>('customers', {
		name: uniqueName('Child Co'),
		parent: parent.id,
	});
	administrator = await createPortalContact(parent.id, 'Administrator', { first_name: 'Ada', last_name: 'Admin' });
	basic = await createPortalContact(parent.id, 'Basic', { first_name: 'Basil', last_name: 'Basic' });
	const childContact = await createRow('contacts', {
		customer: child.id,
		first_name: 'Chloe',
		last_name: 'Child',
		email: uniqueEmail('child'),
	});
	childTicket = (
		await createRow('tickets', {
			customer: child.id,
			contact: childContact.id,
			subject: 'Child office printer offline',
			description: 'Since Monday.',
		})
	).id;
	const own = (
		await createRow('tickets', {
			customer: parent.id,
			contact: administrator.id,
			subject: 'Parent VPN drops',
			description: 'Every hour or so.',
			status: 'open',
		})
	).id;
	await createRow('ticket_comments', { ticket: own, body: 'We are looking at the VPN logs.' });
	await createRow('ticket_comments', { ticket: own, body: 'Internal: check the firewall.', is_internal: true });
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
		await page.getByLabel('Choose a password').fill('browser-password-1');
		await page.getByLabel('Repeat the password').fill('browser-password-2');
		await page.getByRole('button', { name: 'Set password and sign in' }).click();
		await expect.poll(() => page.getByText('The two passwords are not the same.').isVisible()).toBe(true);
		expect(await page.getByLabel('Repeat the password').getAttribute('aria-describedby')).toBe('field-confirm-error');
		await page.getByLabel('Repeat the password').fill('browser-password-1');
		await page.getByRole('button', { name: 'Set password and sign in' }).click();
		await page.getByRole('heading', { name: 'Welcome, Ivy Invitee' }).waitFor();

		// Signed out and in again with the new password, through the sign-in page.
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.getByText('You are signed out.').waitFor();
		await screenshot(page, 'portal-sign-in');
		await signInThroughForm(page, { email, password: 'browser-password-1' });

		await page.goto(portalUrl('tickets/new'));
		await page.getByRole('button', { name: 'Create ticket' }).click();
		await expect.poll(() => page.getByText('This field is required.').isVisible()).toBe(true);
		expect(await page.getByLabel('Priority').count()).toBe(0);
		await page.getByLabel('Subject').fill('Laptop will not charge');
		await page.getByLabel('Description').fill('The charging light stays off.');
		await page.getByRole('button', { name: 'Create ticket' }).click();
		await page.getByRole('heading', { name: /Laptop will not charge/ }).waitFor();
		await page.getByLabel('Your reply').fill('It is the one on desk 4.');
		await page.getByRole('button', { name: 'Send reply' }).click();
		await page.getByText('Your reply was added.').waitFor();
		await expect
			.poll(() => page.getByTestId('comment').allTextContents())
			.toEqual([expect.stringContaining('It is the one on desk 4.')]);

		const ticketId = Number(/tickets\/(\d+)/.exec(page.url())?.[1]);
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

		await page.getByRole('button', { name: 'Mine' }).click();
		await expect.poll(() => page.locator(`tr[data-ticket="${childTicket}"]`).count()).toBe(0);

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
		await page.goto(portalUrl('sign-in'));
		await page.getByLabel('E-mail address').fill(blocked.email);
		await page.getByLabel('Password').fill(blocked.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page
			.getByRole('alert')
			.getByText(/No Portal Access/)
			.waitFor();
		expect(page.url()).toContain('/portal/sign-in');
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
		await page.getByLabel('Last name').fill('Colleague');
		await page.getByLabel('First name').fill('Cora');
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Access', { exact: true }).selectOption({ label: 'Manager' });
		await page.getByRole('button', { name: 'Send invitation' }).click();
		await page.getByText(`Invitation sent to ${email}.`).waitFor();
		await page.locator(`tr[data-member="${email}"]`).getByText('Invited').waitFor();
		await screenshot(page, 'portal-team');
		await page.context().close();

		const link = invitationLink((await waitForMail(directusUnderTest().mailFolder, email)).text);
		const colleague = await newPage(browser, { width: 390, height: 844 });
		await colleague.goto(link);
		await colleague.getByLabel('Choose a password').fill('colleague-password-1');
		await colleague.getByLabel('Repeat the password').fill('colleague-password-1');
		await colleague.getByRole('button', { name: 'Set password and sign in' }).click();
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
