/**
 * The portal app in headless Chromium on a team's own collections: the second help desk (organizations and people
 * keyed by uuid, cases, watchers, messages with a `private` flag; test/support/second-schema/) in a Directus of its
 * own with its data map saved. The flows of portal.test.ts and portal-pages.test.ts that the team's objects take
 * part in — an invitation to a case conversation, what each group sees, deep links, the team page, the profile,
 * visitors, a phone — with the world set up in the portal's names (`mappedApi`) and what the app stored read back
 * in the team's.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailSinkEnv } from '../../scripts/lib/directus-instance.ts';
import { freePort } from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { keepForReadme, launchBrowser, screenshot } from '../support/browser.ts';
import type { Api } from '../support/directus-under-test.ts';
import { type DirectusOfItsOwn, startDirectusOfItsOwn } from '../support/directus-of-its-own.ts';
import { eventually } from '../support/eventually.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';
import { mappedApi } from '../support/mapped-api.ts';
import { uniqueName } from '../support/portal-users.ts';
import { createSecondSchema } from '../support/second-schema/create-second-schema.ts';
import { secondSchemaFacts } from '../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';
import { settleProjectOwner, signInToStudio } from '../support/studio.ts';
import {
	changePassword,
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

interface Person {
	id: string;
	email: string;
	password: string;
}

const domain = `${randomBytes(4).toString('hex')}.onmap.example.com`;
let browser: Browser;
let directus: DirectusOfItsOwn | undefined;
let mail: MailSink | undefined;
let mailFolder: string;
let mailRoot: string;
/** As the admin, in the team's names. */
let stored: Api;
/** As the admin, in the portal's names. */
let portal: Api;
let parent: { id: number; name: string };
let child: { id: number; name: string };
let administrator: Person;
let basic: Person;
let childCase: number;

showLogOnFailure('its own Directus', () => directus?.options.logFile);

const url = () => directus?.running?.url ?? '';
const at = (path = '') => portalUrl(path, url());

async function data<T>(answer: Promise<{ status: number; body: { data?: T } }>, what: string): Promise<T> {
	const { status, body } = await answer;
	if (status >= 300 || body.data === undefined) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body.data;
}

const create = <T = { id: number }>(collection: string, body: Record<string, unknown>) =>
	data<T>(portal('POST', `/items/${collection}`, { body }), `a row of ${collection}`);

async function groupId(name: string): Promise<number> {
	const groups = await data<{ id: number }[]>(
		stored('GET', `/items/portal_groups?filter[name][_eq]=${encodeURIComponent(name)}&fields=id`),
		name,
	);
	return groups[0]?.id as number;
}

/** A person of `customer` with a login in `group`, linked as staff link one. */
async function createPerson(customer: number, group: string, names: Record<string, string>): Promise<Person> {
	const email = `${randomBytes(5).toString('hex')}@${domain}`;
	const password = randomBytes(12).toString('hex');
	const user = await data<{ id: string }>(
		stored('POST', '/users', { body: { email, password, status: 'active' } }),
		'a user',
	);
	const person = await create<{ id: string }>('contacts', {
		customer,
		email,
		user: user.id,
		portal_group: await groupId(group),
		...names,
	});
	return { id: person.id, email, password };
}

/** A page signed in as `who`, at `path`. */
async function signedIn(who: Person, path = '/', viewport?: { width: number; height: number }): Promise<Page> {
	const page = await newPage(browser, viewport);
	await signInThroughForm(page, who, url());
	if (path !== '/') await page.goto(at(path));
	return page;
}

const setSettings = (body: Record<string, unknown>) => stored('PATCH', '/items/portal_settings', { body });

beforeAll(async () => {
	mailRoot = await mkdtemp(join(tmpdir(), 'portal-on-map-mail-'));
	mailFolder = join(mailRoot, 'mail');
	const smtpPort = await freePort();
	mail = await startMailSink(mailFolder, smtpPort);
	directus = await startDirectusOfItsOwn('portal-on-map', (port) => mailSinkEnv(smtpPort, port));
	stored = directus.call;
	const map = secondSchemaMap();
	portal = mappedApi(stored, map);
	await createSecondSchema(stored, secondSchemaFacts('pg', 'uuid'));
	await data(stored('PUT', '/portal/api/studio/data-map', { body: { map } }), 'saving the map');
	browser = await launchBrowser();

	({
		parent,
		child,
		administrator,
		basic,
		childTicket: childCase,
	} = await seedBrowserWorld(
		{ row: create, login: createPerson },
		{
			names: uniqueName,
			domain,
			childEmail: `chloe-${randomBytes(3).toString('hex')}@child.example.com`,
		},
	));
	await create('tickets', {
		customer: parent.id,
		contact: basic.id,
		subject: 'Scanner saves blank pages',
		description: 'Every scan since the update is blank.',
		status: 'pending',
	});
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await directus?.remove();
	await mail?.stop();
	if (mailRoot) await rm(mailRoot, { recursive: true, force: true });
});

