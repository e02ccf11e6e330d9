/**
 * Seeds the benchmark's help desk straight into PostgreSQL, in bulk: one `INSERT … SELECT generate_series`
 * per table and batch, so a million tickets take minutes. Customers go in parents first, so the
 * product's triggers keep `customer_tree` exact as they would for any import.
 */
import type { Knex } from 'knex';

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

export async function seed(knex: Knex, sizes: BenchSizes, progress: (message: string) => void): Promise<void> {
	const started = Date.now();
	const step = (message: string) => progress(`${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

	// Customers, parents first (the hierarchy triggers read the parent's ancestors).
	for (let from = 1; from <= sizes.customers; from += 1_000) {
		const rows = [];
		for (let id = from; id < Math.min(from + 1_000, sizes.customers + 1); id++)
			rows.push({ id, name: `Customer ${id}`, parent: parentOf(id) });
		await knex('customers').insert(rows);
	}
	await knex.raw(`SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT MAX(id) FROM customers))`);
	step(`${sizes.customers.toLocaleString('en')} customers`);

	// Contact n belongs to customer ((n - 1) % customers) + 1, so a customer's contacts are easy to name.
	await inBatches(sizes.contacts, 50_000, (from, to) =>
		knex.raw(
			`INSERT INTO contacts (id, first_name, last_name, email, customer)
			 SELECT g, 'Bench', 'Contact ' || g, 'contact-' || g || '@bench.example.com', ((g - 1) % ?) + 1 FROM generate_series(?::int, ?::int) g`,
			[sizes.customers, from, to],
		),
	);
	await knex.raw(`SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT MAX(id) FROM contacts))`);
	step(`${sizes.contacts.toLocaleString('en')} contacts`);

	// Tickets spread evenly over customers and time; the requester is a contact of the ticket's customer.
	const perCustomer = Math.floor(sizes.contacts / sizes.customers);
	await inBatches(sizes.tickets, 100_000, async (from, to) => {
		await knex.raw(
			`INSERT INTO tickets (id, subject, status, customer, contact, date_created)
			 SELECT g, 'Ticket ' || g, (ARRAY['new','open','pending','closed'])[1 + g % 4],
			        ((g - 1) % :customers) + 1,
			        ((g - 1) % :customers) + 1 + :customers * (g % :perCustomer),
			        TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute'
			 FROM generate_series(:from::int, :to::int) g`,
			{ customers: sizes.customers, perCustomer, from, to },
		);
		// Every other ticket has a colleague of the requester as a participant.
		await knex.raw(
			`INSERT INTO ticket_participants (ticket, contact, kind)
			 SELECT g, ((g - 1) % :customers) + 1 + :customers * ((g + 1) % :perCustomer), 'cc'
			 FROM generate_series(:from::int, :to::int) g WHERE g % 2 = 0`,
			{ customers: sizes.customers, perCustomer, from, to },
		);
		progress(`  tickets ${to.toLocaleString('en')} / ${sizes.tickets.toLocaleString('en')}`);
	});
	await knex.raw(`SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT MAX(id) FROM tickets))`);
	step(`${sizes.tickets.toLocaleString('en')} tickets with participants`);

	await inBatches(sizes.comments, 100_000, (from, to) =>
		knex.raw(
			`INSERT INTO ticket_comments (ticket, body, is_internal, date_created)
			 SELECT ((g * 5 - 1) % :tickets) + 1, 'Comment ' || g, g % 3 = 0, TIMESTAMP '2020-01-01' + g * INTERVAL '5 minutes'
			 FROM generate_series(:from::int, :to::int) g`,
			{ tickets: sizes.tickets, from, to },
		),
	);
	step(`${sizes.comments.toLocaleString('en')} comments`);

	await knex.raw(
		`INSERT INTO projects (name, status, customer) SELECT 'Project ' || g, 'active', ((g - 1) % ?) + 1 FROM generate_series(1, ?) g`,
		[sizes.customers, sizes.projects],
	);
	await knex.raw(
		`INSERT INTO devices (name, type, customer) SELECT 'Device ' || g, 'other', ((g - 1) % ?) + 1 FROM generate_series(1, ?) g`,
		[sizes.customers, sizes.devices],
	);
	step(`${sizes.projects.toLocaleString('en')} projects, ${sizes.devices.toLocaleString('en')} devices`);

	await knex.raw('ANALYZE');
	step('analysed');
}

async function inBatches(
	total: number,
	size: number,
	work: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
	for (let from = 1; from <= total; from += size) await work(from, Math.min(from + size - 1, total));
}
