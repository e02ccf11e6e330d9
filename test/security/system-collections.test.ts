/**
 * A contact of customer A, and a visitor who is not signed in, against Directus's own collections over
 * REST and GraphQL, and against the system routes that write them (/utils, shares, presets, versions,
 * revisions). Every door answers 403 (or 401/400), and nothing changes.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { deniedSystemCollections } from '../../src/policies/system-permissions.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { tokenOf } from '../support/portal-users.ts';
import { adminRead, type AttackWorld, codeOf, createAttackWorld, graphql } from './attack-world.ts';

let world: AttackWorld;

beforeAll(async () => {
	world = await createAttackWorld();
});

/** The REST route and GraphQL system query of each collection contacts get nothing on. */
const routes: Record<string, { rest: string; graphql: string | null }> = {
	directus_shares: { rest: '/shares', graphql: 'shares' },
	directus_access: { rest: '/access', graphql: 'access' },
	directus_policies: { rest: '/policies', graphql: 'policies' },
	directus_permissions: { rest: '/permissions', graphql: 'permissions' },
	directus_roles: { rest: '/roles', graphql: 'roles' },
	directus_presets: { rest: '/presets', graphql: 'presets' },
	directus_revisions: { rest: '/revisions', graphql: 'revisions' },
	directus_activity: { rest: '/activity', graphql: 'activity' },
	directus_comments: { rest: '/comments', graphql: 'comments' },
	directus_notifications: { rest: '/notifications', graphql: 'notifications' },
	directus_versions: { rest: '/versions', graphql: 'versions' },
	directus_flows: { rest: '/flows', graphql: 'flows' },
	directus_operations: { rest: '/operations', graphql: 'operations' },
	directus_settings: { rest: '/settings', graphql: 'settings' },
	directus_extensions: { rest: '/extensions', graphql: 'extensions' },
	directus_folders: { rest: '/folders', graphql: 'folders' },
	directus_dashboards: { rest: '/dashboards', graphql: 'dashboards' },
	directus_panels: { rest: '/panels', graphql: 'panels' },
	directus_translations: { rest: '/translations', graphql: 'translations' },
};

const who = () =>
	[
		['a contact of another customer', world.attackerToken],
		['a visitor who is not signed in', null],
	] as const;

/** Creates a row of a system collection as the admin and returns its id. */
async function createSystemRow(route: string, body: Record<string, unknown>): Promise<string | number> {
	const response = await api<{ id: string | number }>('POST', route, { body });
	if (!response.body.data) throw new Error(`Could not create on ${route}: ${JSON.stringify(response.body)}`);
	return response.body.data.id;
}