describe('From the invitation e-mail to a case conversation', () => {
	test('Accept the invitation, sign in, open a case, reply: the case is the organization’s and the person’s', async () => {
		const email = `ivy-${randomBytes(3).toString('hex')}@${domain}`;
		const person = await create<{ id: string }>('contacts', {
			customer: parent.id,
			first_name: 'Ivy',
			last_name: 'Invitee',
			email,
		});
		expect((await stored('POST', '/portal/api/invitations', { body: { contact: person.id } })).status).toBe(201);
		const link = invitationLink((await waitForMail(mailFolder, email)).text);

		const page = await newPage(browser);
		const failures: string[] = [];
		page.on('pageerror', (error) => failures.push(error.message));
		await page.goto(link);
		await expect.poll(() => page.getByTestId('invited-email').textContent()).toBe(email);
		await page.getByText(`Ivy Invitee, you are invited to the portal for ${parent.name}.`).waitFor();
		await setInvitationPassword(page, 'map-password-1');
		await page.getByRole('heading', { name: 'Welcome, Ivy Invitee' }).waitFor();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.getByText('You are signed out.').waitFor();
		await signInThroughForm(page, { email, password: 'map-password-1' }, url());

		const caseId = await openTicketAndReply(
			page,
			{
				subject: 'Laptop will not charge',
				description: 'The charging light stays off.',
				reply: 'It is the one on desk 4.',
			},
			url(),
		);
		expect(
			await data(stored('GET', `/items/cases/${caseId}?fields=account,opened_by,state,details`), 'the case'),
		).toEqual({ account: parent.id, opened_by: person.id, state: 'new', details: 'The charging light stays off.' });
		const messages = await data<{ author: string; private: boolean }[]>(
			stored('GET', `/items/case_messages?filter[case][_eq]=${caseId}&fields=author,private`),
			'the messages',
		);
		expect(messages).toEqual([{ author: person.id, private: false }]);
		expect(failures).toEqual([]);
		await page.context().close();
	});
});

