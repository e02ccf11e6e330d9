/**
 * `filter` on fields the contact may not read, directly or through a relation: Directus must refuse the
 * filter or find nothing, or a contact could learn a hidden value one yes/no question at a time
 * (a device's admin password, who a ticket is assigned to, whether a comment is internal, …).
 * Each probe is built so that, were the field readable, it would match at least one row. Aliasing a
 * hidden field (`alias[x]=assignee`) must not bring it back, and sorting by a hidden field must be
 * refused or not follow its values.
 */
import { dataOf } from './oracle-http.ts';
import { asContact, listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf } from './reference-model.ts';
import type { Id } from './world.ts';

interface FilterProbe {
	path: string;
	/** Rows the contact may see in the answer anyway (their own contact row for `user`). */
	tolerated?: Set<string>;
	/** `deviation` where rows in the answer would tell the contact nothing they could not know. */
	severity?: 'leak' | 'deviation';
}

export async function checkFilters(context: OracleContext): Promise<void> {
	const { random, session } = context;
	const { world } = session.seeded;
	const access = session.access;
	const readable = (collection: string, id: Id): boolean => readableOf(access, collection).ids.has(keyOf(id));
	const fields = (collection: string): Set<string> => readableOf(access, collection).fields;
	const probes: FilterProbe[] = [];
	const query = (value: unknown): string => encodeURIComponent(String(value));

	const device = random.maybePick(world.devices.filter((row) => row.customer === access.contact.customer));
	if (device)
		probes.push({
			path: `/items/devices?filter[admin_password][_eq]=${query(device.admin_password)}&fields=id&limit=-1`,
		});
	const assigned = random.maybePick(
		world.tickets.filter((row) => row.assignee !== null && readable('tickets', row.id)),
	);
	if (assigned) {
		probes.push({ path: `/items/tickets?filter[assignee][_eq]=${query(assigned.assignee)}&fields=id&limit=-1` });
		probes.push({
			path: `/items/ticket_comments?filter[ticket][assignee][_eq]=${query(assigned.assignee)}&fields=id&limit=-1`,
		});
	}
	probes.push({ path: '/items/ticket_comments?filter[is_internal][_eq]=true&fields=id&limit=-1' });
	probes.push({ path: '/items/project_notes?filter[is_internal][_eq]=true&fields=id&limit=-1' });
	probes.push({ path: '/items/ticket_attachments?filter[is_public][_eq]=false&fields=id&limit=-1' });
	if (!fields('tickets').has('priority')) {
		const prioritised = random.maybePick(
			world.tickets.filter((row) => row.priority !== null && readable('tickets', row.id)),
		);
		if (prioritised)
			probes.push({ path: `/items/tickets?filter[priority][_eq]=${query(prioritised.priority)}&fields=id&limit=-1` });
	}
	if (!fields('projects').has('estimated_hours'))
		probes.push({ path: '/items/projects?filter[estimated_hours][_gte]=0&fields=id&limit=-1' });
	probes.push({ path: '/items/customers?filter[visible_to_parent][_eq]=false&fields=id&limit=-1' });
	probes.push({ path: '/items/customers?filter[visible_to_parent][_eq]=true&fields=id&limit=-1' });
	probes.push({ path: '/items/tickets?filter[customer][visible_to_parent][_eq]=false&fields=id&limit=-1' });
	const location = random.maybePick(world.locations.filter((row) => readable('locations', row.id)));
	if (location)
		probes.push({ path: `/items/locations?filter[address][_eq]=${query(location.address)}&fields=id&limit=-1` });
	probes.push({ path: '/items/kb_articles?filter[status][_eq]=draft&fields=id&limit=-1' });
	probes.push({
		path: '/items/contacts?filter[user][_nnull]=true&fields=id&limit=-1',
		tolerated: new Set([keyOf(access.contact.id)]),
	});
	probes.push({
		path: '/items/contacts?filter[portal_group][_nnull]=true&fields=id&limit=-1',
		tolerated: new Set([keyOf(access.contact.id)]),
	});
	probes.push({
		path: '/items/devices?filter[created_by_contact][user][_nnull]=true&fields=id&limit=-1',
		tolerated: new Set(
			world.devices
				.filter((row) => row.created_by_contact === access.contact.id && readable('devices', row.id))
				.map((row) => keyOf(row.id)),
		),
	});
	probes.push({ path: '/users?filter[role][_nnull]=true&fields=id&limit=-1', severity: 'deviation' });

	await Promise.all([
		...probes.map(async ({ path, tolerated, severity = 'leak' }) => {
			const answer = await asContact(context, 'GET', path);
			if (answer.status === 403 || answer.status === 400) return;
			const rows = dataOf<{ id: Id }[] | undefined>(answer);
			const revealed = Array.isArray(rows) ? rows.map((row) => keyOf(row.id)).filter((id) => !tolerated?.has(id)) : [];
			if (answer.status === 200 && Array.isArray(rows) && revealed.length === 0) return;
			report(
				context,
				answer.status === 200 ? severity : 'deviation',
				'filter',
				`GET ${path}`,
				'403 or no rows (the filtered field is not readable)',
				answer.status === 200 ? `rows ${listIds(revealed)}` : `${answer.status} ${answer.text.slice(0, 200)}`,
			);
		}),
		...[
			['tickets', 'assignee'],
			['devices', 'admin_password'],
			['ticket_comments', 'is_internal'],
			['contacts', 'user'],
		].map(async ([collection, field]) => {
			if (!collection || !field || fields(collection).has(field)) return;
			const path = `/items/${collection}?alias[peek]=${field}&fields=id,peek&limit=-1`;
			const answer = await asContact(context, 'GET', path);
			if (answer.status === 403 || answer.status === 400) return;
			const rows = dataOf<Record<string, unknown>[] | undefined>(answer);
			const tolerated = collection === 'contacts' ? keyOf(access.contact.id) : undefined;
			const peeked = (Array.isArray(rows) ? rows : []).filter(
				(row) => row['peek'] !== null && row['peek'] !== undefined && keyOf(row['id'] as string) !== tolerated,
			);
			if (answer.status === 200 && peeked.length === 0) return;
			report(
				context,
				answer.status === 200 ? 'leak' : 'deviation',
				'filter',
				`GET ${path}`,
				`403, or no ${field} through the alias`,
				answer.status === 200
					? `${field} of rows ${listIds(peeked.map((row) => row['id']))}`
					: `${answer.status} ${answer.text.slice(0, 200)}`,
			);
		}),
		checkHiddenSort(context),
	]);
}