describe('Directus’s own collections over REST', () => {
	test('Every collection the allowlist denies has a route probed here', () => {
		for (const collection of Object.keys(deniedSystemCollections).filter(
			(name) =>
				![
					'directus_collections',
					'directus_fields',
					'directus_relations',
					'directus_webhooks',
					'directus_sessions',
					'directus_migrations',
				].includes(name),
		)) {
			expect(routes[collection], collection).toBeDefined();
		}
	});

	test('Reading any denied collection is refused, to contacts and visitors alike', async () => {
		for (const [label, token] of who()) {
			for (const [collection, { rest }] of Object.entries(routes)) {
				const response = await api('GET', rest, { token });
				// Directus answers the extensions list only to admins; settings and the rest with 403.
				expectRefused(response, `${label}: GET ${rest} (${collection})`);
			}
		}
	});

	test('Creating in any denied collection is refused and creates nothing', async () => {
		for (const [label, token] of who()) {
			for (const { rest } of Object.values(routes)) {
				if (rest === '/settings' || rest === '/extensions') continue;
				const body =
					rest === '/translations'
						? { key: 'portal.pwned', language: 'en-US', value: 'x' }
						: { name: 'x', collection: 'tickets', item: String(world.victimTicket) };
				const response = await api('POST', rest, { token, body });
				// 404/405: Directus has no create route there at all (revisions, activity).
				expect([400, 401, 403, 404, 405], `${label}: POST ${rest} answered ${response.status}`).toContain(
					response.status,
				);
			}
			const settings = await api('PATCH', '/settings', {
				token,
				body: { public_registration: true, project_name: 'pwned' },
			});
			expectRefused(settings);
		}
		expect((await adminRead<{ public_registration: boolean }>('/settings'))?.public_registration).toBe(false);
		expect(await adminRead(`/translations?filter[key][_eq]=portal.pwned&fields=id`)).toEqual([]);
	});

	test('Users: a contact reads only their own row and only the listed fields; visitors read nothing', async () => {
		const list = await api<{ id: string }[]>('GET', '/users?fields=id&limit=-1', { token: world.attackerToken });
		expect(list.body.data?.map((row) => row.id)).toEqual([world.attacker.userId]);
		expectRefused(await api('GET', `/users/${world.victim.userId}`, { token: world.attackerToken }));
		for (const field of [
			'password',
			'token',
			'tfa_secret',
			'role',
			'policies',
			'provider',
			'auth_data',
			'external_identifier',
			'last_access',
		]) {
			// Refused, or (for the password, which Directus never returns) answered without it.
			const response = await api<Record<string, unknown>>('GET', `/users/me?fields=${field}`, {
				token: world.attackerToken,
			});
			if (response.status === 200) expect(Object.keys(response.body.data ?? {}), field).not.toContain(field);
			else expectRefused(response, `${field}: ${response.status}`);
		}
		expectRefused(await api('GET', '/users', { token: null }));
		expectRefused(await api('GET', '/users/me', { token: null }));
	});

	test('Their own role and the policies behind it are not readable either', async () => {
		expectRefused(await api('GET', `/policies?limit=-1`, { token: world.attackerToken }));
		expectRefused(
			await api(
				'GET',
				`/roles/${(await adminRead<{ role: string }>(`/users/${world.attacker.userId}?fields=role`))?.role}`,
				{ token: world.attackerToken },
			),
		);
	});
});

describe('Directus’s own collections over GraphQL', () => {
	test('The system endpoint offers none of the denied collections, to contacts and visitors alike', async () => {
		for (const [label, token] of who()) {
			for (const { graphql: name } of Object.values(routes)) {
				if (!name) continue;
				const response = await graphql('/graphql/system', `{ ${name} { __typename } }`, token);
				expect(response.body.data?.[name] ?? null, `${label}: ${name}`).toBeNull();
				expect(response.body.errors?.length, `${label}: ${name} has no error`).toBeGreaterThan(0);
			}
		}
	});

	test('Users over GraphQL: only their own row, no secret fields, no other user by id', async () => {
		const own = await graphql('/graphql/system', '{ users { id } }', world.attackerToken);
		expect(own.body.data?.['users']).toEqual([{ id: world.attacker.userId }]);
		const byId = await graphql(
			'/graphql/system',
			`{ users_by_id(id: "${world.victim.userId}") { id email } }`,
			world.attackerToken,
		);
		expect(byId.body.data?.['users_by_id'] ?? null).toBeNull();
		const secret = await graphql(
			'/graphql/system',
			'{ users_me { id password token tfa_secret role { id } } }',
			world.attackerToken,
		);
		expect(secret.body.data?.['users_me'] ?? null).toBeNull();
		expect(secret.body.errors?.length).toBeGreaterThan(0);
	});

	test('Create, update and delete mutations on system collections are refused', async () => {
		const mutations = [
			`mutation { create_shares_item(data: { collection: "tickets", item: "${world.victimTicket}" }) { id } }`,
			`mutation { update_users_me(data: { role: null }) { id } }`,
			`mutation { create_presets_item(data: { bookmark: "x" }) { id } }`,
			`mutation { create_folders_item(data: { name: "x" }) { id } }`,
			`mutation { create_permissions_item(data: { collection: "tickets", action: "read" }) { id } }`,
			`mutation { create_access_item(data: { user: "${world.attacker.userId}" }) { id } }`,
		];
		for (const [label, token] of who()) {
			for (const mutation of mutations) {
				const response = await graphql('/graphql/system', mutation, token);
				expect(response.body.errors?.length, `${label}: ${mutation}`).toBeGreaterThan(0);
				expect(
					Object.values(response.body.data ?? {}).filter((value) => value !== null),
					`${label}: ${mutation}`,
				).toEqual([]);
			}
		}
	});

	test('Another customer’s items are not reachable over /graphql by id, list, aggregate or relation', async () => {
		const query = `{
			tickets_by_id(id: ${world.victimTicket}) { id subject }
			tickets(filter: { customer: { id: { _eq: ${world.customerB} } } }) { id }
			tickets_aggregated(filter: { customer: { id: { _eq: ${world.customerB} } } }) { countDistinct { id } }
			ticket_comments(filter: { ticket: { id: { _eq: ${world.victimTicket} } } }) { id }
			customers_by_id(id: ${world.customerB}) { id name }
		}`;
		const response = await graphql('/graphql', query, world.attackerToken);
		expect(response.body.data?.['tickets_by_id'] ?? null).toBeNull();
		expect(response.body.data?.['tickets']).toEqual([]);
		expect(response.body.data?.['tickets_aggregated']).toEqual([{ countDistinct: { id: 0 } }]);
		expect(response.body.data?.['ticket_comments']).toEqual([]);
		expect(response.body.data?.['customers_by_id'] ?? null).toBeNull();
	});
});

