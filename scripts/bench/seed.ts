/**
 * Seeds the benchmark's help desk straight into PostgreSQL, in bulk: one `INSERT … SELECT generate_series`
 * per table and batch, so a million tickets take minutes. Customers go in parents first, so the
 * product's triggers keep `customer_tree` exact as they would for any import. Every name comes from the data map
 * the portal runs on, so the same world goes into the second help desk (organizations, people, cases, …).
 */
import type { Knex } from 'knex';
import type { DataMap, ObjectMap } from '../../src/data-map/data-map.ts';
import type { ObjectName } from '../../src/data-map/object-specs.ts';

export interface BenchSizes {
	tickets: number;
	customers: number;
	contacts: number;
	comments: number;
	projects: number;
	devices: number;
}

/** The world at 1M tickets (10,000 customers, 50,000 contacts, 200,000 comments), scaled by ticket count. */
export function sizesFor(tickets: number): BenchSizes {
	const customers = Math.max(2_500, Math.round(tickets / 100));
	return {
		tickets,
		customers,
		contacts: Math.max(customers * 2, Math.round(tickets / 20)),
		comments: Math.round(tickets / 5),
		projects: Math.max(100, Math.round(tickets / 100)),
		devices: Math.max(100, Math.round(tickets / 50)),
	};
}

/**
 * The tree: customer 1 is "the parent" with 2,000 customers below it (50 children with 39 children each,
 * and 10 chains 8 deep hanging below its first child); every other customer is a root of its own.
 */
export const parentCustomer = 1;
export const parentChild = 2;
export const chainHeads = Array.from({ length: 10 }, (_unused, index) => 2_002 - 80 + index * 8);

function parentOf(id: number): number | null {
	if (id === 1) return null;
	if (id <= 51) return 1;
	if (id <= 1_921) return 2 + Math.floor((id - 52) / 39);
	if (id <= 2_001) return (id - 1_922) % 8 === 0 ? parentChild : id - 1;
	return null;
}

/** A stored name of `map`: an object's collection, or the field playing one of its roles. */
function namesOn(map: DataMap) {
	const table = (object: ObjectName) => (map[object] as ObjectMap).collection;
	const column = (object: ObjectName, role: string) => {
		const stored = ((map[object] as ObjectMap).fields as Record<string, string | null>)[role];
		if (!stored) throw new Error(`The bench needs ${object}.${role} on its map`);
		return stored;
	};
	/** The value a portal state is stored as. */
	const state = (object: ObjectName, role: string, portal: string) =>
		((map[object] as ObjectMap).states as Record<string, Record<string, string[]>> | undefined)?.[role]?.[
			portal
		]?.[0] ?? portal;
	return { table, column, state };
}

/**
 * Seeds the world into the collections `map` names (the bundled help desk, or the second: people keyed by
 * `personKey(n)` where `uuidContacts`), every name through the map: the same tree, contacts, tickets with their
 * requesters, every other ticket with a colleague as participant, comments of which every third is internal, and
 * projects and devices where the map has them.
 */
