/**
 * The core of the leak oracle: for one signed-in contact, lists every collection of the specification
 * over REST (`fields=*`, no limit) and compares ids and field names with the reference model; asks for
 * a few rows the contact may not read by id; checks /users/me and /users; and, for a sample of
 * contacts, that the collections nobody may read answer 403 or nothing.
 */
import { dataOf, type HttpAnswer } from './oracle-http.ts';
import { asContact, listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import {
	keyOf,
	type ReadableCollection,
	readableCollections,
	unreadableCollections,
	userFields,
} from './reference-model.ts';
import { RowInspector } from './row-inspector.ts';
import type { Id, WorldCollection } from './world.ts';

/** The REST path listing a collection. */
export function listPath(collection: string): string {
	if (collection === 'directus_files') return '/files';
	if (collection.startsWith('directus_')) return `/${collection.slice('directus_'.length)}`;
	return `/items/${collection}`;
}

function rowsOf(answer: HttpAnswer): unknown[] | undefined {
	const data = dataOf<unknown>(answer);
	return Array.isArray(data) ? data : undefined;
}

/** Compares one list answer with the model; returns the ids returned at the top level. */
export function compareList(
	context: OracleContext,
	check: string,
	collection: string,
	request: string,
	answer: HttpAnswer,
	{ exact = true } = {},
): Set<string> {
	const readable = readableOf(context.session.access, collection);
	if (answer.status === 403) {
		if (readable.ids.size > 0)
			report(
				context,
				'deviation',
				check,
				request,
				`200 with ${readable.ids.size} row(s) ${listIds(readable.ids)}`,
				'403',
			);
		return new Set();
	}
	const rows = rowsOf(answer);
	if (answer.status !== 200 || !rows) {
		report(
			context,
			'deviation',
			check,
			request,
			readable.ids.size > 0 ? `200 with ${readable.ids.size} row(s)` : '403 or an empty list',
			`${answer.status} ${answer.text.slice(0, 200)}`,
		);
		return new Set();
	}
	const inspector = new RowInspector(context);
	inspector.rows(collection, rows);
	inspector.flush(check, request);
	const returned = new Set(rows.map((row) => keyOf((row as Record<string, unknown> | null)?.['id'] as string)));
	if (exact) {
		const missing = [...readable.ids].filter((id) => !returned.has(id));
		if (missing.length > 0)
			report(context, 'deviation', check, request, `rows ${listIds(readable.ids)}`, `missing ${listIds(missing)}`);
		if (rows.length > 0) {
			const present = new Set(rows.flatMap((row) => Object.keys(row as object)));
			const absent = [...readable.fields].filter((field) => !present.has(field));
			if (absent.length > 0)
				report(
					context,
					'deviation',
					check,
					request,
					`fields ${[...readable.fields].join(', ')}`,
					`no ${absent.join(', ')}`,
					`missing-field|${collection}|${absent.join(',')}`,
				);
		}
	}
	return returned;
}

/** Every collection of the specification, listed by the contact. */
export async function checkRestLists(context: OracleContext): Promise<void> {
	await Promise.all(
		readableCollections.map(async (collection) => {
			const request = `GET ${listPath(collection)}?limit=-1&fields=*`;
			compareList(
				context,
				'rest-list',
				collection,
				request,
				await asContact(context, 'GET', `${listPath(collection)}?limit=-1&fields=*`),
			);
		}),
	);
}

/** The collections nobody in the portal may read: 403, an empty list, or a singleton without data. */
export async function checkUnreadable(
	context: OracleContext,
	collections: readonly string[] = unreadableCollections,
): Promise<void> {
	await Promise.all(
		collections.map(async (collection) => {
			const request = `GET ${listPath(collection)}?limit=-1`;
			const answer = await asContact(context, 'GET', `${listPath(collection)}?limit=-1`);
			if (answer.status === 403 || answer.status === 401) return;
			const data = dataOf<unknown>(answer);
			const empty =
				data === null ||
				data === undefined ||
				(Array.isArray(data) && data.length === 0) ||
				(typeof data === 'object' &&
					!Array.isArray(data) &&
					Object.values(data as object).every((value) => value === null));
			if (answer.status === 200 && empty) return;
			report(
				context,
				answer.status === 200 ? 'leak' : 'deviation',
				'rest-list',
				request,
				'403 or nothing',
				`${answer.status} ${answer.text.slice(0, 300)}`,
			);
		}),
	);
}

/** Rows of the world, by collection, that the contact may not read: candidates for GET by id. */
function unreadableIds(context: OracleContext, collection: ReadableCollection & WorldCollection): Id[] {
	const readable = readableOf(context.session.access, collection);
	return context.session.seeded.world[collection].map((row) => row.id).filter((id) => !readable.ids.has(keyOf(id)));
}

const probedById = [
	'tickets',
	'projects',
	'devices',
	'contacts',
	'customers',
	'locations',
	'invoices',
	'quotes',
	'ticket_comments',
	'project_notes',
	'ticket_attachments',
	'kb_articles',
	'documents',
] as const;

/** A few rows the contact may not read, asked for by id (403), and one they may (200). */
export async function checkRestItems(context: OracleContext, count = 3): Promise<void> {
	const { random } = context;
	const candidates = random
		.shuffle(probedById)
		.map((collection) => ({ collection, id: random.maybePick(unreadableIds(context, collection)) }))
		.filter((candidate): candidate is { collection: (typeof probedById)[number]; id: Id } => candidate.id !== undefined)
		.slice(0, count);
	await Promise.all(
		candidates.map(async ({ collection, id }) => {
			const request = `GET /items/${collection}/${keyOf(id)}`;
			const answer = await asContact(context, 'GET', `/items/${collection}/${keyOf(id)}?fields=*`);
			if (answer.status === 403 || answer.status === 404) return;
			report(
				context,
				answer.status === 200 ? 'leak' : 'deviation',
				'rest-item',
				request,
				'403',
				`${answer.status} ${answer.text.slice(0, 300)}`,
			);
		}),
	);
	const visible = random
		.shuffle(probedById)
		.find((collection) => readableOf(context.session.access, collection).ids.size > 0);
	if (visible) {
		const id = random.pick([...readableOf(context.session.access, visible).ids]);
		const request = `GET /items/${visible}/${id}`;
		const answer = await asContact(context, 'GET', `/items/${visible}/${id}?fields=*`);
		if (answer.status !== 200)
			report(context, 'deviation', 'rest-item', request, '200', `${answer.status} ${answer.text.slice(0, 200)}`);
		else {
			const inspector = new RowInspector(context);
			inspector.rows(visible, [dataOf<unknown>(answer)]);
			inspector.flush('rest-item', request);
		}
	}
	const staff = random.maybePick(context.session.seeded.world.staff);
	if (staff) {
		const answer = await asContact(context, 'GET', `/users/${keyOf(staff.id)}`);
		if (answer.status !== 403 && answer.status !== 404)
			report(
				context,
				answer.status === 200 ? 'leak' : 'deviation',
				'rest-item',
				`GET /users/<staff ${keyOf(staff.id)}>`,
				'403',
				`${answer.status} ${answer.text.slice(0, 200)}`,
			);
	}
}

/** /users/me answers their own user with readable fields only. */
export async function checkUsersMe(context: OracleContext): Promise<void> {
	const request = 'GET /users/me?fields=*';
	const answer = await asContact(context, 'GET', '/users/me?fields=*');
	const me = dataOf<Record<string, unknown> | undefined>(answer);
	if (answer.status !== 200 || !me) {
		report(
			context,
			'deviation',
			'rest-item',
			request,
			'200 with their own user',
			`${answer.status} ${answer.text.slice(0, 200)}`,
		);
		return;
	}
	if (keyOf(me['id'] as string) !== keyOf(context.session.access.contact.user as string)) {
		report(
			context,
			'leak',
			'rest-item',
			request,
			`user ${keyOf(context.session.access.contact.user as string)}`,
			`user ${keyOf(me['id'] as string)}`,
		);
	}
	const extra = Object.keys(me).filter((field) => !userFields.includes(field));
	if (extra.length > 0) {
		const revealing = extra.filter(
			(field) => me[field] !== null && !(Array.isArray(me[field]) && (me[field] as unknown[]).length === 0),
		);
		report(
			context,
			revealing.length > 0 ? 'leak' : 'deviation',
			'rest-item',
			request,
			`fields ${userFields.join(', ')}`,
			`also ${extra
				.map((field) => `${field}=${JSON.stringify(me[field])}`)
				.join(', ')
				.slice(0, 400)}`,
		);
	}
}
