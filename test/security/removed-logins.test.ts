/**
 * Logins that staff removed: a contact's login unlinked, the contact deleted, the user suspended or
 * deleted in Directus's User Directory. From the next request on, the tokens the person still holds
 * (Directus's JSON access token and its session cookie) read nothing by any path, the old password signs
 * in no more, and neither a public request nor a self sign-up with the address brings the login back:
 * only staff, or an invitation accepted with a new password.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import {
	createPortalContact,
	groupId,
	type PortalContact,
	signIn,
	tokenOf,
	uniqueName,
} from '../support/portal-users.ts';
import { adminRead, graphql, rawRequest } from './attack-world.ts';

const setSettings = (body: Record<string, unknown>) => api('PATCH', '/items/portal_settings', { body });

/** This file's visitors come from an address of their own, so the public routes' per-address limits of other files stay untouched. */
const visitorAddress = `127.${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
const asVisitor = (path: string, body: Record<string, unknown>) =>
	rawRequest('POST', path, {
		localAddress: visitorAddress,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

/** A contact of the Administrator group with a ticket of its own, signed in both ways. */
interface SignedIn {
	contact: PortalContact;
	ticket: number;
	/** Directus's JSON-mode access token: a JWT naming no session, valid until it expires. */
	access: string;
	/** Directus's session-mode token (the studio's cookie): a JWT naming a row of directus_sessions. */
	session: string;
}

let unlinked: SignedIn, contactDeleted: SignedIn, suspended: SignedIn, userDeleted: SignedIn;

beforeAll(async () => {
	const domain = `${uniqueName('removed').split(' ')[1]}.client.example.com`;
	const customer = (await createRow('customers', { name: uniqueName('Removed logins'), email_domains: [domain] })).id;
	await setSettings({ access_mode: 'public', self_signup: 'matching_domain' });
	const made: { contact: PortalContact; ticket: number }[] = [];
	for (let index = 0; index < 4; index++) {
		const contact = await createPortalContact(customer, 'Administrator', {
			email: `${uniqueName('login').split(' ')[1]}@${domain}`,
		});
		made.push({
			contact,
			ticket: (
				await createRow('tickets', { customer, contact: contact.id, subject: uniqueName('Removed login’s ticket') })
			).id,
		});
	}
	// Side by side: every sign-in takes LOGIN_STALL_TIME.
	const signed = await Promise.all(
		made.map(async (one) => ({
			...one,
			access: await tokenOf(one.contact),
			session: await sessionTokenOf(one.contact),
		})),
	);
	[unlinked, contactDeleted, suspended, userDeleted] = signed as [SignedIn, SignedIn, SignedIn, SignedIn];
});

afterAll(async () => {
	await setSettings({ access_mode: 'registered_only', self_signup: 'off' });
});

/** Signs in as the studio does (session mode): the token travels in a cookie and names a row of directus_sessions. */
async function sessionTokenOf(contact: PortalContact): Promise<string> {
	const response = await fetch(`${directusUnderTest().url}/auth/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ email: contact.email, password: contact.password, mode: 'session' }),
	});
	const cookie = response.headers.getSetCookie().find((value) => value.startsWith('directus_session_token='));
	const token = cookie?.slice('directus_session_token='.length).split(';')[0];
	if (!token) throw new Error(`${contact.email} could not sign in in session mode (${response.status})`);
	return token;
}

/** The paths by which `token` still reads the ticket or its holder's own data. */
async function pathsThatRead(token: string, ticket: number): Promise<string[]> {
	const [items, me, gql, system, portal] = await Promise.all([
		api<{ id: number }[]>('GET', `/items/tickets?filter[id][_eq]=${ticket}&fields=id`, { token }),
		api<{ id: string; email?: string }>('GET', '/users/me?fields=id,email', { token }),
		graphql('/graphql', `{ tickets(filter: { id: { _eq: ${ticket} } }) { id } }`, token),
		graphql('/graphql/system', '{ users_me { id email } }', token),
		api('GET', '/portal/api/me', { token }),
	]);
	const reading: string[] = [];
	if (items.status === 200 && (items.body.data ?? []).length > 0) reading.push('REST /items/tickets');
	if (me.status === 200 && me.body.data?.email !== undefined) reading.push('REST /users/me');
	if (((gql.body.data?.['tickets'] as unknown[] | undefined) ?? []).length > 0) reading.push('GraphQL tickets');
	if ((system.body.data?.['users_me'] as { email?: string } | null | undefined)?.email !== undefined)
		reading.push('GraphQL users_me');
	if (portal.status === 200) reading.push('/portal/api/me');
	return reading;
}

const everyPath = ['REST /items/tickets', 'REST /users/me', 'GraphQL tickets', 'GraphQL users_me', '/portal/api/me'];

const invitationLinkIn = (text: string) => /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;

/** What each of a person's two tokens still reads. */
const readingOf = async ({ access, session, ticket }: SignedIn) => {
	const [viaAccess, viaSession] = await Promise.all([pathsThatRead(access, ticket), pathsThatRead(session, ticket)]);
	return { access: viaAccess, session: viaSession };
};

const readsAll = { access: everyPath, session: everyPath };
const readsNothing = { access: [], session: [] };

