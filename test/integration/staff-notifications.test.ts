/**
 * Staff hear of what contacts write, in Directus's own notifications (the studio's bell, and Directus's e-mail of
 * them): a contact's new ticket and replies reach the ticket's assignee, else the holders of the Portal staff
 * policy; staff's own writes reach no one. Text a contact writes is shown as written, never as Markdown of theirs.
 * Each staff member is told in their own Directus language.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';

interface Notice {
	recipient: string;
	subject: string;
	message: string;
	collection: string;
	item: string;
}

let contact: PortalContact;
let customerName: string;
let token: string;
let staff: { id: string; email: string };
/** Holds the Portal staff policy through its role's parent role; reads Directus in German. */
let nestedStaff: { id: string; email: string };
let assignee: { id: string; email: string };

/** A staff user of `role`, with e-mail notifications on (Directus's default). */
async function staffUser(role: string, language: string | null = null): Promise<{ id: string; email: string }> {
	const email = `staff-${randomBytes(5).toString('hex')}@helpdesk.example.com`;
	const user = await api<{ id: string }>('POST', '/users', {
		body: { email, password: randomBytes(12).toString('hex'), role, first_name: 'Staff', language },
	});
	if (user.status !== 200 || !user.body.data) throw new Error(`staff user: ${JSON.stringify(user.body)}`);
	return { id: user.body.data.id, email };
}

/** The notifications of `recipient` about ticket `ticket`. */
async function notices(recipient: string, ticket: number): Promise<Notice[]> {
	const answer = await api<Notice[]>(
		'GET',
		`/notifications?filter[recipient][_eq]=${recipient}&filter[item][_eq]=${ticket}&fields=recipient,subject,message,collection,item&sort=id`,
	);
	expect(answer.status).toBe(200);
	return answer.body.data ?? [];
}

beforeAll(async () => {
	customerName = uniqueName('Notified');
	const customer = (await createRow('customers', { name: customerName })).id;
	contact = await createPortalContact(customer, 'Manager', { first_name: 'Nora', last_name: 'Notifier' });
	token = await tokenOf(contact);
	const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
	const helpDesk = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Help desk') } });
	await api('POST', '/access', { body: { role: helpDesk.body.data?.id, policy: settings.body.data?.staff_policy } });
	staff = await staffUser(helpDesk.body.data?.id as string);
	const firstLine = await api<{ id: string }>('POST', '/roles', {
		body: { name: uniqueName('First line'), parent: helpDesk.body.data?.id },
	});
	nestedStaff = await staffUser(firstLine.body.data?.id as string, 'de-DE');
	const engineers = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Engineers') } });
	assignee = await staffUser(engineers.body.data?.id as string);
});

