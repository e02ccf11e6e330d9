/**
 * The ticket-followers triggers on an in-memory SQLite, written to with plain SQL as any importer would,
 * compared after every write with the pairs computed here from the rows; the same triggers on
 * PostgreSQL, and through Directus, are covered by test/integration/ticket-followers.test.ts.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ensureDerivedTable } from '../../../src/database/ensure-derived-table.ts';
import { triggerSet } from '../../../src/database/trigger-set.ts';
import { triggersAreCurrent } from '../../../src/database/triggers-are-current.ts';
import { TicketFollowersReadOnlyError } from '../../../src/errors/ticket-followers-read-only-error.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { Random } from '../../support/random.ts';
import { bundledTicketFollowers } from '../../support/bundled-derived-tables.ts';

async function openDatabase(foreignKeys: boolean): Promise<Knex> {
	const db = inMemorySqlite(foreignKeys);
	// The tables as Directus's `schema apply` creates them (the columns that matter here).
	await db.raw('CREATE TABLE contacts (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, first_name varchar(255) NULL)');
	await db.raw(
		'CREATE TABLE tickets (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, subject varchar(255) NOT NULL, contact integer NULL, FOREIGN KEY (contact) REFERENCES contacts (id) ON DELETE SET NULL)',
	);
	const pair =
		'ticket integer NOT NULL, contact integer NOT NULL, FOREIGN KEY (ticket) REFERENCES tickets (id) ON DELETE CASCADE, FOREIGN KEY (contact) REFERENCES contacts (id) ON DELETE CASCADE';
	await db.raw(`CREATE TABLE ticket_participants (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, ${pair})`);
	await db.raw(
		`CREATE TABLE ticket_followers (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, participant integer NULL, ${pair}, FOREIGN KEY (participant) REFERENCES ticket_participants (id) ON DELETE CASCADE)`,
	);
	return db;
}

const ids = async (db: Knex, table: string) =>
	((await db(table).select('id').orderBy('id')) as { id: number }[]).map(({ id }) => id);

/** The rows the table must hold, computed from the rows: each requester and each participant row, dangling or not. */
async function expectedRows(db: Knex): Promise<string[]> {
	const tickets = (await db('tickets').select('id', 'contact').whereNotNull('contact')) as {
		id: number;
		contact: number;
	}[];
	const participants = (await db('ticket_participants').select('id', 'ticket', 'contact')) as {
		id: number;
		ticket: number;
		contact: number;
	}[];
	return [
		...tickets.map(({ id, contact }) => `${id}:${contact}:-`),
		...participants.map(({ id, ticket, contact }) => `${ticket}:${contact}:${id}`),
	].sort();
}

async function actualRows(db: Knex): Promise<string[]> {
	const rows = (await db('ticket_followers').select('ticket', 'contact', 'participant')) as {
		ticket: number;
		contact: number;
		participant: number | null;
	}[];
	return rows.map(({ ticket, contact, participant }) => `${ticket}:${contact}:${participant ?? '-'}`).sort();
}

/** Which tickets each contact follows, from the table and from the rows: what the portal's rule reads. */
async function followedTickets(db: Knex): Promise<{ actual: string[]; expected: string[] }> {
	const pairs = (rows: string[]) => [...new Set(rows.map((row) => row.split(':').slice(0, 2).join(':')))].sort();
	return { actual: pairs(await actualRows(db)), expected: pairs(await expectedRows(db)) };
}