// Sign-ins run beside the other checks of the moment: each takes LOGIN_STALL_TIME, failed or not.
describe('A login staff took away', () => {
	test('Unlinked from its contact: its tokens read nothing at once, its password is dead, a public request with its address brings nothing back, and only an invitation accepted with a new password does', async () => {
		const { contact, ticket } = unlinked;
		expect(await readingOf(unlinked)).toEqual(readsAll);

		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { user: null } })).status).toBe(200);
		const [reading, oldPassword] = await Promise.all([readingOf(unlinked), signIn(contact)]);
		expect({ reading, signIn: oldPassword.status }).toEqual({ reading: readsNothing, signIn: 401 });
		// What staff see of the user: suspended, its password gone.
		expect(await adminRead(`/users/${contact.userId}?fields=status,password`)).toEqual({
			status: 'suspended',
			password: null,
		});

		// Anyone may file a request with the address; the contact still has it, and its Administrator group, which
		// is beyond what a visitor may be given: the confirmation offers no login, and nothing comes back.
		expect(
			(
				await asVisitor('/portal/api/public/requests', {
					name: 'Someone',
					email: contact.email,
					subject: uniqueName('Link me again'),
				})
			).status,
		).toBe(202);
		expect(invitationLinkIn((await waitForMail(directusUnderTest().mailFolder, contact.email)).text)).toBeNull();
		const [afterRequest, stillOld] = await Promise.all([readingOf(unlinked), signIn(contact)]);
		expect({ reading: afterRequest, signIn: stillOld.status }).toEqual({ reading: readsNothing, signIn: 401 });

		// Staff invite the contact again: until the invitation is accepted, the old tokens and password stay dead.
		expect((await api('POST', '/portal/api/invitations', { body: { contact: contact.id } })).status).toBe(201);
		const link = invitationLinkIn(
			(await waitForMail(directusUnderTest().mailFolder, contact.email, { count: 2 })).text,
		);
		expect(link).not.toBeNull();
		const [invited, stillOldAfterInvitation] = await Promise.all([readingOf(unlinked), signIn(contact)]);
		expect({ reading: invited, signIn: stillOldAfterInvitation.status }).toEqual({
			reading: readsNothing,
			signIn: 401,
		});

		// Whoever reads the mailbox and chooses a new password has the login back.
		const renewed = { email: contact.email, password: 'a-new-password-after-removal' };
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token: link, password: renewed.password },
				})
			).status,
		).toBe(200);
		expect(await pathsThatRead(await tokenOf({ ...contact, ...renewed }), ticket)).toEqual(everyPath);
	});

	test('Its contact deleted: its tokens read nothing at once, and a self sign-up with its address does not bring the old password back', async () => {
		const { contact } = contactDeleted;
		expect(await readingOf(contactDeleted)).toEqual(readsAll);

		expect((await api('DELETE', `/items/contacts/${contact.id}`)).status).toBe(204);
		expect(await readingOf(contactDeleted)).toEqual(readsNothing);

		// The address's domain is the customer's: the sign-up makes a new contact and offers it a login.
		expect(
			(await asVisitor('/portal/api/signup', { email: contact.email, first_name: 'Some', last_name: 'One' })).status,
		).toBe(202);
		expect(invitationLinkIn((await waitForMail(directusUnderTest().mailFolder, contact.email)).text)).not.toBeNull();
		const [relinked, oldPassword] = await Promise.all([readingOf(contactDeleted), signIn(contact)]);
		expect({ reading: relinked, signIn: oldPassword.status }).toEqual({ reading: readsNothing, signIn: 401 });
	});

	test('Suspended in the User Directory: its tokens read nothing at once, later changes to its contact do not wake it, and staff re-enabling it does', async () => {
		const { contact, ticket } = suspended;
		expect(await readingOf(suspended)).toEqual(readsAll);

		expect((await api('PATCH', `/users/${contact.userId}`, { body: { status: 'suspended' } })).status).toBe(200);
		expect(await readingOf(suspended)).toEqual(readsNothing);
		// Staff see it on the contact too.
		expect(
			(await adminRead<{ login_suspended: boolean }>(`/items/contacts/${contact.id}?fields=login_suspended`))
				?.login_suspended,
		).toBe(true);

		expect(
			(await api('PATCH', `/items/contacts/${contact.id}`, { body: { portal_group: await groupId('Basic') } })).status,
		).toBe(200);
		expect(
			(await api('PATCH', `/items/contacts/${contact.id}`, { body: { portal_group: await groupId('Administrator') } }))
				.status,
		).toBe(200);
		expect(await readingOf(suspended)).toEqual(readsNothing);
		expect((await adminRead<{ status: string }>(`/users/${contact.userId}?fields=status`))?.status).toBe('suspended');

		expect((await api('PATCH', `/users/${contact.userId}`, { body: { status: 'active' } })).status).toBe(200);
		expect(await pathsThatRead(await tokenOf(contact), ticket)).toEqual(everyPath);
	});

	test('Deleted in the User Directory: its tokens read nothing at once', async () => {
		expect(await readingOf(userDeleted)).toEqual(readsAll);
		expect((await api('DELETE', `/users/${userDeleted.contact.userId}`)).status).toBe(204);
		expect(await readingOf(userDeleted)).toEqual(readsNothing);
	});
});