describe('Staff notifications', () => {
	test('A contact’s new ticket reaches the Portal staff in the studio and by e-mail, with a link to the ticket', async () => {
		const subject = uniqueName('Printer jams');
		const opened = await api<{ id: number }>('POST', '/items/tickets', { token, body: { subject } });
		expect(opened.status).toBe(200);
		const ticket = opened.body.data?.id as number;
		const [notice] = await eventually(async () => {
			const found = await notices(staff.id, ticket);
			expect(found).toHaveLength(1);
			return found;
		});
		expect(notice).toMatchObject({
			collection: 'tickets',
			item: String(ticket),
			subject: `Nora Notifier (${customerName}) opened a ticket: ${subject}`,
		});
		// The e-mail goes through the outbox (retried while the mail server is down), with a link into the studio.
		const mail = await waitForMail(directusUnderTest().mailFolder, staff.email);
		expect(mail.subject).toBe(notice?.subject);
		expect(mail.text).toMatch(new RegExp(`/admin/content/tickets/${ticket}\\b`));
		const queued = await api<{ kind: string }[]>(
			'GET',
			`/items/portal_outbox?filter[recipient][_eq]=${encodeURIComponent(staff.email)}&fields=kind`,
		);
		expect(queued.body.data).toEqual([{ kind: 'staff_notice' }]);
		// A role below the help desk's holds its policies too (Directus's nested roles); its user reads German.
		const [inGerman] = await eventually(async () => {
			const found = await notices(nestedStaff.id, ticket);
			expect(found).toHaveLength(1);
			return found;
		});
		expect(inGerman?.subject).toBe(`Nora Notifier (${customerName}) hat ein Ticket eröffnet: ${subject}`);
		const germanMail = await waitForMail(directusUnderTest().mailFolder, nestedStaff.email);
		expect(germanMail.subject).toBe(inGerman?.subject);
		expect(germanMail.text).toContain('Ticket im Studio öffnen:');
		// Only staff hear of it: the engineer is not the Portal staff, nor the contact a recipient.
		expect(await notices(assignee.id, ticket)).toEqual([]);
		expect(await notices(contact.userId, ticket)).toEqual([]);
	});

	test('A reply reaches the ticket’s assignee only, quoting the contact’s words as written; staff’s own replies reach no one', async () => {
		const ticket = (
			await createRow('tickets', {
				customer: contact.customer,
				contact: contact.id,
				subject: uniqueName('VPN drops'),
				assignee: assignee.id,
			})
		).id;
		const words = 'It drops at [noon](http://evil.example.com) <img src=x onerror=alert(1)> **every** day';
		const reply = await api('POST', '/items/ticket_comments', { token, body: { ticket, body: words } });
		expect(reply.status).toBe(200);
		const [notice] = await eventually(async () => {
			const found = await notices(assignee.id, ticket);
			expect(found).toHaveLength(1);
			return found;
		});
		expect(notice?.subject).toMatch(/^Nora Notifier \(.+\) replied to the ticket: VPN drops /);
		// Escaped: Directus renders the message as Markdown, and the contact's link, image and emphasis stay text.
		expect(notice?.message).toContain('It drops at \\[noon\\]\\(http://evil\\.example\\.com\\) \\<img');
		expect(notice?.message).toContain('\\*\\*every\\*\\* day');
		expect(await notices(staff.id, ticket)).toEqual([]);

		await api('POST', '/items/ticket_comments', { body: { ticket, body: 'On our way', is_internal: false } });
		await api('POST', '/items/ticket_comments', { body: { ticket, body: 'Check the router' } });
		// A contact's next reply is seen, and nothing came in between.
		await api('POST', '/items/ticket_comments', { token, body: { ticket, body: 'Thanks' } });
		await eventually(async () => expect(await notices(assignee.id, ticket)).toHaveLength(2));
		expect(await notices(staff.id, ticket)).toEqual([]);
	});

	test('An assignee who left (suspended) is replaced by the Portal staff', async () => {
		const gone = await staffUser(
			(await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Gone') } })).body.data?.id as string,
		);
		await api('PATCH', `/users/${gone.id}`, { body: { status: 'suspended' } });
		const ticket = (
			await createRow('tickets', { customer: contact.customer, contact: contact.id, subject: 'Old', assignee: gone.id })
		).id;
		await api('POST', '/items/ticket_comments', { token, body: { ticket, body: 'Anyone there?' } });
		await eventually(async () => expect(await notices(staff.id, ticket)).toHaveLength(1));
		expect(await notices(gone.id, ticket)).toEqual([]);
	});

	test('A staff group chosen in the settings (a role and the roles below it) is told instead of the Portal staff; the portal’s own role never is', async () => {
		const desk = (await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Service desk') } })).body.data
			?.id as string;
		const nights = (
			await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Night shift'), parent: desk } })
		).body.data?.id as string;
		const agent = await staffUser(desk);
		const nightAgent = await staffUser(nights);
		const setGroup = async (role: string | null) =>
			expect((await api('PATCH', '/items/portal_settings', { body: { notify_role: role } })).status).toBe(200);
		const open = async () =>
			(await api<{ id: number }>('POST', '/items/tickets', { token, body: { subject: uniqueName('Badge reader') } }))
				.body.data?.id as number;
		try {
			await setGroup(desk);
			const ticket = await open();
			await eventually(async () => expect(await notices(agent.id, ticket)).toHaveLength(1));
			await eventually(async () => expect(await notices(nightAgent.id, ticket)).toHaveLength(1));
			expect(await notices(staff.id, ticket)).toEqual([]);

			// The portal's own role as the group tells no contact: the Portal staff hear of it.
			const portalRole = (await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role')).body
				.data?.portal_role as string;
			await setGroup(portalRole);
			const second = await open();
			await eventually(async () => expect(await notices(staff.id, second)).toHaveLength(1));
			expect(await notices(contact.userId, second)).toEqual([]);
			expect(await notices(agent.id, second)).toEqual([]);
		} finally {
			await setGroup(null);
		}
	});

	test('A contact learns nothing of who a ticket is assigned to: not by reading, filtering, sorting, grouping or GraphQL', async () => {
		const ticket = (
			await createRow('tickets', {
				customer: contact.customer,
				contact: contact.id,
				subject: uniqueName('Assigned'),
				assignee: assignee.id,
			})
		).id;
		expect((await api('GET', `/items/tickets/${ticket}?fields=id`, { token })).status).toBe(200);
		for (const path of [
			`/items/tickets/${ticket}?fields=assignee`,
			`/items/tickets/${ticket}?fields=assignee.email`,
			`/items/tickets?filter[assignee][_eq]=${assignee.id}`,
			`/items/tickets?filter[assignee][_null]=false`,
			`/items/tickets?filter[assignee][email][_starts_with]=staff-`,
			`/items/tickets?filter[_and][0][assignee][role][_nnull]=true`,
			'/items/tickets?sort=assignee',
			'/items/tickets?sort=-assignee.email',
			'/items/tickets?aggregate[count]=*&groupBy[]=assignee',
			'/items/tickets?aggregate[countDistinct]=assignee',
		])
			await expectReadRefused(path, token);
		for (const query of [
			`{ tickets(filter: { assignee: { id: { _eq: "${assignee.id}" } } }) { id } }`,
			`{ tickets(sort: ["assignee"]) { id } }`,
			'{ tickets { id assignee { email } } }',
			'{ tickets_aggregated(groupBy: ["assignee"]) { group count { id } } }',
		]) {
			const answer = await api<Record<string, unknown> | null>('POST', '/graphql', { token, body: { query } });
			expect(['PORTAL_QUERY_REFUSED', 'FORBIDDEN', 'GRAPHQL_VALIDATION'], query).toContain(
				answer.body.errors?.[0]?.extensions?.code,
			);
			expect(JSON.stringify(answer.body.data ?? null), query).not.toContain(assignee.id);
		}
	});
});
