/** Portal contacts for tests: a contact, a Directus user linked to it the way staff would link one, and its sign-in. */
import { randomBytes } from 'node:crypto';
import { api, createRow } from './directus-under-test.ts';

export const uniqueName = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

export interface PortalContact {
	id: number;
	userId: string;
	email: string;
	password: string;
	customer: number;
}

export async function groupId(name: string): Promise<number> {
	const response = await api<{ id: number }[]>(
		'GET',
		`/items/portal_groups?filter[name][_eq]=${encodeURIComponent(name)}&fields=id`,
	);
	const id = response.body.data?.[0]?.id;
	if (id === undefined) throw new Error(`No portal group named ${name}`);
	return id;
}

/** Creates a contact of `customer` with a login in `group` (by name or id; the default group when left out); `extra.email` sets its e-mail. */
export async function createPortalContact(
	customer: number,
	group?: string | number,
	extra: Record<string, unknown> = {},
): Promise<PortalContact> {
	const email =
		typeof extra['email'] === 'string' ? extra['email'] : `${randomBytes(6).toString('hex')}@portal.example.com`;
	const password = randomBytes(12).toString('hex');
	const user = await api<{ id: string }>('POST', '/users', { body: { email, password, status: 'active' } });
	if (user.status !== 200 || !user.body.data) throw new Error(`Could not create user: ${JSON.stringify(user.body)}`);
	const portalGroup = group === undefined ? undefined : typeof group === 'number' ? group : await groupId(group);
	const contact = await createRow('contacts', {
		customer,
		last_name: 'Contact',
		email,
		user: user.body.data.id,
		...(portalGroup === undefined ? {} : { portal_group: portalGroup }),
		...extra,
	});
	return { id: contact.id, userId: user.body.data.id, email, password, customer };
}

/** Signs in through Directus's own login; returns the access token or the failed response. */
export async function signIn(contact: {
	email: string;
	password: string;
}): Promise<{ status: number; token: string | null }> {
	const response = await api<{ access_token: string }>('POST', '/auth/login', {
		token: null,
		body: { email: contact.email, password: contact.password },
	});
	return { status: response.status, token: response.body.data?.access_token ?? null };
}

export async function tokenOf(contact: PortalContact): Promise<string> {
	const { status, token } = await signIn(contact);
	if (!token) throw new Error(`${contact.email} could not sign in (${status})`);
	return token;
}