describe('Routes that write system collections', () => {
	test('GHSA-7h45-q5jx-7r87: a contact cannot create a share, update one to raise its role, or read one', async () => {
		const adminRole = (await adminRead<{ role: string }>('/users/me?fields=role'))?.role;
		const share = await createSystemRow('/shares', {
			name: 'Staff share',
			collection: 'tickets',
			item: String(world.victimTicket),
		});
		for (const [label, token] of who()) {
			const created = await api('POST', '/shares', {
				token,
				body: { collection: 'tickets', item: String(world.victimTicket), role: adminRole },
			});
			expectRefused(created, `${label}: create`);
			const raised = await api('PATCH', `/shares/${share}`, { token, body: { role: adminRole } });
			expectRefused(raised, `${label}: update`);
			expectRefused(await api('GET', `/shares/${share}`, { token }));
		}
		expect((await adminRead<{ role: string | null }>(`/shares/${share}?fields=role`))?.role).toBeNull();
		// The share's own sign-in gives no more than the share allows; its info route lists nothing about B's data.
		const info = await api('GET', `/shares/info/${share}`, { token: world.attackerToken });
		expect(JSON.stringify(info.body)).not.toContain('Victim secret');
	});

	test('Presets: a contact cannot create one, nor reassign a staff preset to themselves', async () => {
		const preset = await createSystemRow('/presets', {
			collection: 'tickets',
			bookmark: 'Staff view',
			user: null,
			layout_query: { tabular: { sort: ['id'] } },
		});
		for (const [label, token] of who()) {
			expectRefused(
				await api('POST', '/presets', { token, body: { collection: 'tickets', user: world.victim.userId } }),
				label,
			);
			expectRefused(await api('PATCH', `/presets/${preset}`, { token, body: { user: world.attacker.userId } }), label);
			expectRefused(await api('DELETE', `/presets/${preset}`, { token }), label);
		}
		expect((await adminRead<{ user: string | null }>(`/presets/${preset}?fields=user`))?.user).toBeNull();
	});

	test('Versions (issues #26748, #28229): a contact cannot create, save or promote a version of another customer’s ticket', async () => {
		// Versioning must be on for the collection before Directus offers versions of its items at all.
		expect((await api('PATCH', '/collections/tickets', { body: { meta: { versioning: true } } })).status).toBe(200);
		try {
			const version = await createSystemRow('/versions', {
				key: `v-${world.victimTicket}`,
				name: 'Draft',
				collection: 'tickets',
				item: String(world.victimTicket),
			});
			// A staff draft waiting in the version; promoting it is what the outsider tries.
			await api('POST', `/versions/${version}/save`, { body: { subject: 'Staff draft' } });
			const mainHash = (await adminRead<{ mainHash: string }>(`/versions/${version}/compare`))?.mainHash;
			expect(mainHash).toBeTypeOf('string');
			for (const [label, token] of who()) {
				expectRefused(
					await api('POST', '/versions', {
						token,
						body: { key: 'mine', name: 'x', collection: 'tickets', item: String(world.victimTicket) },
					}),
					label,
				);
				expectRefused(await api('POST', `/versions/${version}/promote`, { token, body: { mainHash } }), label);
				expectRefused(
					await api('POST', `/versions/${version}/save`, { token, body: { subject: 'Overwritten through a version' } }),
					label,
				);
				expectRefused(await api('GET', `/versions/${version}/compare`, { token }), label);
			}
		} finally {
			await api('PATCH', '/collections/tickets', { body: { meta: { versioning: false } } });
		}
		expect(
			(await adminRead<{ subject: string }>(`/items/tickets/${world.victimTicket}?fields=subject`))?.subject,
		).toMatch(/^Victim secret/);
	});

	test('Revisions (issue #28142): a contact cannot read revisions nor revert another customer’s ticket through /utils/revert', async () => {
		await api('PATCH', `/items/tickets/${world.victimTicket}`, { body: { description: 'Second version' } });
		const revisions = await adminRead<{ id: number }[]>(
			`/revisions?filter[collection][_eq]=tickets&filter[item][_eq]=${world.victimTicket}&fields=id&sort=id`,
		);
		const first = revisions?.[0]?.id;
		expect(first).toBeDefined();
		for (const [label, token] of who()) {
			expectRefused(await api('GET', `/revisions/${first}`, { token }), label);
			expectRefused(await api('POST', `/utils/revert/${first}`, { token }), label);
		}
		expect(
			(await adminRead<{ description: string }>(`/items/tickets/${world.victimTicket}?fields=description`))
				?.description,
		).toBe('Second version');
	});
});

