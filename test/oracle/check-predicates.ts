/**
 * Predicates through every relation of the schema, with values taken from rows the contact may not
 * read: a filter, sort or count() through a relation must never depend on such a row (Directus applies
 * related rows' rules only inside `_some` / `_none`, directus/directus#15437). For a sample of relations
 * per contact, each leading from a collection they read to a row they may not:
 * - a many-to-one compared by its key is the row's own column: exactly the readable rows holding it;
 * - a many-to-one tested beyond its key, a bare one-to-many, a relational sort and count() are refused;
 * - `_some` never matches through the hidden row, and `_none` is every readable row despite it;
 * - over GraphQL (for the contacts the run checks GraphQL for), the bare and `_some` forms alike.
 */
import { dataOf, type HttpAnswer } from './oracle-http.ts';
import { listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf } from './reference-model.ts';
import { allRelations } from './schema-relations.ts';
import { hasField } from './on-map.ts';
import type { Id, World } from './world.ts';

type Row = Record<string, unknown> & { id: Id };

/** A collection's rows in the world; its users are the staff and the contacts' logins. */
function rowsOf(world: World, collection: string): Row[] | undefined {
	if (collection === 'directus_users') {
		const logins = world.contacts
			.filter((contact) => contact.user !== null)
			.map(({ user, email, first_name, last_name }) => ({ id: user as Id, email, first_name, last_name }));
		return [...(world.staff as unknown as Row[]), ...logins];
	}
	const rows = (world as unknown as Record<string, unknown>)[collection];
	return Array.isArray(rows) ? (rows as Row[]) : undefined;
}

/** The REST path of a collection's items. */
const itemsPath = (collection: string) =>
	collection.startsWith('directus_') ? `/${collection.slice('directus_'.length)}` : `/items/${collection}`;

/**
 * The schema the predicates are asked of, and what the model says of it: by default the oracle's (the bundled
 * names, the world's rows); on a data map, the stored schema itself (`check-stored-schema.ts`), asked as is.
 */
export interface PredicateSchema {
	relations: { collection: string; field: string; relation: { collection: string; many: boolean } }[];
	rows(collection: string): Row[] | undefined;
	readable(collection: string, id: Id): boolean;
	fieldReadable(collection: string, field: string): boolean;
	/** The primary key field of a collection (rows carry their key as `id` too). */
	primaryKey(collection: string): string;
	/** The requests name stored fields: sent untranslated. */
	stored: boolean;
}

function oracleSchema(context: OracleContext): PredicateSchema {
	const { world } = context.session.seeded;
	const access = context.session.access;
	return {
		// On a data map, the relations it has (the stored schema's own are asked by `check-stored-schema.ts`).
		relations: allRelations().filter(
			({ collection, field }) => !context.http.map || hasField(context.http.map, collection, field),
		),
		rows: (collection) => rowsOf(world, collection),
		readable: (collection, id) => readableOf(access, collection).ids.has(keyOf(id)),
		fieldReadable: (collection, field) => readableOf(access, collection).fields.has(field),
		primaryKey: () => 'id',
		stored: false,
	};
}

/** What an answer must be: refused, or exactly these rows (a row outside them that is unreadable is a leak). */
type Expected = 'refused' | { ids: Set<string>; orRefused: boolean };