describe.each([true, false])('The ticket-followers triggers on SQLite, foreign keys enforced: %s', (foreignKeys) => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase(foreignKeys);
		await ensureDerivedTable(db, bundledTicketFollowers);
	});
	afterEach(() => db.destroy());

	test('Keep ticket_followers exact through random writes made with plain SQL', async () => {
		const seed = Number(process.env['PORTAL_FOLLOWERS_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
		const rng = new Random(seed);
		for (let step = 0; step < 400; step++) {
			const contacts = await ids(db, 'contacts');
			const tickets = await ids(db, 'tickets');
			const participants = await ids(db, 'ticket_participants');
			// Dangling ids too, when foreign keys are off: an import may write them.
			const someContact = () => (rng.chance(0.1) ? null : (rng.maybePick(contacts) ?? null));
			const roll = rng.next();
			let operation: string;
			if (contacts.length < 4 || roll < 0.1) {
				operation = 'insert a contact';
				await db('contacts').insert({ first_name: 'c' });
			} else if (tickets.length < 4 || roll < 0.25) {
				const rows = Array.from({ length: rng.int(1, 3) }, () => ({ subject: 's', contact: someContact() }));
				operation = `insert tickets for ${rows.map((row) => row.contact).join(',')}`;
				await db('tickets').insert(rows);
			} else if (roll < 0.4) {
				const ticket = rng.pick(tickets);
				const contact = someContact();
				operation = `ticket ${ticket} to requester ${contact}`;
				await db('tickets').update({ contact }).where('id', ticket);
			} else if (roll < 0.45) {
				const moving = tickets.filter(() => rng.chance(0.3));
				const contact = someContact();
				operation = `tickets ${moving.join(',')} to requester ${contact} in one statement`;
				await db('tickets').update({ contact }).whereIn('id', moving);
			} else if (roll < 0.65) {
				// The requester again, or a contact already taking part: a pair justified twice.
				const ticket = rng.pick(tickets);
				const contact = rng.pick(contacts);
				operation = `participant ${contact} on ${ticket}`;
				await db('ticket_participants').insert({ ticket, contact });
			} else if (roll < 0.75 && participants.length > 0) {
				const participant = rng.pick(participants);
				const change = rng.chance(0.5) ? { contact: rng.pick(contacts) } : { ticket: rng.pick(tickets) };
				operation = `participant row ${participant} to ${JSON.stringify(change)}`;
				await db('ticket_participants').update(change).where('id', participant);
			} else if (roll < 0.87 && participants.length > 0) {
				const gone = participants.filter(() => rng.chance(0.2));
				operation = `delete participant rows ${gone.join(',')}`;
				await db('ticket_participants').delete().whereIn('id', gone);
			} else if (roll < 0.94) {
				const gone = rng.pick(tickets);
				operation = `delete ticket ${gone}`;
				await db('tickets').delete().where('id', gone);
			} else {
				const gone = rng.pick(contacts);
				operation = `delete contact ${gone}`;
				await db('contacts').delete().where('id', gone);
			}
			expect(await actualRows(db), `seed ${seed}, step ${step}: ${operation}`).toEqual(await expectedRows(db));
		}
		expect(await bundledTicketFollowers.isExact(db)).toBe(true);
		const { actual, expected } = await followedTickets(db);
		expect(actual).toEqual(expected);
		expect(actual.length).toBeGreaterThan(10);
	});
});