export async function seed(
	knex: Knex,
	sizes: BenchSizes,
	progress: (message: string) => void,
	{ map, uuidContacts = false }: { map: DataMap; uuidContacts?: boolean },
): Promise<void> {
	const started = Date.now();
	const step = (message: string) => progress(`${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	const { table, column, state } = namesOn(map);
	const serial = (object: ObjectName) =>
		knex.raw(`SELECT setval(pg_get_serial_sequence(?, ?), (SELECT MAX(??) FROM ??))`, [
			table(object),
			column(object, 'id'),
			column(object, 'id'),
			table(object),
		]);
	const contactKey = (expression: string) => (uuidContacts ? personKey(expression) : expression);

	// Customers, parents first (the hierarchy triggers read the parent's ancestors).
	for (let from = 1; from <= sizes.customers; from += 1_000) {
		const rows = [];
		for (let id = from; id < Math.min(from + 1_000, sizes.customers + 1); id++)
			rows.push({
				[column('customers', 'id')]: id,
				[column('customers', 'name')]: `Customer ${id}`,
				[column('customers', 'parent')]: parentOf(id),
				[column('customers', 'visible_to_parent')]: true,
			});
		await knex(table('customers')).insert(rows);
	}
	await serial('customers');
	step(`${sizes.customers.toLocaleString('en')} customers`);

	// Contact n belongs to customer ((n - 1) % customers) + 1, so a customer's contacts are easy to name.
	await inBatches(sizes.contacts, 50_000, (from, to) =>
		knex.raw(
			`INSERT INTO ?? (??, ??, ??, ??, ??)
			 SELECT ${contactKey('g')}, 'Bench', 'Contact ' || g, 'contact-' || g || '@bench.example.com', ((g - 1) % ?) + 1 FROM generate_series(?::int, ?::int) g`,
			[
				table('contacts'),
				...['id', 'first_name', 'last_name', 'email', 'customer'].map((role) => column('contacts', role)),
				sizes.customers,
				from,
				to,
			],
		),
	);
	if (!uuidContacts) await serial('contacts');
	step(`${sizes.contacts.toLocaleString('en')} contacts`);

	// Tickets spread evenly over customers and time; the requester is a contact of the ticket's customer.
	const perCustomer = Math.floor(sizes.contacts / sizes.customers);
	const states = ['new', 'open', 'pending', 'closed'].map((portal) => state('tickets', 'status', portal));
	await inBatches(sizes.tickets, 100_000, async (from, to) => {
		await knex.raw(
			`INSERT INTO ?? (??, ??, ??, ??, ??, ??)
			 SELECT g, 'Ticket ' || g, (ARRAY[?, ?, ?, ?])[1 + g % 4], ((g - 1) % ?) + 1,
			        ${contactKey('((g - 1) % ?) + 1 + ? * (g % ?)')}, TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute'
			 FROM generate_series(?::int, ?::int) g`,
			[
				table('tickets'),
				...['id', 'subject', 'status', 'customer', 'requester', 'date_created'].map((role) => column('tickets', role)),
				...states,
				sizes.customers,
				sizes.customers,
				sizes.customers,
				perCustomer,
				from,
				to,
			],
		);
		// Every other ticket has a colleague of the requester as a participant.
		await knex.raw(
			`INSERT INTO ?? (??, ??) SELECT g, ${contactKey('((g - 1) % ?) + 1 + ? * ((g + 1) % ?)')}
			 FROM generate_series(?::int, ?::int) g WHERE g % 2 = 0`,
			[
				table('ticket_participants'),
				column('ticket_participants', 'ticket'),
				column('ticket_participants', 'contact'),
				sizes.customers,
				sizes.customers,
				perCustomer,
				from,
				to,
			],
		);
		progress(`  tickets ${to.toLocaleString('en')} / ${sizes.tickets.toLocaleString('en')}`);
	});
	await serial('tickets');
	step(`${sizes.tickets.toLocaleString('en')} tickets with participants`);

	await inBatches(sizes.comments, 100_000, (from, to) =>
		knex.raw(
			`INSERT INTO ?? (??, ??, ??, ??)
			 SELECT ((g * 5 - 1) % ?) + 1, 'Comment ' || g, g % 3 = 0, TIMESTAMP '2020-01-01' + g * INTERVAL '5 minutes'
			 FROM generate_series(?::int, ?::int) g`,
			[
				table('ticket_replies'),
				...['ticket', 'body', 'internal', 'date_created'].map((role) => column('ticket_replies', role)),
				sizes.tickets,
				from,
				to,
			],
		),
	);
	step(`${sizes.comments.toLocaleString('en')} comments`);

	for (const [object, label, extra] of [
		['projects', 'Project', { role: 'status', value: 'active' }],
		['devices', 'Device', { role: 'type', value: 'other' }],
	] as const) {
		if (!map[object]) continue;
		await knex.raw(
			`INSERT INTO ?? (??, ??, ??) SELECT '${label} ' || g, ?, ((g - 1) % ?) + 1 FROM generate_series(1, ?) g`,
			[
				table(object),
				column(object, 'name'),
				column(object, extra.role),
				column(object, 'customer'),
				extra.value,
				sizes.customers,
				object === 'projects' ? sizes.projects : sizes.devices,
			],
		);
		step(`${(object === 'projects' ? sizes.projects : sizes.devices).toLocaleString('en')} ${object}`);
	}

	await knex.raw('ANALYZE');
	step('analysed');
}

/** The uuid of person number `expression` (an SQL integer expression) in the second help desk. */
export const personKey = (expression: string) =>
	`('00000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;

async function inBatches(
	total: number,
	size: number,
	work: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
	for (let from = 1; from <= total; from += size) await work(from, Math.min(from + size - 1, total));
}