describe('/utils', () => {
	test('Cache clear is refused to contacts and visitors', async () => {
		for (const [label, token] of who()) {
			expectRefused(await api('POST', '/utils/cache/clear', { token }), label);
			expectRefused(await api('POST', '/utils/cache/clear?system', { token }), label);
		}
	});

	test('Export writes no file and leaks nothing: contacts are refused it before it starts (see abuse-limits.test.ts)', async () => {
		const before = (await adminRead<{ id: string }[]>('/files?fields=id&limit=-1'))?.length ?? 0;
		const response = await api('POST', '/utils/export/tickets', {
			token: world.attackerToken,
			body: { query: { fields: ['*'], limit: -1 }, format: 'json' },
		});
		expect(response.status).toBe(403);
		expect([204, 401, 403]).toContain(
			(await api('POST', '/utils/export/tickets', { token: null, body: { query: { limit: -1 }, format: 'json' } }))
				.status,
		);
		const exports = await adminRead<{ id: string }[]>(
			`/files?filter[uploaded_by][_eq]=${world.attacker.userId}&filter[title][_starts_with]=export&fields=id`,
		);
		expect(exports).toEqual([]);
		expect((await adminRead<{ id: string }[]>('/files?fields=id&limit=-1'))?.length).toBe(before);
		expect([204, 401, 403]).toContain(
			(
				await api('POST', '/utils/export/directus_users', {
					token: world.attackerToken,
					body: { query: { limit: -1 }, format: 'json' },
				})
			).status,
		);
		expect((await adminRead<{ id: string }[]>('/files?fields=id&limit=-1'))?.length).toBe(before);
	});

	test('Import cannot create or overwrite another customer’s tickets, nor touch system collections', async () => {
		const importAs = async (collection: string, rows: unknown[], token: string | null) => {
			const form = new FormData();
			form.append('file', new Blob([JSON.stringify(rows)], { type: 'application/json' }), 'rows.json');
			const response = await fetch(`${directusUnderTest().url}/utils/import/${collection}`, {
				method: 'POST',
				headers: token ? { Authorization: `Bearer ${token}` } : {},
				body: form,
			});
			return response.status;
		};
		const before = (
			await adminRead<{ id: number }[]>(`/items/tickets?filter[customer][_eq]=${world.customerB}&fields=id&limit=-1`)
		)?.length;
		expect(
			await importAs(
				'tickets',
				[{ customer: world.customerB, contact: world.victim.id, subject: 'Planted by import' }],
				world.attackerToken,
			),
		).not.toBe(200);
		expect(
			await importAs('tickets', [{ id: world.victimTicket, subject: 'Overwritten by import' }], world.attackerToken),
		).not.toBe(200);
		expect(
			await importAs(
				'directus_users',
				[{ email: 'planted@example.com', password: 'x', role: null }],
				world.attackerToken,
			),
		).toBe(403);
		expect(await importAs('tickets', [{ customer: world.customerB, subject: 'Planted by a visitor' }], null)).toBe(403);
		expect(
			(await adminRead<{ id: number }[]>(`/items/tickets?filter[customer][_eq]=${world.customerB}&fields=id&limit=-1`))
				?.length,
		).toBe(before);
		expect(
			(await adminRead<{ subject: string }>(`/items/tickets/${world.victimTicket}?fields=subject`))?.subject,
		).toMatch(/^Victim secret/);
		expect(await adminRead<unknown[]>('/users?filter[email][_eq]=planted@example.com&fields=id')).toEqual([]);
	});

	test('Sort cannot reorder ticket priorities a contact may only read', async () => {
		const priorities =
			(await adminRead<{ id: number; sort: number }[]>('/items/ticket_priorities?fields=id,sort&sort=sort')) ?? [];
		if (priorities.length < 2) {
			await createRow('ticket_priorities', { name: 'Low', sort: 90 });
			await createRow('ticket_priorities', { name: 'High', sort: 91 });
		}
		const ordered =
			(await adminRead<{ id: number; sort: number }[]>('/items/ticket_priorities?fields=id,sort&sort=sort')) ?? [];
		const [first, second] = ordered;
		expect(first && second).toBeTruthy();
		const response = await api('POST', '/utils/sort/ticket_priorities', {
			token: world.attackerToken,
			body: { item: second?.id, to: first?.id },
		});
		expectRefused(response);
		expect(await adminRead('/items/ticket_priorities?fields=id,sort&sort=sort')).toEqual(ordered);
	});
});