describe('What each group sees', () => {
	test('A parent-organization Administrator sees a child organization’s case; menu and dashboard offer only what the team has', async () => {
		const page = await signedIn(administrator);
		expect(await menuEntries(page)).toEqual(['Dashboard', 'Tickets', 'Team', 'Profile']);
		await page.getByTestId('card-tickets').getByText(/^\d+$/).waitFor();
		for (const card of ['card-projects', 'card-quotes', 'card-invoices'])
			expect(await page.getByTestId(card).count()).toBe(0);

		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Tickets' }).click();
		await page.getByRole('button', { name: 'Including sub-companies' }).click();
		const row = page.locator(`tr[data-ticket="${childCase}"]`);
		await row.waitFor();
		expect(await row.textContent()).toContain(child.name);
		await screenshot(page, 'second-schema-tickets');
		await keepForReadme(['second-schema-tickets']);
		await page.getByRole('button', { name: 'Mine' }).click();
		await expect.poll(() => page.locator(`tr[data-ticket="${childCase}"]`).count()).toBe(0);

		await page.goto(at('tickets'));
		await page.getByRole('link', { name: 'Parent VPN drops' }).click();
		await page.getByText('We are looking at the VPN logs.').waitFor();
		expect(await page.getByText('Internal: check the firewall.').count()).toBe(0);
		expect(await page.getByTestId('ticket-priority').count()).toBe(0);
		await page.context().close();
	});

	test('A Basic person sees only their own case; deep links to another’s and to pages the team has no collection for say so', async () => {
		const page = await signedIn(basic);
		expect(await menuEntries(page)).toEqual(['Dashboard', 'Tickets', 'Profile']);
		await page.goto(at('tickets'));
		await page.getByRole('link', { name: 'Scanner saves blank pages' }).waitFor();
		expect(await page.getByRole('link', { name: 'Parent VPN drops' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Including sub-companies' }).count()).toBe(0);
		// The team's "waiting on customer" is the portal's pending.
		await page
			.getByRole('row', { name: /Scanner saves blank pages/ })
			.getByText('Waiting on you')
			.waitFor();

		await page.goto(at(`tickets/${childCase}`));
		await page.getByText('This ticket does not exist or you cannot see it.').waitFor();
		for (const path of ['projects', 'quotes', 'devices', 'knowledge-base']) {
			await page.goto(at(path));
			await page.getByTestId('not-available').waitFor();
		}
		await page.context().close();
	});

	test('A No Portal Access person cannot sign in and is told why in words', async () => {
		const blocked = await createPerson(parent.id, 'No Portal Access', { last_name: 'Blocked' });
		const page = await newPage(browser);
		await expectSignInRefused(page, blocked, url());
		await page.context().close();
	});
});

describe('The team and the profile', () => {
	test('An Administrator invites a colleague from the team page, who signs in on a phone', async () => {
		const email = `cora-${randomBytes(3).toString('hex')}@${domain}`;
		const page = await signedIn(administrator, 'team');
		await inviteFromTeamPage(page, { first_name: 'Cora', last_name: 'Colleague', email, access: 'Manager' });
		await page.context().close();
		const people = await data<{ org: number; given_name: string }[]>(
			stored('GET', `/items/people?filter[email][_eq]=${encodeURIComponent(email)}&fields=org,given_name`),
			'the colleague',
		);
		expect(people).toEqual([{ org: parent.id, given_name: 'Cora' }]);

		const link = invitationLink((await waitForMail(mailFolder, email)).text);
		const colleague = await newPage(browser, { width: 390, height: 844 });
		await colleague.goto(link);
		await setInvitationPassword(colleague, 'colleague-password-1');
		await colleague.getByRole('heading', { name: 'Welcome, Cora Colleague' }).waitFor();
		await colleague.goto(at('profile'));
		await expect.poll(() => colleague.getByTestId('profile-group').textContent()).toBe('Manager');
		await colleague.context().close();
	});

	test('An Administrator changes a colleague’s access and suspends their login after confirming', async () => {
		const colleague = await createPerson(parent.id, 'Basic', { first_name: 'Cleo', last_name: 'Colleague' });
		const page = await signedIn(administrator, 'team');
		const row = page.locator(`tr[data-member="${colleague.email}"]`);
		await row.getByLabel('Access for Cleo Colleague').selectOption({ label: 'Manager' });
		await page.getByText('Done.').waitFor();
		const manager = await groupId('Manager');
		await eventually(async () =>
			expect(await data(stored('GET', `/items/people/${colleague.id}?fields=portal_group`), 'the colleague')).toEqual({
				portal_group: manager,
			}),
		);
		await row.getByRole('button', { name: 'Suspend login' }).click();
		const confirm = row.getByRole('alertdialog');
		await confirm.getByRole('button', { name: 'Suspend login' }).click();
		await row.getByText('Suspended').waitFor();
		await eventually(async () =>
			expect(
				(
					await stored('POST', '/auth/login', {
						token: null,
						body: { email: colleague.email, password: colleague.password },
					})
				).status,
			).toBe(401),
		);
		await page.context().close();
	});

	test('A person edits their name and changes their password; a field the team does not keep is not offered', async () => {
		const person = await createPerson(parent.id, 'Basic', { first_name: 'Pat', last_name: 'Profile' });
		const page = await signedIn(person, 'profile');
		expect(await page.getByLabel('Phone').count()).toBe(0);
		await page.getByLabel('First name').fill('Patricia');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByText('Your profile is saved.').waitFor();
		expect(await data(stored('GET', `/items/people/${person.id}?fields=given_name`), 'the person')).toEqual({
			given_name: 'Patricia',
		});
		await changePassword(page, person.password, 'a-new-password-1');
		await page.getByText('Your password is changed.').waitFor();
		const signIn = (password: string) =>
			stored('POST', '/auth/login', { token: null, body: { email: person.email, password } });
		expect((await signIn(person.password)).status).toBe(401);
		expect((await signIn('a-new-password-1')).status).toBe(200);
		await page.context().close();
	});
});

describe('Visitors', () => {
	test('A request without signing in files a case under the team’s organization for unassigned requests', async () => {
		await setSettings({ access_mode: 'public' });
		const subject = uniqueName('Cannot print');
		const page = await newPage(browser);
		await page.goto(at('sign-in'));
		// The team has cases, which take requests, and no knowledge base, which is not offered.
		await page.getByRole('link', { name: 'Submit a request without signing in' }).waitFor();
		expect(await page.getByRole('link', { name: 'Browse the knowledge base' }).count()).toBe(0);
		await page.goto(at('help'));
		await page.getByText('This page is not part of your portal access.', { exact: false }).waitFor();
		await page.goto(at('sign-in'));
		await page.getByRole('link', { name: 'Submit a request without signing in' }).click();
		await page.getByLabel('Your name').fill('Vera Visitor');
		await page.getByLabel('E-mail address').fill(`vera-${randomBytes(3).toString('hex')}@nowhere.example.org`);
		await page.getByLabel('Subject').fill(subject);
		await page.getByLabel('Description').fill('The printer says it is offline.');
		await page.getByRole('button', { name: 'Send request' }).click();
		await page.getByText('Thank you. Your request is received', { exact: false }).waitFor();
		await page.context().close();
		// The request is answered at once and filed after: wait for the case.
		await eventually(async () => {
			const filed = await data<{ state: string; account: number }[]>(
				stored('GET', `/items/cases?filter[title][_eq]=${encodeURIComponent(subject)}&fields=state,account`),
				'the case',
			);
			const unassigned = await data<{ unassigned_customer: number }>(
				stored('GET', '/items/portal_settings?fields=unassigned_customer'),
				'settings',
			);
			expect(filed).toEqual([{ state: 'new', account: unassigned.unassigned_customer }]);
		});
		await setSettings({ access_mode: 'registered_only' });
	});

	test('Self sign-up sends an invitation to an address of an organization’s domain', async () => {
		await setSettings({ self_signup: 'matching_domain' });
		const email = `sam-${randomBytes(3).toString('hex')}@${domain}`;
		const page = await newPage(browser, { width: 390, height: 844 });
		await page.goto(at('sign-in'));
		await page.getByRole('link', { name: 'No login yet? Ask for one' }).click();
		await page.getByLabel('Last name').fill('Signup');
		await page.getByLabel('Work e-mail address').fill(email);
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await page.getByText('Thank you. An e-mail is on its way to that address', { exact: false }).waitFor();
		expect((await waitForMail(mailFolder, email)).text).toMatch(/\/portal\/accept-invitation\?token=/);
		await page.context().close();
		await setSettings({ self_signup: 'off' });
	});
});

describe('Small screens', () => {
	test('On a phone the dashboard, the case list and a case fit the screen', async () => {
		const page = await signedIn(basic, '/', { width: 390, height: 844 });
		const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		expect(await fits()).toBe(true);
		await page.getByRole('button', { name: 'Menu' }).click();
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Tickets' }).click();
		await page.getByRole('link', { name: 'Scanner saves blank pages' }).click();
		await page.getByText('Every scan since the update is blank.').waitFor();
		expect(await fits()).toBe(true);
		await page.context().close();
	});
});

describe('The studio module on the team’s collections', () => {
	test('Staff see the organizations with their logins and an organization’s people; the group editor offers only what the map has', async () => {
		await settleProjectOwner(stored);
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(20_000);
		const failures: string[] = [];
		page.on('response', (response) => {
			if (response.url().includes('/items/') && response.status() >= 400)
				failures.push(`${response.status()} ${response.url()}`);
		});
		await signInToStudio(page, directus?.options.admin as { email: string; password: string }, url());
		const studio = (path: string) => `${url()}/admin/customer-portal${path}`;

		await page.goto(studio('/customers'));
		await page.locator('.customer-search input').fill(parent.name);
		const row = page.locator(`.tree-row[data-customer="${parent.id}"]`);
		await row.waitFor();
		await expect.poll(async () => Number(await row.locator('.count').textContent())).toBeGreaterThanOrEqual(2);
		await row.locator('.customer-link').click();
		await page.locator('.contacts-table').waitFor();
		await page.locator(`.portal-status[data-contact="${administrator.id}"]`, { hasText: 'Active' }).waitFor();
		await page.locator('.contacts-table', { hasText: 'Basil' }).waitFor();
		await screenshot(page, 'second-schema-studio-customer');

		const group = await data<{ id: number }>(
			stored('POST', '/items/portal_groups', {
				body: { name: uniqueName('Map group'), permissions: { 'tickets.view': 'own' } },
			}),
			'a group',
		);
		await page.goto(studio(`/groups/${group.id}`));
		await page.locator('[data-capability="tickets.view"]').waitFor();
		expect(
			await page
				.locator('section[data-area]')
				.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-area'))),
		).toEqual(['tickets', 'account']);
		expect(await page.locator('[data-capability="tickets.view_priority"]').count()).toBe(0);
		expect(failures).toEqual([]);
		await page.close();
	});
});