describe('ensureDerivedTable(ticketFollowersDerivedTable) on SQLite', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase(true);
	});
	afterEach(() => db.destroy());

	test('Builds the table from tickets already there, then does nothing', async () => {
		await db('contacts').insert([{ first_name: 'a' }, { first_name: 'b' }]);
		await db('tickets').insert([
			{ subject: 's', contact: 1 },
			{ subject: 't', contact: null },
		]);
		await db('ticket_participants').insert([
			{ ticket: 1, contact: 1 },
			{ ticket: 1, contact: 2 },
			{ ticket: 2, contact: 2 },
		]);
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(false);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			status: 'ready',
			installed: true,
			rebuilt: true,
			rows: 4,
		});
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			status: 'ready',
			installed: false,
			rebuilt: false,
		});
		expect(await actualRows(db)).toEqual(['1:1:-', '1:1:1', '1:2:2', '2:2:3']);
	});

	test('Rebuilds a table edited by hand: a stray row would show a contact someone else’s ticket, a duplicate is repaired too', async () => {
		await ensureDerivedTable(db, bundledTicketFollowers);
		await db('contacts').insert([{ first_name: 'a' }, { first_name: 'b' }]);
		await db('tickets').insert([{ subject: 's', contact: 1 }]);
		await db('ticket_followers').insert({ ticket: 1, contact: 2 });
		expect(await bundledTicketFollowers.isExact(db)).toBe(false);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			installed: false,
			rebuilt: true,
			rows: 1,
		});
		await db('ticket_followers').insert({ ticket: 1, contact: 1 });
		expect(await bundledTicketFollowers.isExact(db)).toBe(false);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			installed: false,
			rebuilt: true,
			rows: 1,
		});
		expect(await actualRows(db)).toEqual(['1:1:-']);
	});

	test('Reinstalls a dropped trigger and catches up with what it missed', async () => {
		await ensureDerivedTable(db, bundledTicketFollowers);
		await db('contacts').insert([{ first_name: 'a' }]);
		await db.raw('DROP TRIGGER portal_ticket_followers_ticket_insert');
		await db('tickets').insert([{ subject: 's', contact: 1 }]);
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(false);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			installed: true,
			rebuilt: true,
			rows: 1,
		});
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(true);
	});

	test('An upgrade that only changes the triggers reinstalls them and leaves an exact table as it is', async () => {
		await ensureDerivedTable(db, bundledTicketFollowers);
		await db('contacts').insert([{ first_name: 'a' }]);
		await db('tickets').insert([{ subject: 's', contact: 1 }]);
		await db.raw('DROP TRIGGER portal_ticket_followers_participant_insert');
		await db.raw(
			'CREATE TRIGGER portal_ticket_followers_participant_insert AFTER INSERT ON ticket_participants FOR EACH ROW BEGIN /* customer-portal ticket_followers 000000000000 */ INSERT INTO ticket_followers (ticket, contact, participant) VALUES (NEW.ticket, NEW.contact, NEW.id); END',
		);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			installed: true,
			rebuilt: false,
			rows: null,
		});
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(true);
		expect(await actualRows(db)).toEqual(['1:1:-']);
	});

	test('Do not stand in the way of a schema change to tickets, participants or contacts, which SQLite makes by copying, dropping and renaming the table', async () => {
		await ensureDerivedTable(db, bundledTicketFollowers);
		await db('contacts').insert([{ first_name: 'a' }]);
		await db('tickets').insert([{ subject: 's', contact: 1 }]);
		await db('ticket_participants').insert([{ ticket: 1, contact: 1 }]);
		for (const table of ['contacts', 'tickets', 'ticket_participants']) {
			await db.schema.alterTable(table, (builder) => builder.string('extra'));
			// Dropping a column is what Directus does through a copy of the table (knex's `_knex_temp_alter…`).
			await db.schema.alterTable(table, (builder) => builder.dropColumn('extra'));
		}
		// The copy dropped the triggers on tickets and participants; putting them back catches up.
		await db('tickets').insert([{ subject: 't', contact: 1 }]);
		expect(await triggersAreCurrent(db, bundledTicketFollowers.triggers)).toBe(false);
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toMatchObject({
			installed: true,
			rebuilt: true,
			rows: 3,
		});
		expect(await actualRows(db)).toEqual(['1:1:-', '1:1:1', '2:1:-']);
	});

	test('Leaves a database without the table alone', async () => {
		await db.raw('DROP TABLE ticket_followers');
		expect(await ensureDerivedTable(db, bundledTicketFollowers)).toEqual({
			status: 'schema-missing',
			missing: ['ticket_followers'],
		});
	});
});

describe('ticketFollowersTriggers', () => {
	test('Are named with their prefix and marked with their version on both databases', () => {
		for (const dialect of ['sqlite3', 'pg'] as const) {
			const set = triggerSet(bundledTicketFollowers.triggers, dialect);
			expect(set.version).toMatch(/^[0-9a-f]{12}$/);
			for (const { name } of set.triggers) {
				expect(name).toMatch(/^portal_ticket_followers_/);
				const marked =
					dialect === 'pg'
						? set.statements.filter((statement) => statement.startsWith(`COMMENT ON TRIGGER ${name} `))
						: set.statements.filter((statement) => statement.startsWith(`CREATE TRIGGER ${name} `));
				expect(marked.join('')).toContain(set.marker);
			}
		}
	});

	test('TicketFollowersReadOnlyError tells staff what to change instead', () => {
		const error = new TicketFollowersReadOnlyError();
		expect(error.message).toMatch(/requester or participants/);
		expect([error.status, error.code]).toEqual([403, 'TICKET_FOLLOWERS_READ_ONLY']);
	});
});
