/**
 * Signs a contact in the way the model says they may — or checks that they cannot. Contacts with a
 * password sign in with POST /auth/login and are checked with the session's access token; the others
 * use the static token their user was created with (the same user, role and policies, without
 * Directus's deliberately slow password hashing). A contact in "No Portal Access" must get 401 from
 * /auth/login, and their static token must not work either.
 */
import type { DifferenceLog } from './difference-log.ts';
import { dataOf, type OracleHttp } from './oracle-http.ts';
import { describePermissions } from './normalise-permissions.ts';
import { type ContactAccess, keyOf } from './reference-model.ts';
import type { ContactSession } from './oracle-context.ts';
import type { SeededWorld } from './seed-world.ts';

export function describeContact(seeded: SeededWorld, access: ContactAccess): string {
	const { contact, group, permissions } = access;
	return (
		`contact ${keyOf(contact.id)} <${contact.email}> of customer ${keyOf(contact.customer)}` +
		`${contact.location === null ? '' : ` at location ${keyOf(contact.location)}`}, group "${group?.name ?? '(none)'}"` +
		`${contact.portal_group === null ? ' (the default group)' : ''}: ${describePermissions(permissions)}` +
		`; parent_visibility ${String(seeded.world.settings.parent_visibility)}`
	);
}

/** The contact's session, or null when they may not sign in (after checking that they cannot). */
export async function signIn(
	http: OracleHttp,
	log: DifferenceLog,
	seeded: SeededWorld,
	access: ContactAccess,
): Promise<ContactSession | null> {
	const login = seeded.logins.get(keyOf(access.contact.id));
	if (!login || !access.specified) return null;
	const who = describeContact(seeded, access);
	const differ = (severity: 'leak' | 'deviation', request: string, expected: string, got: string): void =>
		log.add({ severity, seed: seeded.local.seed, who, check: 'sign-in', request, expected, got });

	if (!access.canSignIn) {
		if (login.password) {
			const answer = await http.call('POST', '/auth/login', {
				token: null,
				body: { email: login.email, password: seeded.local.password },
			});
			if (answer.status !== 401)
				differ(
					answer.status === 200 ? 'leak' : 'deviation',
					'POST /auth/login',
					'401',
					`${answer.status} ${answer.text.slice(0, 200)}`,
				);
		}
		const me = await http.call('GET', '/users/me', { token: login.token });
		if (me.status !== 401 && me.status !== 403)
			differ(
				me.status === 200 ? 'leak' : 'deviation',
				'GET /users/me with the static token of a contact who may not sign in',
				'401',
				`${me.status} ${me.text.slice(0, 200)}`,
			);
		return null;
	}

	if (login.password) {
		const answer = await http.call('POST', '/auth/login', {
			token: null,
			body: { email: login.email, password: seeded.local.password },
		});
		const token = dataOf<{ access_token?: string } | undefined>(answer)?.access_token;
		if (answer.status === 200 && token) return { seeded, access, token, signedInWith: 'password', who };
		differ(
			'deviation',
			'POST /auth/login',
			'200 with an access token',
			`${answer.status} ${answer.text.slice(0, 200)}`,
		);
	}
	return { seeded, access, token: login.token, signedInWith: 'static token', who };
}