/** Sorting readable devices by admin_password must be refused, or come back in an order that ignores it. */
async function checkHiddenSort(context: OracleContext): Promise<void> {
	const { session } = context;
	const readable = readableOf(session.access, 'devices').ids;
	const devices = session.seeded.world.devices.filter((row) => readable.has(keyOf(row.id)));
	if (devices.length < 3) return;
	const path = '/items/devices?sort=admin_password&fields=id&limit=-1';
	const answer = await asContact(context, 'GET', path);
	if (answer.status === 403 || answer.status === 400) return;
	const rows = dataOf<{ id: Id }[] | undefined>(answer);
	if (answer.status !== 200 || !Array.isArray(rows)) {
		report(
			context,
			'deviation',
			'filter',
			`GET ${path}`,
			'403, 400 or 200',
			`${answer.status} ${answer.text.slice(0, 200)}`,
		);
		return;
	}
	const got = rows.map((row) => keyOf(row.id)).join(',');
	const byPassword = [...devices]
		.sort((a, b) => (a.admin_password < b.admin_password ? -1 : a.admin_password > b.admin_password ? 1 : 0))
		.map((row) => keyOf(row.id))
		.join(',');
	const byId = [...devices]
		.sort((a, b) => Number(a.id) - Number(b.id))
		.map((row) => keyOf(row.id))
		.join(',');
	if (got === byPassword && got !== byId)
		report(
			context,
			'leak',
			'filter',
			`GET ${path}`,
			'refused, or an order that does not follow admin_password',
			`ordered by admin_password: ${got}`,
		);
}