export async function checkPredicates(
	context: OracleContext,
	graphql: boolean,
	schema: PredicateSchema = oracleSchema(context),
): Promise<void> {
	const { random } = context;
	const { readable, primaryKey } = schema;
	const relationOf = (collection: string, field: string) =>
		schema.relations.find((entry) => entry.collection === collection && entry.field === field)?.relation;
	/** A plain text value of the row: a field that is neither its key nor a relation. */
	const textOf = (collection: string, row: Row): [string, string] | undefined =>
		Object.entries(row).find(
			(entry): entry is [string, string] =>
				typeof entry[1] === 'string' &&
				entry[0] !== 'id' &&
				entry[0] !== primaryKey(collection) &&
				relationOf(collection, entry[0]) === undefined,
		);
	const readsAny = (collection: string) => (schema.rows(collection) ?? []).some((row) => readable(collection, row.id));
	const candidates = schema.relations.filter(
		({ collection, relation }) => readsAny(collection) && schema.rows(relation.collection),
	);
	const probes: { collection: string; path: string; expected: Expected; graphql?: string }[] = [];

	for (const { collection, field, relation } of random.sample(candidates, 6)) {
		const hidden = random.maybePick(
			(schema.rows(relation.collection) ?? []).filter((row) => !readable(relation.collection, row.id)),
		);
		if (!hidden) continue;
		const readableRows = (schema.rows(collection) ?? []).filter((row) => readable(collection, row.id));
		const fieldReadable = schema.fieldReadable(collection, field);
		const base = `${itemsPath(collection)}?fields=${primaryKey(collection)}&limit=-1`;
		const hiddenKey = primaryKey(relation.collection);
		const key = encodeURIComponent(String(hidden.id));
		const text = textOf(relation.collection, hidden);
		if (!relation.many) {
			if (readableRows.some((row) => field in row)) {
				const holding = readableRows.filter(
					(row) => row[field] !== null && row[field] !== undefined && keyOf(row[field] as Id) === keyOf(hidden.id),
				);
				probes.push({
					collection,
					path: `${base}&filter[${field}][_eq]=${key}`,
					expected: fieldReadable ? { ids: new Set(holding.map((row) => keyOf(row.id))), orRefused: false } : 'refused',
				});
			}
			if (text) {
				probes.push({
					collection,
					path: `${base}&filter[${field}][${text[0]}][_eq]=${encodeURIComponent(text[1])}`,
					expected: 'refused',
					graphql: `{ ${field}: { ${text[0]}: { _eq: ${JSON.stringify(text[1])} } } }`,
				});
				probes.push({ collection, path: `${base}&sort=${field}.${text[0]}`, expected: 'refused' });
			}
		} else {
			probes.push({
				collection,
				path: `${base}&filter[${field}][${hiddenKey}][_eq]=${key}`,
				expected: 'refused',
				graphql: `{ ${field}: { ${hiddenKey}: { _eq: ${JSON.stringify(String(hidden.id))} } } }`,
			});
			probes.push({
				collection,
				path: `${base}&filter[${field}][_some][${hiddenKey}][_eq]=${key}`,
				expected: { ids: new Set(), orRefused: true },
			});
			probes.push({
				collection,
				path: `${base}&filter[${field}][_none][${hiddenKey}][_eq]=${key}`,
				expected: { ids: new Set(readableRows.map((row) => keyOf(row.id))), orRefused: true },
			});
			probes.push({ collection, path: `${base}&filter[count(${field})][_gt]=0`, expected: 'refused' });
		}
	}

	await Promise.all(
		probes.map(async ({ collection, path, expected }) => {
			const answer = await context.http.call('GET', path, { token: context.session.token, stored: schema.stored });
			judge(context, `GET ${path}`, answer, expected, primaryKey(collection), (id) => readable(collection, id));
		}),
	);

	if (!graphql) return;
	for (const { collection, graphql: filter } of probes) {
		if (!filter || collection.startsWith('directus_')) continue;
		const key = primaryKey(collection);
		const query = `{ ${collection}(filter: ${filter}, limit: -1) { ${key} } }`;
		const answer = await context.http.call('POST', '/graphql', {
			token: context.session.token,
			body: { query },
			stored: schema.stored,
		});
		const rows = dataOf<Record<string, Record<string, Id>[] | null> | undefined>(answer)?.[collection];
		if (!Array.isArray(rows)) continue;
		report(
			context,
			rows.some((row) => !readable(collection, row[key] as Id)) ? 'leak' : 'deviation',
			'predicates',
			`POST /graphql ${query}`,
			'an error: the predicate goes through a relation',
			`rows ${listIds(rows.map((row) => row[key]))}`,
		);
	}
}

function judge(
	context: OracleContext,
	request: string,
	answer: HttpAnswer,
	expected: Expected,
	key: string,
	readable: (id: Id) => boolean,
): void {
	const refused = answer.status === 400 || answer.status === 403;
	if (refused && (expected === 'refused' || expected.orRefused)) return;
	const rows = dataOf<Record<string, Id>[] | undefined>(answer)?.map((row) => ({ id: row[key] as Id }));
	if (answer.status !== 200 || !Array.isArray(rows)) {
		report(
			context,
			'deviation',
			'predicates',
			request,
			expected === 'refused' ? '400 or 403' : `rows ${listIds(expected.ids)}`,
			`${answer.status} ${answer.text.slice(0, 200)}`,
		);
		return;
	}
	const got = rows.map((row) => keyOf(row.id));
	if (expected !== 'refused' && got.length === expected.ids.size && got.every((id) => expected.ids.has(id))) return;
	const unreadable = rows.filter((row) => !readable(row.id));
	report(
		context,
		unreadable.length > 0 || (expected === 'refused' && got.length > 0) ? 'leak' : 'deviation',
		'predicates',
		request,
		expected === 'refused' ? '400 or 403 (the predicate goes through a relation)' : `rows ${listIds(expected.ids)}`,
		`rows ${listIds(got)}`,
	);
}
