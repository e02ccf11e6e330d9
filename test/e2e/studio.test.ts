/**
 * The studio module in headless Chromium against the real studio: staff copy a group (unsaved until saved), change it, give
 * it to a contact and invite another from the customer page; an admin checks a data map; portal staff are
 * not offered the admins' pages, and a studio user without the Portal staff policy neither sees the module
 * nor gets anything from the API calls behind it; a staff member whose Directus language is German reads every
 * page of the module in German.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { keepForReadme, launchBrowser, screenshot } from '../support/browser.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, groupId, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';
import { createStudioUser, layoutProblems, settleProjectOwner, signInToStudio } from '../support/studio.ts';
import { englishOnly, untranslated } from '../support/untranslated-texts.ts';
import { de } from '../../extensions/module/customer-portal/i18n/de.ts';
import { en } from '../../extensions/module/customer-portal/i18n/en.ts';

let browser: Browser;
const studio = (path: string) => `${directusUnderTest().url}/admin/customer-portal${path}`;

/** A screenshot of the whole page, also for the README: the studio scrolls inside its own pane, so grow the window to fit. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
	const viewport = page.viewportSize();
	const height = await page.evaluate(() =>
		Math.max(
			0,
			...Array.from(
				document.querySelectorAll('main, #main-content, .private-view *'),
				(element) => element.scrollHeight,
			),
		),
	);
	await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 80, 900), 3000) });
	await page.evaluate(() =>
		document.querySelectorAll('main, #main-content, .private-view *').forEach((element) => element.scrollTo(0, 0)),
	);
	await page.waitForTimeout(300);
	await screenshot(page, name);
	if (viewport) await page.setViewportSize(viewport);
	await keepForReadme([name]);
}

/** Every input of the page has a label and every table fits, at the 1366 px of `newPage` with Directus's sidebar open. */
async function expectUsableAt1366(page: Page): Promise<void> {
	// Asked until the page settles: Directus opens its sidebar and fills tables after the first paint.
	await expect
		.poll(async () => ({ page: new URL(page.url()).pathname, ...(await layoutProblems(page)) }), { timeout: 15_000 })
		.toEqual({ page: new URL(page.url()).pathname, unlabelled: [], overflowing: [] });
}

/** A common laptop's window, in which Directus keeps its sidebar open. */
async function newPage(): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
	page.setDefaultTimeout(20_000);
	return page;
}

