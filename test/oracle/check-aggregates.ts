/**
 * Aggregates as the contact: counts must equal the model's (tickets per customer, devices, comments),
 * counted as `countDistinct` of the key — Directus 11's plain `count` counts a row once per related row
 * a permission filter joins through (e.g. a ticket's participants), which inflates it without adding
 * any row the contact may not read; the portal app counts with `countDistinct` for that reason.
 * and aggregating or grouping by a field the contact may not read (tickets.assignee,
 * devices.admin_password) must be refused or say nothing.
 */
import { dataOf } from './oracle-http.ts';
import { asContact, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf } from './reference-model.ts';

type AggregateRow = Record<string, unknown>;

function countOf(row: AggregateRow, name = 'countDistinct'): number {
	const count = row[name];
	return Number(typeof count === 'object' && count !== null ? Object.values(count)[0] : count);
}

/**
 * When a count is too high, whether it counts rows the contact may not read (a leak) or the same rows
 * several times (a wrong answer): `countDistinct` of the key tells, per group.
 */
async function distinctCounts(
	context: OracleContext,
	path: string,
	groupBy?: string,
): Promise<Map<string, number> | undefined> {
	const answer = await asContact(context, 'GET', path);
	const rows = dataOf<AggregateRow[] | undefined>(answer);
	if (answer.status !== 200 || !Array.isArray(rows)) return undefined;
	return new Map(rows.map((row) => [groupBy ? keyOf(row[groupBy] as string) : '', countOf(row, 'countDistinct')]));
}

export async function checkAggregates(context: OracleContext): Promise<void> {
	const access = context.session.access;
	const world = context.session.seeded.world;

	const ticketIds = readableOf(access, 'tickets').ids;
	const expected = new Map<string, number>();
	for (const ticket of world.tickets)
		if (ticketIds.has(keyOf(ticket.id)))
			expected.set(keyOf(ticket.customer), (expected.get(keyOf(ticket.customer)) ?? 0) + 1);
	const byCustomer = async (): Promise<void> => {
		const path = '/items/tickets?aggregate[countDistinct]=id&groupBy[]=customer&limit=-1';
		const answer = await asContact(context, 'GET', path);
		if (answer.status === 403 && expected.size === 0) return;
		const rows = dataOf<AggregateRow[] | undefined>(answer);
		if (answer.status !== 200 || !Array.isArray(rows)) {
			report(
				context,
				'deviation',
				'aggregate',
				`GET ${path}`,
				JSON.stringify(Object.fromEntries(expected)),
				`${answer.status} ${answer.text.slice(0, 200)}`,
			);
			return;
		}
		const got = new Map(rows.map((row) => [keyOf(row['customer'] as string), countOf(row)]));
		const customers = new Set([...expected.keys(), ...got.keys()]);
		const wrong = [...customers].filter((customer) => (expected.get(customer) ?? 0) !== (got.get(customer) ?? 0));
		if (wrong.length > 0) {
			const distinct = await distinctCounts(
				context,
				'/items/tickets?aggregate[countDistinct]=id&groupBy[]=customer&limit=-1',
				'customer',
			);
			const extraRows =
				!distinct || wrong.some((customer) => (distinct.get(customer) ?? 0) > (expected.get(customer) ?? 0));
			report(
				context,
				extraRows ? 'leak' : 'deviation',
				'aggregate',
				`GET ${path}`,
				wrong.map((customer) => `customer ${customer}: ${expected.get(customer) ?? 0}`).join(', '),
				wrong.map((customer) => `customer ${customer}: ${got.get(customer) ?? 0}`).join(', ') +
					(distinct
						? ` (countDistinct id: ${wrong.map((customer) => `customer ${customer}: ${distinct.get(customer) ?? 0}`).join(', ')}${extraRows ? '' : ' — the same rows counted more than once'})`
						: ''),
				extraRows ? undefined : 'aggregate|tickets-by-customer',
			);
		}
	};

	const total = async (collection: string, path: string): Promise<void> => {
		const want = readableOf(access, collection).ids.size;
		const answer = await asContact(context, 'GET', path);
		if (answer.status === 403 && want === 0) return;
		const rows = dataOf<AggregateRow[] | undefined>(answer);
		const got = Array.isArray(rows) && rows[0] ? countOf(rows[0]) : NaN;
		if (answer.status === 200 && got === want) return;
		if (answer.status !== 200 || got < want) {
			report(
				context,
				'deviation',
				'aggregate',
				`GET ${path}`,
				`count ${want}`,
				answer.status === 200 ? `count ${got}` : `${answer.status} ${answer.text.slice(0, 200)}`,
			);
			return;
		}
		const distinct = (await distinctCounts(context, `/items/${collection}?aggregate[countDistinct]=id`))?.get('');
		const extraRows = distinct === undefined || distinct > want;
		report(
			context,
			extraRows ? 'leak' : 'deviation',
			'aggregate',
			`GET ${path}`,
			`count ${want}`,
			`count ${got} (countDistinct id: ${distinct ?? '?'}${extraRows ? '' : ' — the same rows counted more than once'})`,
			extraRows ? undefined : `aggregate|${collection}`,
		);
	};

	/** Grouping or aggregating by a field the contact may not read: refused, or nothing but nulls. */
	const hidden = async (path: string, field: string): Promise<void> => {
		const answer = await asContact(context, 'GET', path);
		if (answer.status === 403 || answer.status === 400) return;
		const rows = dataOf<AggregateRow[] | undefined>(answer);
		const values = (Array.isArray(rows) ? rows : []).map((row) => {
			const value =
				row[field] ??
				(
					Object.values(row).find((entry) => typeof entry === 'object' && entry !== null && field in entry) as
						AggregateRow | undefined
				)?.[field];
			return value;
		});
		if (answer.status === 200 && values.every((value) => value === null || value === undefined)) return;
		report(
			context,
			answer.status === 200 ? 'leak' : 'deviation',
			'aggregate',
			`GET ${path}`,
			'403 or nothing',
			`${answer.status} ${answer.text.slice(0, 300)}`,
		);
	};

	await Promise.all([
		byCustomer(),
		total('devices', '/items/devices?aggregate[countDistinct]=id'),
		total('ticket_comments', '/items/ticket_comments?aggregate[countDistinct]=id'),
		total('project_notes', '/items/project_notes?aggregate[countDistinct]=id'),
		hidden('/items/tickets?aggregate[count]=*&groupBy[]=assignee', 'assignee'),
		hidden('/items/devices?aggregate[max]=admin_password', 'admin_password'),
	]);
}
