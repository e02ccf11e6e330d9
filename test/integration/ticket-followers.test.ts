/**
 * `ticket_followers` on a real Directus: tickets, requesters and participants created, changed and
 * deleted at random over HTTP as the admin (nested and direct writes, batches, contact deletes that
 * cascade) and written straight to the database as an import would, with the table compared after
 * every write to the pairs computed here from the rows. A failure names the seed; replay it with
 * PORTAL_FOLLOWERS_SEED=<seed>.
 */
import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { triggersAreCurrent } from '../../src/database/triggers-are-current.ts';
import { api, type ApiResponse, directDatabase, directusUnderTest } from '../support/directus-under-test.ts';
import { Random } from '../support/random.ts';
import { bundledTicketFollowers } from '../support/bundled-derived-tables.ts';

const seed = Number(process.env['PORTAL_FOLLOWERS_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const rng = new Random(seed);
const prefix = `followers-${seed}-${Math.random().toString(36).slice(2, 8)}`;

function ok<T>(response: ApiResponse<T>, what: string): T {
	expect(response.status, `seed ${seed}: ${what} answered ${JSON.stringify(response.body)}`).toBeLessThan(300);
	return response.body.data as T;
}

let db: Knex;
let customer: number;
let contactCount = 0;

async function newContact(): Promise<number> {
	const n = ++contactCount;
	return ok(
		await api<{ id: number }>('POST', '/items/contacts', {
			body: { customer, first_name: 'F', last_name: `${n}`, email: `${prefix}-${n}@example.com` },
		}),
		'creating a contact',
	).id;
}

const ids = (rows: { id: number }[]) => rows.map(({ id }) => Number(id));
const contactsOfCustomer = async () => ids(await db('contacts').select('id').where({ customer }));
const ticketsOfCustomer = async () => ids(await db('tickets').select('id').where({ customer }));
const participantRows = async () =>
	ids(await db('ticket_participants').select('id').whereIn('ticket', db('tickets').select('id').where({ customer })));

/** The rows the table must hold for this file's customer's tickets, from the source rows, against the ones it holds. */
async function compare(what: string): Promise<void> {
	const tickets = (await db('tickets').select('id', 'contact').where({ customer })) as {
		id: number;
		contact: number | null;
	}[];
	const ticketIds = tickets.map(({ id }) => id);
	const participants = (await db('ticket_participants')
		.select('id', 'ticket', 'contact')
		.whereIn('ticket', ticketIds)) as { id: number; ticket: number; contact: number }[];
	const expected = [
		...tickets.filter(({ contact }) => contact !== null).map(({ id, contact }) => `${id}:${contact}:-`),
		...participants.map(({ id, ticket, contact }) => `${ticket}:${contact}:${id}`),
	];
	const rows = (await db('ticket_followers')
		.select('ticket', 'contact', 'participant')
		.whereIn('ticket', ticketIds)) as { ticket: number; contact: number; participant: number | null }[];
	const actual = rows.map(({ ticket, contact, participant }) => `${ticket}:${contact}:${participant ?? '-'}`);
	expect(actual.sort(), `seed ${seed}: ${what}`).toEqual(expected.sort());
}

beforeAll(async () => {
	db = directDatabase();
	customer = ok(
		await api<{ id: number }>('POST', '/items/customers', { body: { name: prefix } }),
		'creating the customer',
	).id;
	for (let i = 0; i < 5; i++) await newContact();
});
afterAll(() => db.destroy());

describe('ticket_followers through Directus', () => {
	test('Was installed when Directus started', async () => {
		const log = await readFile(directusUnderTest().logFile, 'utf8');
		expect(log.slice(log.lastIndexOf('$ directus start'))).toMatch(
			/Customer Portal: the triggers that keep ticket_followers \(version [0-9a-f]{12}\) installed at start-up/,
		);
	});

	test('Stays exact through random ticket, requester and participant writes, and contact deletes', async () => {
		for (let step = 0; step < 60; step++) {
			const contacts = await contactsOfCustomer();
			const tickets = await ticketsOfCustomer();
			const participants = await participantRows();
			const someContact = () => (rng.chance(0.15) ? null : rng.pick(contacts));
			const roll = rng.next();
			let what: string;
			if (tickets.length < 3 || roll < 0.2) {
				const contact = someContact();
				const joining = contacts.filter(() => rng.chance(0.3));
				what = `create a ticket for ${contact} with participants ${joining.join(',')}`;
				ok(
					await api('POST', '/items/tickets', {
						body: { customer, subject: 'S', contact, participants: joining.map((id) => ({ contact: id, kind: 'cc' })) },
					}),
					what,
				);
			} else if (roll < 0.35) {
				const ticket = rng.pick(tickets);
				const contact = someContact();
				what = `ticket ${ticket} to requester ${contact}`;
				ok(await api('PATCH', `/items/tickets/${ticket}`, { body: { contact } }), what);
			} else if (roll < 0.45) {
				const moving = tickets.filter(() => rng.chance(0.4));
				const contact = someContact();
				what = `tickets ${moving.join(',')} to requester ${contact} in one request`;
				if (moving.length > 0)
					ok(await api('PATCH', '/items/tickets', { body: { keys: moving, data: { contact } } }), what);
			} else if (roll < 0.6) {
				const ticket = rng.pick(tickets);
				const own = ids(await db('ticket_participants').select('id').where({ ticket }));
				const changing = own.filter(() => rng.chance(0.5));
				const joining = contacts.filter(() => rng.chance(0.2));
				what = `ticket ${ticket}: participants ${joining.join(',')} join, rows ${changing.join(',')} change contact`;
				const update = changing.map((id) => ({ id, contact: rng.pick(contacts) }));
				ok(
					await api('PATCH', `/items/tickets/${ticket}`, {
						body: { participants: { create: joining.map((contact) => ({ contact, kind: 'cc' })), update, delete: [] } },
					}),
					what,
				);
			} else if (roll < 0.7 && participants.length > 0) {
				const row = rng.pick(participants);
				const change = rng.chance(0.5) ? { contact: rng.pick(contacts) } : { ticket: rng.pick(tickets) };
				what = `participant row ${row} to ${JSON.stringify(change)}`;
				ok(await api('PATCH', `/items/ticket_participants/${row}`, { body: change }), what);
			} else if (roll < 0.78 && participants.length > 0) {
				const gone = participants.filter(() => rng.chance(0.3));
				what = `delete participant rows ${gone.join(',')}`;
				if (gone.length > 0) ok(await api('DELETE', '/items/ticket_participants', { body: gone }), what);
			} else if (roll < 0.85) {
				const gone = rng.pick(tickets);
				what = `delete ticket ${gone}`;
				ok(await api('DELETE', `/items/tickets/${gone}`), what);
			} else if (roll < 0.92 && contacts.length > 3) {
				// A requester and participant leaves: tickets.contact is set null, participant rows cascade.
				const gone = rng.pick(contacts);
				what = `delete contact ${gone}`;
				ok(await api('DELETE', `/items/contacts/${gone}`), what);
				await newContact();
			} else {
				const contact = someContact();
				what = `import a ticket for ${contact} with a participant, straight into the database`;
				const [{ id }] = (await db('tickets')
					.insert({ customer, subject: 'imported', status: 'new', contact })
					.returning('id')) as [{ id: number }];
				await db('ticket_participants').insert({ ticket: id, contact: rng.pick(contacts), kind: 'cc' });
			}
			await compare(`step ${step}: ${what}`);
		}
		expect(await bundledTicketFollowers.isExact(db)).toBe(true);
	});

	test('Survives a schema change to tickets, which on SQLite rebuilds the table and drops its triggers', async () => {
		const field = 'followers_test_flag';
		ok(
			await api('POST', '/fields/tickets', {
				body: { field, type: 'boolean', meta: { interface: 'boolean' }, schema: { default_value: false } },
			}),
			'adding a field',
		);
		try {
			// A write through Directus finds the triggers missing and puts them back first.
			const contact = rng.pick(await contactsOfCustomer());
			ok(
				await api('POST', '/items/tickets', { body: { customer, subject: 'after a schema change', contact } }),
				'creating a ticket',
			);
			expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(true);
			await compare('after a new field on tickets');
		} finally {
			ok(await api('DELETE', `/fields/tickets/${field}`), 'removing the field');
		}
		const ticket = rng.pick(await ticketsOfCustomer());
		ok(
			await api('PATCH', `/items/tickets/${ticket}`, {
				body: {
					participants: {
						create: [{ contact: rng.pick(await contactsOfCustomer()), kind: 'cc' }],
						update: [],
						delete: [],
					},
				},
			}),
			'adding a participant',
		);
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(true);
		await compare('after a field of tickets was removed');
		expect(await bundledTicketFollowers.isExact(db)).toBe(true);
	});

	test('Keeps ticket_followers out of anyone’s hands, the admin’s included', async () => {
		const [ticket] = await ticketsOfCustomer();
		const contact = rng.pick(await contactsOfCustomer());
		const [row] = (await db('ticket_followers').select('id').limit(1)) as { id: number }[];
		for (const response of [
			await api('POST', '/items/ticket_followers', { body: { ticket, contact } }),
			await api('PATCH', `/items/ticket_followers/${row?.id}`, { body: { contact } }),
			await api('DELETE', `/items/ticket_followers/${row?.id}`),
			await api('PATCH', `/items/tickets/${ticket}`, { body: { followers: [{ contact }] } }),
		]) {
			expect({ status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
				status: 403,
				code: 'TICKET_FOLLOWERS_READ_ONLY',
			});
		}
		await compare('after attempts to edit ticket_followers');
	});
});