describe('Another customer’s items over REST', () => {
	test('By id, list, search, filter and relational expansion, a contact of A reads nothing of B', async () => {
		const token = world.attackerToken;
		expectRefused(await api('GET', `/items/tickets/${world.victimTicket}`, { token }));
		expectRefused(await api('GET', `/items/ticket_comments/${world.victimComment}`, { token }));
		expect(
			(await api<unknown[]>('GET', `/items/tickets?filter[customer][_eq]=${world.customerB}`, { token })).body.data,
		).toEqual([]);
		expect(
			(await api<unknown[]>(`GET`, `/items/tickets?search=${encodeURIComponent('Victim secret')}`, { token })).body
				.data,
		).toEqual([]);
		const expanded = await api<{ id: number; contacts?: unknown[] }[]>(
			'GET',
			`/items/customers?fields=id,contacts.email,tickets.subject&limit=-1`,
			{ token },
		);
		expect(JSON.stringify(expanded.body.data)).not.toContain(world.victim.email);
		expect(JSON.stringify(expanded.body.data)).not.toContain('Victim secret');
	});

	test('Writes to another customer’s items are refused and change nothing', async () => {
		const token = world.attackerToken;
		expectRefused(await api('PATCH', `/items/tickets/${world.victimTicket}`, { token, body: { subject: 'pwned' } }));
		expectRefused(await api('DELETE', `/items/tickets/${world.victimTicket}`, { token }));
		expectRefused(
			await api('POST', '/items/ticket_comments', { token, body: { ticket: world.victimTicket, body: 'planted' } }),
			'A comment on B’s ticket',
			{ statuses: [400, 403] },
		);
		expectRefused(
			await api('POST', '/items/tickets', {
				token,
				body: { customer: world.customerB, contact: world.victim.id, subject: 'planted' },
			}),
			'A ticket of B',
			{ statuses: [400, 403] },
		);
		expectRefused(
			await api('PATCH', `/items/contacts/${world.victim.id}`, { token, body: { email: 'stolen@example.com' } }),
		);
		expect(
			(await adminRead<{ subject: string }>(`/items/tickets/${world.victimTicket}?fields=subject`))?.subject,
		).toMatch(/^Victim secret/);
		expect((await adminRead<{ email: string }>(`/items/contacts/${world.victim.id}?fields=email`))?.email).toBe(
			world.victim.email,
		);
		expect(
			await adminRead(
				`/items/ticket_comments?filter[ticket][_eq]=${world.victimTicket}&filter[body][_eq]=planted&fields=id`,
			),
		).toEqual([]);
		// The same two creates by a contact of B go through: the refusals are about the caller, not the requests.
		const victimToken = await tokenOf(world.victim);
		expect(
			(
				await api('POST', '/items/ticket_comments', {
					token: victimToken,
					body: { ticket: world.victimTicket, body: 'from B' },
				})
			).status,
		).toBe(200);
		expect(
			(
				await api('POST', '/items/tickets', {
					token: victimToken,
					body: { customer: world.customerB, contact: world.victim.id, subject: 'from B' },
				})
			).status,
		).toBe(200);
	});

	test('The product’s own and hierarchy collections are closed to contacts and visitors', async () => {
		for (const [label, token] of who()) {
			for (const collection of [
				'portal_groups',
				'portal_settings',
				'portal_invitations',
				'portal_audit',
				'portal_outbox',
				'portal_mail_optouts',
				'portal_inbox',
				'portal_ticket_ratings',
				'customer_tree',
				'ticket_followers',
				'kb_article_customers',
				'document_customers',
			]) {
				expectRefused(await api('GET', `/items/${collection}`, { token }), `${label}: ${collection}`);
				// Asked as a predicate too: a count, and a filter on a field.
				expectRefused(
					await api('GET', `/items/${collection}?aggregate[count]=*&filter[id][_nnull]=true`, { token }),
					`${label}: count of ${collection}`,
				);
				const response = await graphql('/graphql', `{ ${collection}(filter: { id: { _nnull: true } }) { id } }`, token);
				expect(response.body.data?.[collection] ?? null, `${label}: GraphQL ${collection}`).toBeNull();
				expect(response.body.errors?.length, `${label}: GraphQL ${collection} has no error`).toBeGreaterThan(0);
			}
		}
		expect(codeOf(await api('GET', '/items/portal_groups', { token: null }))).toBe('FORBIDDEN');
	});

	test('The settings that name staff and choose the staff told are closed to contacts and visitors, as predicates too', async () => {
		const queries = [
			'fields=staff_names,notify_role',
			'fields=notify_role.name,notify_role.parent.name',
			'filter[notify_role][name][_nnull]=true&fields=id',
			'filter[staff_names][_eq]=full_name&fields=id',
			'sort=notify_role.name&fields=id',
			'aggregate[count]=notify_role',
			'search=full_name',
			'deep[notify_role][_filter][name][_nnull]=true&fields=notify_role.name',
		];
		// Each is a query Directus answers (to staff): a refusal below is about who asks, not a typo.
		for (const query of queries)
			expect((await api('GET', `/items/portal_settings?${query}`)).status, `staff: ${query}`).toBe(200);
		for (const [label, token] of who()) {
			for (const query of queries)
				// Refused by the portal's query guard (400: a relation may be filtered by its key only) or by Directus (403).
				expectRefused(await api('GET', `/items/portal_settings?${query}`, { token }), `${label}: ${query}`, {
					statuses: [400, 401, 403],
				});
			const response = await graphql(
				'/graphql',
				'{ portal_settings(filter: { notify_role: { name: { _nnull: true } } }) { staff_names notify_role { name } } }',
				token,
			);
			expect(response.body.data?.['portal_settings'] ?? null, `${label}: GraphQL portal_settings`).toBeNull();
			expect(response.body.errors?.length, `${label}: GraphQL portal_settings has no error`).toBeGreaterThan(0);
			// Nor does writing them go through.
			expectRefused(
				await api('PATCH', '/items/portal_settings', { token, body: { staff_names: 'team', notify_role: null } }),
				`${label}: write`,
			);
		}
	});
});