beforeAll(async () => {
	await settleProjectOwner();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('The studio module', () => {
	test('Is added to the module bar at start-up', async () => {
		const settings = await api<{ module_bar: { id: string; enabled: boolean }[] | null }>(
			'GET',
			'/settings?fields=module_bar',
		);
		expect(settings.body.data?.module_bar?.find((entry) => entry.id === 'customer-portal')).toMatchObject({
			enabled: true,
		});
	});

	test('An admin copies Basic, changes two capabilities, gives the group to a contact and views the portal as them', async () => {
		const customer = await createRow<{ id: number; name: string }>('customers', { name: uniqueName('Studio client') });
		const contact = await createPortalContact(customer.id, 'Basic');
		const invoiceNumber = uniqueName('INV');
		const invoice = (await createRow('invoices', { customer: customer.id, number: invoiceNumber, total: 120 })).id;
		const before = await tokenOf(contact);
		expect((await api('GET', '/items/invoices', { token: before })).status).toBe(403);

		const page = await newPage();
		await signInToStudio(page, await createStudioUser());
		await page.locator('.module-bar a[href$="/customer-portal"]').click();
		await page.locator('.groups-table').waitFor();
		await page.locator('.group-name', { hasText: /^Basic$/ }).waitFor();
		await screenshot(page, 'studio-groups');
		await expectUsableAt1366(page);

		// System groups are read-only, with a notice.
		await page.locator('.group-name', { hasText: /^Basic$/ }).click();
		await page.locator('.system-notice').waitFor();
		expect(await page.locator('.save-group').count()).toBe(0);

		// "Make copy" opens an unsaved copy: nothing is stored, and leaving it asks first, until it is saved.
		const basic = await groupId('Basic');
		await page.locator('.make-copy').click();
		await page.waitForURL(
			(url) => url.pathname.endsWith('/customer-portal/groups/new') && url.searchParams.get('from') === String(basic),
		);
		const nameInput = page.locator('.group-name-input input');
		await expect.poll(() => nameInput.inputValue()).toMatch(/^Copy of Basic/);
		await expectUsableAt1366(page);
		const name = uniqueName('Studio group');
		await nameInput.fill(name);
		await page.locator('.nav-customer-portal-customers').click();
		await page.locator('.unsaved-changes-dialog').waitFor();
		await page.locator('.keep-editing').click();
		await page.locator('.unsaved-changes-dialog').waitFor({ state: 'hidden' });
		expect(new URL(page.url()).pathname).toMatch(/\/groups\/new$/);
		await expect.poll(() => nameInput.inputValue()).toBe(name);

		// Project options are disabled until the group sees projects.
		const notes = page.locator('[data-capability="projects.notes"] .v-checkbox');
		await expect.poll(() => notes.isDisabled()).toBe(true);
		await page
			.locator('[data-capability="projects.view"] .v-radio', { hasText: "All of their customer's projects" })
			.click();
		await expect.poll(() => notes.isDisabled()).toBe(false);
		await page.locator('[data-capability="invoices.view"] .v-checkbox').click();
		expect((await api<unknown[]>('GET', `/items/portal_groups?filter[name][_eq]=${name}&fields=id`)).body.data).toEqual(
			[],
		);
		await page.locator('.save-group').click();
		await page.locator('.saved-notice').waitFor();
		await page.waitForURL((url) => /\/customer-portal\/groups\/\d+$/.test(url.pathname));
		const copiedId = Number(/groups\/(\d+)$/.exec(page.url())?.[1]);
		expect(copiedId).not.toBe(basic);
		await fullScreenshot(page, 'studio-group-editor');

		const saved = await api<{ name: string; is_system: boolean; permissions: Record<string, unknown> }>(
			'GET',
			`/items/portal_groups/${copiedId}?fields=name,is_system,permissions`,
		);
		expect(saved.body.data).toMatchObject({ name, is_system: false });
		expect(saved.body.data?.permissions).toMatchObject({
			'projects.view': 'customer',
			'invoices.view': true,
			'tickets.view': 'own',
			'kb.view': true,
			'projects.notes': false,
		});

		// Give it to the contact from the customer page.
		await page.goto(studio('/customers'));
		await page.locator('.customer-search input').fill(customer.name);
		await page.locator('.customer-link', { hasText: customer.name }).click();
		await page.locator('.contacts-table').waitFor();
		await page.locator(`.actions[data-contact="${contact.id}"]`).waitFor();
		const row = page.locator('tr', { has: page.locator(`.actions[data-contact="${contact.id}"]`) });
		await row.locator('.group-select').click();
		await page.locator('.v-menu-content .v-list-item', { hasText: name }).click();
		await page.locator('.action-message', { hasText: 'Group of' }).waitFor();

		expect(
			(await api<{ portal_group: number }>('GET', `/items/contacts/${contact.id}?fields=portal_group`)).body.data
				?.portal_group,
		).toBe(copiedId);
		const after = await tokenOf(contact);
		await eventually(async () => {
			const invoices = await api<{ id: number }[]>('GET', '/items/invoices?fields=id', { token: after });
			expect(invoices.body.data).toEqual([{ id: invoice }]);
		});

		// View as: the portal as the contact sees it now — Invoices in the menu — in a new tab, read-only.
		const [portal] = await Promise.all([
			page.context().waitForEvent('page'),
			page.locator(`.actions[data-contact="${contact.id}"] .view-as`).click(),
		]);
		portal.setDefaultTimeout(20_000);
		await portal.locator('.view-as-banner').waitFor();
		expect(portal.url()).not.toContain('view-as=');
		await portal.locator('nav.menu a[data-page="invoices"]').click();
		await portal.locator('main', { hasText: invoiceNumber }).waitFor();
		await fullScreenshot(portal, 'studio-view-as');
		// Write controls are disabled up front, not refused after the form was filled in (the server refuses too).
		await portal.goto(`${directusUnderTest().url}/portal/tickets/new`);
		await portal.locator('.view-as-banner').waitFor();
		await portal.locator('input[name="subject"]').waitFor();
		expect(await portal.locator('input[name="subject"]').isDisabled()).toBe(true);
		expect(await portal.locator('main button[type="submit"]').isDisabled()).toBe(true);
		expect(
			(await api<unknown[]>('GET', `/items/tickets?filter[customer][_eq]=${customer.id}&fields=id`)).body.data,
		).toEqual([]);
		// Ending View as closes the tab the studio opened; the staff member's studio session goes on. The tab can
		// close before the click has finished (Playwright then rejects the click): the close is what is checked.
		await Promise.all([
			portal.waitForEvent('close'),
			portal
				.locator('.end-view-as')
				.click()
				.catch(() => undefined),
		]);
		await page.reload();
		await page.locator('.contacts-table').waitFor();
		const audit = await api<{ actor_user: string; target_id: string }[]>(
			'GET',
			`/items/portal_audit?filter[action][_eq]=view_as.started&filter[target_id][_eq]=${contact.id}&fields=actor_user,target_id`,
		);
		expect(audit.body.data).toHaveLength(1);

		// A group in use cannot be deleted: the server's words, with the count, are shown.
		await page.goto(studio('/groups'));
		const groupRow = page.locator('tr', { has: page.locator('.group-name', { hasText: name }) });
		await groupRow.locator('.delete-group').click();
		const [refusal] = await Promise.all([
			page.waitForResponse(
				(response) =>
					response.request().method() === 'DELETE' && response.url().includes(`/items/portal_groups/${copiedId}`),
				{ timeout: 60_000 },
			),
			page.locator('.confirm-delete').click(),
		]);
		expect(refusal.status()).toBe(409);
		// Polled, so that a failure shows the words the page did show (CI once waited 20 s for them in vain and could
		// not tell why); the refusal may take longer than the default wait on a busy machine.
		const actionError = page.locator('.action-error');
		await expect
			.poll(async () => ((await actionError.count()) > 0 ? actionError.innerText() : '(no error shown)'), {
				timeout: 60_000,
			})
			.toContain('1 contact uses it');
		expect((await api('GET', `/items/portal_groups/${copiedId}`)).status).toBe(200);
		await page.close();
	});

	test('An admin invites a contact from the customer page; the contact accepts from the e-mail', async () => {
		const customer = await createRow<{ id: number; name: string }>('customers', { name: uniqueName('Invite client') });
		const email = `${uniqueName('studio-invitee').replace(' ', '-')}@client.example.com`;
		const contact = (await createRow('contacts', { customer: customer.id, first_name: 'Stu', last_name: 'Dio', email }))
			.id;
		await createPortalContact(customer.id, 'Manager');

		const page = await newPage();
		await signInToStudio(page, await createStudioUser());
		await page.goto(studio(`/customers/${customer.id}`));
		await page.locator(`.actions[data-contact="${contact}"] .enable-login`).click();
		await page
			.locator(`.portal-status[data-contact="${contact}"]`, { hasText: 'Invited until' })
			.waitFor()
			.catch(async (error: unknown) => {
				await screenshot(page, 'studio-customer-failed');
				throw error;
			});
		await page.locator('.customer-details').waitFor();
		await fullScreenshot(page, 'studio-customer');
		await expectUsableAt1366(page);

		const mail = await waitForMail(directusUnderTest().mailFolder, email);
		const token = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
		expect(token).toBeDefined();
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'studio-invitee-password' },
				})
			).status,
		).toBe(200);
		expect((await signIn({ email, password: 'studio-invitee-password' })).status).toBe(200);

		await page.reload();
		await page.locator(`.portal-status[data-contact="${contact}"]`, { hasText: 'Active' }).waitFor();
		await page.locator(`.actions[data-contact="${contact}"] .suspend`).click();
		await page.locator(`.portal-status[data-contact="${contact}"]`, { hasText: 'Suspended' }).waitFor();
		expect(
			(await api<{ login_suspended: boolean }>('GET', `/items/contacts/${contact}?fields=login_suspended`)).body.data
				?.login_suspended,
		).toBe(true);
		// The contact is told of the suspension, and of nothing else: the invitation, the welcome, and that.
		expect((await waitForMail(directusUnderTest().mailFolder, email, { count: 3 })).subject).toMatch(/was suspended$/);
		expect((await mailsTo(directusUnderTest().mailFolder, email)).length).toBe(3);

		await page.goto(studio('/settings'));
		await page.locator('.portal-url', { hasText: '/portal/' }).waitFor();
		await expectUsableAt1366(page);
		await screenshot(page, 'studio-settings');
		// A light accent: the page says what the portal does to keep text readable, before anything is saved.
		await page.locator('#accent-color input, input#accent-color').fill('#FFD400');
		await page.getByTestId('accent-note').getByText('darker shade (#856e00)', { exact: false }).waitFor();
		expect(await page.getByTestId('accent-note').textContent()).toContain('buttons get dark labels');
		await page.locator('#accent-color input, input#accent-color').fill('#0A58CA');
		await page.getByTestId('accent-note').waitFor({ state: 'detached' });
		await page.locator('#accent-color input, input#accent-color').fill('');
		await page.goto(studio('/audit'));
		await page.locator('.audit-table').waitFor();
		await page
			.locator('.audit-action[data-action="invitation.accepted"]', { hasText: 'Accepted an invitation' })
			.first()
			.waitFor();
		await page.locator('.filter-action').click();
		await page.locator('.v-menu-content .v-list-item', { hasText: 'Sent an invitation' }).click();
		await page.locator('.filter-contact input').fill('nobody-matches');
		await page.locator('.audit-table', { hasText: 'No items' }).waitFor();
		// The invitation was sent by staff: the contact filter finds it as an entry about the contact, named.
		await page.locator('.filter-contact input').fill(email);
		await page
			.locator('.audit-target', { hasText: `Contact Stu Dio (${email})` })
			.first()
			.waitFor();
		await expectUsableAt1366(page);
		const rows = page.locator('.audit-table tbody tr');
		await expect.poll(() => rows.count()).toBe(1);
		expect(await rows.locator('.audit-action').getAttribute('data-action')).toBe('invitation.sent');
		await screenshot(page, 'studio-audit');

		// The outbox shows both mails to the contact as sent, and offers to send one again.
		await page.goto(studio('/outbox'));
		const sentToContact = page.locator('.outbox-table tbody tr', { hasText: email });
		await sentToContact.filter({ hasText: 'Your invitation to' }).locator('.outbox-status-sent').waitFor();
		await sentToContact.filter({ hasText: 'Welcome to' }).locator('.outbox-status-sent').waitFor();
		await expectUsableAt1366(page);
		await page.locator('.filter-status').click();
		await page.locator('.v-menu-content .v-list-item', { hasText: 'Failed' }).click();
		await page.locator('.outbox-table', { hasText: 'No items' }).waitFor();
		await page.locator('.filter-status').click();
		await page.locator('.v-menu-content .v-list-item', { hasText: 'Sent' }).click();
		await sentToContact.filter({ hasText: 'Welcome to' }).locator('.outbox-resend').click();
		await page.locator('.resend-message', { hasText: `on its way again` }).waitFor();
		await waitForMail(directusUnderTest().mailFolder, email, { count: 4 });
		await screenshot(page, 'studio-outbox');

		// The inbox shows what became of a mail to the service desk: a stranger's, refused in words.
		const stranger = `stranger.${Date.now()}@elsewhere.example`;
		const handed = await fetch(`${directusUnderTest().url}/portal/api/inbound/mime`, {
			method: 'POST',
			headers: { 'X-Inbound-Token': directusUnderTest().inbound.token, 'Content-Type': 'message/rfc822' },
			body: [`From: ${stranger}`, 'To: support@example.com', 'Subject: Quote please', '', 'Hello'].join('\r\n'),
		});
		expect(handed.status).toBe(200);
		await page.goto(studio('/inbox'));
		await page
			.locator('.inbox-table tbody tr', { hasText: stranger })
			.locator('.inbox-status-refused', { hasText: 'registered contacts only' })
			.waitFor();
		await expectUsableAt1366(page);
		await page.goto(studio('/tickets'));
		await page.locator('.tickets-table').waitFor();
		await expectUsableAt1366(page);
		await screenshot(page, 'studio-inbox');
		await page.close();
	});

	test('The View as page finds a contact with a login and opens the portal as them', async () => {
		const customer = await createRow<{ id: number; name: string }>('customers', { name: uniqueName('Viewed client') });
		const contact = await createPortalContact(customer.id, 'Manager', {
			first_name: 'Vera',
			last_name: uniqueName('Viewed'),
		});
		const page = await newPage();
		await signInToStudio(page, await createStudioUser());
		await page.goto(studio('/view-as'));
		await page.locator('.contact-search input').fill(contact.email);
		await page.locator(`.view-as[data-contact="${contact.id}"]`).waitFor();
		await expectUsableAt1366(page);
		await fullScreenshot(page, 'studio-view-as-page');
		const [portal] = await Promise.all([
			page.context().waitForEvent('page'),
			page.locator(`.view-as[data-contact="${contact.id}"]`).click(),
		]);
		await portal.locator('.view-as-banner', { hasText: 'Vera' }).waitFor({ timeout: 20_000 });
		await portal.locator('nav.menu a[data-page="tickets"]').waitFor();
		// Signing out is not offered: ending View as leaves the staff member's own session alone.
		expect(await portal.locator('.account button', { hasText: 'Sign out' }).count()).toBe(0);
		await portal.close();
		await page.reload();
		await page.locator('.contact-search').waitFor();
		await page.close();
	});

	test('An admin checks a data map: a path that misses customers is named, the bundled one previews', async () => {
		const page = await newPage();
		await signInToStudio(page, await createStudioUser());
		await page.goto(studio('/groups'));
		await page.locator('.nav-customer-portal-data-map').click();
		await page.locator('.map-fits').waitFor();
		expect(await page.locator('.runs-on').innerText()).toContain('bundled help-desk collections');

		// A ticket's customer path that leads to a contact instead: the check names the role and says where it ends.
		const customerPath = page.locator('[data-role="tickets.customer"] input');
		expect(await customerPath.inputValue()).toBe('customer');
		await customerPath.fill('contact');
		await page.locator('.check-map').click();
		await page
			.locator('[data-role="tickets.customer"] .role-problems', { hasText: 'ends at contacts, not at customers' })
			.waitFor();
		// Customers' list of tickets goes through that role: it no longer fits either, and says so.
		await page.locator('.check-problems [data-place="tickets.customer"]', { hasText: 'contact' }).waitFor();
		await page.locator('[data-role="customers.tickets"] .role-problems').waitFor();
		await fullScreenshot(page, 'studio-data-map');

		await customerPath.fill('customer');
		await page.locator('.changed-since-check').waitFor();
		await page.locator('.check-map').click();
		await page.locator('.check-fits', { hasText: 'Administrator' }).waitFor();
		await expectUsableAt1366(page);
		await page.locator('.preview-row[data-collection="tickets"][data-action="read"]').first().waitFor();
		expect(await page.locator('[data-role="tickets.customer"] .role-problems').count()).toBe(0);
		// A narrow window, kept with the screenshots to see how the page reads there.
		await page.setViewportSize({ width: 720, height: 900 });
		await page.locator('[data-object="customers"]').scrollIntoViewIfNeeded();
		await screenshot(page, 'studio-data-map-narrow');
		await page.close();
	});

	test('A staff user with the Portal staff policy sees the module and may use it', async () => {
		const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
		const roleName = uniqueName('Help desk');
		const role = await api<{ id: string }>('POST', '/roles', { body: { name: roleName } });
		await api('POST', '/access', { body: { role: role.body.data?.id, policy: settings.body.data?.staff_policy } });
		const user = await createStudioUser(role.body.data?.id);
		const page = await newPage();
		await signInToStudio(page, user);
		await page.locator('.module-bar a[href$="/customer-portal"]').click();
		await page.locator('.group-name', { hasText: /^Manager$/ }).waitFor();
		// The pages only Directus admins can use are not offered.
		await page.locator('.nav-customer-portal-groups').waitFor();
		expect(await page.locator('.nav-customer-portal-data-map, .nav-customer-portal-uninstall').count()).toBe(0);
		// The settings they may change: how staff are named to contacts, and which staff group hears of contacts.
		await page.locator('.nav-customer-portal-settings').click();
		await page.locator('.staff-names').getByText('First name and initial (Ana R.)').click();
		await page.locator('.notify-role').click();
		await page.locator('.v-menu-content .v-list-item', { hasText: roleName }).click();
		await page.locator('.save-settings').click();
		await page.getByText('Settings saved.').waitFor();
		const saved = await api<{ staff_names: string; notify_role: string }>(
			'GET',
			'/items/portal_settings?fields=staff_names,notify_role',
		);
		expect(saved.body.data).toEqual({ staff_names: 'first_name_initial', notify_role: role.body.data?.id });
		await api('PATCH', '/items/portal_settings', { body: { staff_names: 'full_name', notify_role: null } });
		await page.close();
		const token = (await signIn(user)).token;
		expect((await api('GET', '/items/portal_groups', { token })).status).toBe(200);
		expect((await api('GET', '/portal/api/studio/data-map', { token })).status).toBe(403);
	});

	test('A staff member whose Directus language is German reads every page of the module in German', async () => {
		const english = englishOnly(en, de);
		const customer = await createRow<{ id: number }>('customers', { name: uniqueName('Kunde') });
		const lastName = uniqueName('Gruber');
		const contact = await createPortalContact(customer.id, 'Manager', { first_name: 'Jörg', last_name: lastName });
		const subject = uniqueName('Drucker');
		const ticket = await createRow<{ id: number }>('tickets', { customer: customer.id, subject });
		const user = await createStudioUser();
		const set = await api('PATCH', `/users/${user.id}`, { body: { language: 'de-DE' } });
		expect(set.status).toBe(200);
		const page = await newPage();
		await signInToStudio(page, user);
		const left: string[] = [];
		/** Waits for the page headed `title` to settle, then notes any English of the module's catalogue it shows. */
		async function check(title: string | RegExp): Promise<void> {
			await page.locator('h1', { hasText: title }).first().waitFor();
			// Read once nothing loads any more (the page's spinners and the tables' loading bars are gone).
			await expect
				.poll(() => page.locator('#main-content').locator('.v-progress-circular, .v-progress-linear').count(), {
					message: `${title} still loading`,
					timeout: 15_000,
				})
				.toBe(0);
			const found = await untranslated(page, english);
			if (found.length > 0) left.push(`${new URL(page.url()).pathname}: ${found.join(', ')}`);
		}
		// Through the module bar and the module's own navigation, as staff move around (the studio loads once).
		await page.locator('.module-bar a[href$="/customer-portal"]').click();
		await check('Portalgruppen');
		await page.locator('.group-name', { hasText: /^Basic$/ }).click();
		await check('Basic');
		for (const [section, title] of [
			['customers', 'Kunden'],
			['settings', 'Portaleinstellungen'],
			['audit', 'Portalprotokoll'],
			['outbox', 'Portal-Postausgang'],
			['inbox', 'Portal-Posteingang'],
			['data-map', 'Datenzuordnung'],
			['uninstall', 'Deinstallieren'],
			['ratings', 'Zufriedenheitsbewertungen'],
		] as const) {
			await page.locator(`.nav-customer-portal-${section}`).click();
			await check(title);
		}
		// View as, narrowed to this walk's contact: other flows' contacts have names of their own.
		await page.locator('.nav-customer-portal-view-as').click();
		await page.locator('.contact-search input').fill(lastName);
		await expect.poll(() => page.locator('.viewable-contacts .view-as').count(), { timeout: 15_000 }).toBe(1);
		await page.locator(`.view-as[data-contact="${contact.id}"]`).waitFor();
		await check('Ansehen als');
		await page.locator('.nav-customer-portal-tickets').click();
		await check('Unterhaltungen');
		await page.locator('.ticket-search input').fill(subject);
		await page.locator('.ticket-search input').press('Enter');
		await page.locator('.tickets-table tr', { hasText: subject }).click();
		await check(`#${ticket.id}`);
		await page.locator('.nav-customer-portal-customers').click();
		await page.locator('.customer-search input').fill('Kunde');
		await page.locator(`.tree-row[data-customer="${customer.id}"] .customer-link`).click();
		await check(/^Kunde /);
		expect(left, `Left in English:\n${left.join('\n')}`).toEqual([]);
		await page.close();
	});

	test('A studio user without the Portal staff policy does not see the module and is refused by the server', async () => {
		const policy = await api<{ id: string }>('POST', '/policies', {
			body: { name: uniqueName('Agents'), app_access: true, admin_access: false },
		});
		for (const collection of ['customers', 'contacts'])
			await api('POST', '/permissions', {
				body: { policy: policy.body.data?.id, collection, action: 'read', fields: ['*'] },
			});
		const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Agent') } });
		await api('POST', '/access', { body: { role: role.body.data?.id, policy: policy.body.data?.id } });
		const user = await createStudioUser(role.body.data?.id);

		const page = await newPage();
		await signInToStudio(page, user);
		await page.locator('.module-bar a[href$="/content"]').waitFor();
		expect(await page.locator('.module-bar a[href$="/customer-portal"]').count()).toBe(0);
		await screenshot(page, 'studio-non-staff');
		await page.close();

		const token = (await signIn(user)).token;
		const settingsBefore = (await api<{ self_signup: string }>('GET', '/items/portal_settings?fields=self_signup')).body
			.data?.self_signup;
		const basic = await groupId('Basic');
		const custom = (await createRow('portal_groups', { name: uniqueName('Custom'), permissions: { 'kb.view': true } }))
			.id;
		const customer = (await createRow('customers', { name: uniqueName('Refused') })).id;
		const contact = (
			await createRow('contacts', {
				customer,
				last_name: 'Nobody',
				email: `${uniqueName('nobody').replace(' ', '-')}@client.example.com`,
			})
		).id;
		const calls: [string, string, unknown?][] = [
			['GET', '/items/portal_groups'],
			['POST', '/items/portal_groups', { name: uniqueName('Sneaky'), permissions: {} }],
			['PATCH', `/items/portal_groups/${custom}`, { permissions: { 'kb.view': true, 'invoices.view': true } }],
			['DELETE', `/items/portal_groups/${custom}`],
			['GET', '/items/portal_settings'],
			['PATCH', '/items/portal_settings', { self_signup: 'matching_domain' }],
			['GET', '/items/portal_audit'],
			['GET', '/items/portal_invitations'],
			['GET', '/items/portal_outbox'],
			['GET', '/portal/api/outbox'],
			['POST', '/portal/api/outbox/1/resend'],
			['PATCH', `/items/contacts/${contact}`, { portal_group: basic }],
			['PATCH', `/items/customers/${customer}`, { visible_to_parent: false }],
			['POST', '/portal/api/invitations', { contact }],
			['POST', '/portal/api/invitations', { customer }],
			['POST', '/portal/api/invitations/1/resend'],
			['DELETE', '/portal/api/invitations/1'],
		];
		for (const [method, path, body] of calls) {
			const response = await api(method, path, { token, ...(body === undefined ? {} : { body }) });
			expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
		}
		// A system group: refused too (the product's own check answers first, with 400), and unchanged.
		expect(
			(await api('PATCH', `/items/portal_groups/${basic}`, { token, body: { description: 'changed' } })).status,
		).toBeGreaterThanOrEqual(400);
		expect(
			(await api<{ description: string }>('GET', `/items/portal_groups/${basic}?fields=description`)).body.data
				?.description,
		).not.toBe('changed');
		expect(
			(await api<{ permissions: Record<string, unknown> }>('GET', `/items/portal_groups/${custom}?fields=permissions`))
				.body.data?.permissions,
		).toMatchObject({ 'kb.view': true, 'invoices.view': false });
		expect(
			(await api<{ self_signup: string }>('GET', '/items/portal_settings?fields=self_signup')).body.data?.self_signup,
		).toBe(settingsBefore);
		expect(
			(await api<unknown[]>('GET', `/items/portal_invitations?filter[contact][_eq]=${contact}`)).body.data,
		).toEqual([]);
	});
});
