/**
 * Predicates through relations: Directus applies a related collection's row rules only inside `_some` /
 * `_none` (directus/directus#15437), so a plain relational filter, sort, count() or deep filter would let
 * a contact test rows they may not read — internal comments, a subsidiary that opted out of its parent's
 * view, another customer's invoices reached through a shared ticket, staff e-mail addresses — one yes/no
 * at a time. Each such question must be refused, on REST and GraphQL; the guarded forms must answer
 * only from readable rows; staff keep every query.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, type ApiResponse, createRow } from '../support/directus-under-test.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { codeOf, graphql } from './attack-world.ts';

const secret = `Internal-${Math.random().toString(36).slice(2)}`;
let parent: number;
let subsidiary: number;
let unrelated: number;
let basic: PortalContact;
let outsider: PortalContact;
let basicToken: string;
let treeToken: string;
let outsiderToken: string;
let basicTicket: number;
let subsidiaryTicket: number;

beforeAll(async () => {
	parent = (await createRow('customers', { name: uniqueName('Parent') })).id;
	subsidiary = (
		await createRow('customers', { name: uniqueName('Opted-out subsidiary'), parent, visible_to_parent: false })
	).id;
	unrelated = (await createRow('customers', { name: uniqueName('Unrelated') })).id;
	basic = await createPortalContact(parent, 'Basic');
	const treeAdmin = await createPortalContact(parent, 'Administrator');
	// A Basic contact of an unrelated customer, cc'd on the parent's ticket: the ticket is theirs to read, its customer is not.
	outsider = await createPortalContact(unrelated, 'Basic');
	basicTicket = (await createRow('tickets', { customer: parent, contact: basic.id, subject: uniqueName('Printer') }))
		.id;
	await createRow('ticket_participants', { ticket: basicTicket, contact: outsider.id });
	await createRow('ticket_comments', { ticket: basicTicket, body: 'Public hello', is_internal: false });
	await createRow('ticket_comments', {
		ticket: basicTicket,
		body: `${secret} do not tell the customer`,
		is_internal: true,
	});
	subsidiaryTicket = (await createRow('tickets', { customer: subsidiary, subject: `${secret} subsidiary matter` })).id;
	await createRow('invoices', { customer: parent, number: uniqueName('INV'), total: 4321, status: 'sent' });
	[basicToken, treeToken, outsiderToken] = await Promise.all([tokenOf(basic), tokenOf(treeAdmin), tokenOf(outsider)]);
});

// The product's own code says the query was understood and refused for this caller, not malformed.
const refusedAsQuery = (response: ApiResponse, what: string) =>
	expectRefused(response, what, { statuses: [400], code: 'PORTAL_QUERY_REFUSED' });

const ids = (response: { body: { data?: unknown } }) =>
	((response.body.data as { id: number }[] | undefined) ?? []).map((row) => row.id);

describe('Relational predicates a contact may not ask', () => {
	test('Filters through a relation other than _some / _none, at any depth, are refused with a clear 400', async () => {
		const probes: [string, string][] = [
			[basicToken, `/items/tickets?fields=id&filter[comments][body][_contains]=${secret}`],
			[
				basicToken,
				`/items/tickets?fields=id&filter[_or][0][id][_eq]=0&filter[_or][1][comments][is_internal][_eq]=true`,
			],
			[basicToken, '/items/ticket_comments?fields=id&filter[author_user][email][_starts_with]=admin'],
			[basicToken, `/items/tickets?fields=id&filter[comments][_some][ticket][subject][_contains]=${secret}`],
			[treeToken, `/items/customers?fields=id&filter[children][tickets][subject][_starts_with]=${secret}`],
			[treeToken, `/items/tickets?fields=id&filter[customer][children][visible_to_parent][_eq]=false`],
			[treeToken, `/items/tickets?fields=id&filter[customer][parent][name][_nnull]=true`],
			[outsiderToken, '/items/tickets?fields=id&filter[customer][invoices][total][_gt]=4000'],
			[outsiderToken, '/items/tickets?fields=id&filter[participants][contact][customer][name][_nnull]=true'],
			[basicToken, `/items/tickets?fields=id&filter[count(comments)][_gt]=1`],
			[basicToken, `/items/tickets?fields=id&deep[comments][_filter][author_user][email][_nnull]=true`],
			[treeToken, `/items/customers?fields=id,tickets.id&deep[tickets][_filter][comments][body][_contains]=${secret}`],
		];
		for (const [token, path] of probes) refusedAsQuery(await api('GET', path, { token }), path);
	});

	test('Sorts, groups, aggregates and count() through a relation are refused (count() no longer answers 500)', async () => {
		for (const path of [
			'/items/tickets?fields=id&sort=customer.name',
			'/items/tickets?fields=id&sort=-comments',
			'/items/customers?fields=id,count(tickets)',
			'/items/tickets?fields=id,count(comments)',
			'/items/tickets?aggregate[count]=comments',
			'/items/tickets?aggregate[count]=*&groupBy[]=customer.name',
			'/items/customers?fields=id,tickets.id&deep[tickets][_sort]=customer.name',
		]) {
			refusedAsQuery(await api('GET', path, { token: treeToken }), path);
		}
	});

	test('The same questions over GraphQL are refused, lists, aggregates and nested alike', async () => {
		for (const query of [
			`{ tickets(filter: { comments: { body: { _contains: "${secret}" } } }) { id } }`,
			`{ tickets_aggregated(filter: { comments: { is_internal: { _eq: true } } }) { count { id } } }`,
			`{ customers { id tickets(filter: { comments: { body: { _contains: "${secret}" } } }) { id } } }`,
			`{ tickets(sort: ["customer.name"]) { id } }`,
			`{ ticket_comments(filter: { author_user: { email: { _starts_with: "admin" } } }) { id } }`,
		]) {
			const response = await graphql('/graphql', query, treeToken);
			expect(codeOf(response), query).toBe('PORTAL_QUERY_REFUSED');
			expect(JSON.stringify(response.body.data ?? null), query).not.toMatch(/"id"/);
		}
		const users = await graphql(
			'/graphql/system',
			'{ users(filter: { role: { name: { _nnull: true } } }) { id } }',
			basicToken,
		);
		expect(['PORTAL_QUERY_REFUSED', 'FORBIDDEN', 'GRAPHQL_VALIDATION']).toContain(codeOf(users));
	});

	test('Changing or deleting by query is refused before Directus looks up the keys (as admin), and changes nothing', async () => {
		const before = (await api<{ subject: string }>('GET', `/items/tickets/${basicTicket}?fields=subject`)).body.data
			?.subject;
		refusedAsQuery(
			await api('PATCH', '/items/tickets', {
				token: treeToken,
				body: { query: { filter: { comments: { body: { _contains: secret } } } }, data: { subject: 'changed' } },
			}),
			'PATCH by query',
		);
		refusedAsQuery(
			await api('PATCH', '/items/tickets', {
				token: treeToken,
				body: { query: { filter: { id: { _eq: subsidiaryTicket } } }, data: { subject: 'changed' } },
			}),
			'PATCH a hidden row by query',
		);
		refusedAsQuery(
			await api('DELETE', '/items/tickets', {
				token: treeToken,
				body: { query: { filter: { id: { _eq: basicTicket } } } },
			}),
			'DELETE by query',
		);
		expect(
			(await api<{ subject: string }>('GET', `/items/tickets/${basicTicket}?fields=subject`)).body.data?.subject,
		).toBe(before);
		expect((await api('GET', `/items/tickets/${subsidiaryTicket}?fields=id`)).status).toBe(200);
	});
});

describe('What stays available', () => {
	test('_some / _none answer from readable rows only: a public comment matches, an internal one never does', async () => {
		const some = (text: string) =>
			`/items/tickets?fields=id&filter[comments][_some][body][_contains]=${encodeURIComponent(text)}`;
		expect(ids(await api('GET', some('Public hello'), { token: basicToken }))).toEqual([basicTicket]);
		expect(ids(await api('GET', some(secret), { token: basicToken }))).toEqual([]);
		expect(
			ids(
				await api(
					'GET',
					`/items/tickets?fields=id&filter[id][_eq]=${basicTicket}&filter[comments][_none][is_internal][_eq]=true`,
					{ token: basicToken },
				),
			),
		).toEqual([basicTicket]);
		const subsidiaries = await api(
			'GET',
			`/items/customers?fields=id&filter[children][_some][tickets][_some][subject][_contains]=${secret}`,
			{ token: treeToken },
		);
		expect(ids(subsidiaries)).toEqual([]);
	});

	test('A many-to-one compared by its key, and the portal app’s own ticket tabs, still work', async () => {
		expect(
			ids(await api('GET', `/items/tickets?fields=id&filter[customer][id][_eq]=${parent}`, { token: basicToken })),
		).toEqual([basicTicket]);
		const mine = { _or: [{ contact: { _eq: basic.id } }, { participants: { _some: { contact: { _eq: basic.id } } } }] };
		expect(
			ids(
				await api('GET', `/items/tickets?fields=id&filter=${encodeURIComponent(JSON.stringify(mine))}`, {
					token: basicToken,
				}),
			),
		).toEqual([basicTicket]);
		const cc = await api('GET', `/items/tickets?fields=id&filter[participants][_some][contact][_eq]=${outsider.id}`, {
			token: outsiderToken,
		});
		expect(ids(cc)).toEqual([basicTicket]);
		refusedAsQuery(
			await api('GET', `/items/tickets?fields=id&filter[participants][_some][contact][customer][_eq]=${unrelated}`, {
				token: outsiderToken,
			}),
			'a many-to-one beyond its key inside _some',
		);
	});

	test('Staff keep every relational query', async () => {
		expect(ids(await api('GET', `/items/tickets?fields=id&filter[comments][body][_contains]=${secret}`))).toEqual([
			basicTicket,
		]);
		expect((await api('GET', '/items/customers?fields=id,count(tickets)&limit=1')).status).toBe(200);
		expect((await api('GET', '/items/tickets?fields=id&sort=customer.name&limit=1')).status).toBe(200);
	});
});
