/**
 * On a data map, the outsider's questions asked of the team's schema as it is stored, untranslated: the
 * predicate probes (`check-predicates.ts`) through every relation the mapped collections have — the map's and
 * the team's own (`people.billing_org`, `organizations.account_manager`, …) — and, of the fields that play no
 * role, which no capability grants: a filter, sort, aggregate, group, `count()`, `_some`, field list or GraphQL
 * filter naming one is refused or shows nothing, and a search for a word only such a field holds finds nothing.
 */
import type { DataMap } from '../../src/data-map/data-map.ts';
import { type ObjectName, objectNames, objectSpecs } from '../../src/data-map/object-specs.ts';
import { checkPredicates, type PredicateSchema } from './check-predicates.ts';
import { dataOf, type OracleHttp } from './oracle-http.ts';
import { listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { storedRoleFields } from './on-map.ts';
import { keyOf } from './reference-model.ts';
import type { Id } from './world.ts';

type Row = Record<string, unknown> & { id: Id };

/** The mapped collections as stored: fields (with their types), keys and relations, read once per run. */
export interface StoredSchema {
	/** Object of each mapped collection. */
	objects: Map<string, ObjectName>;
	fields: Map<string, { field: string; type: string }[]>;
	primaryKeys: Map<string, string>;
	relations: PredicateSchema['relations'];
}

export async function readStoredSchema(http: OracleHttp, map: DataMap): Promise<StoredSchema> {
	const objects = new Map<string, ObjectName>();
	for (const name of objectNames) {
		const mapped = map[name];
		if (mapped) objects.set(mapped.collection, name);
	}
	const fields = new Map<string, { field: string; type: string }[]>();
	const primaryKeys = new Map<string, string>();
	for (const collection of objects.keys()) {
		const rows = await http.admin<{ field: string; type: string; schema: { is_primary_key?: boolean } | null }[]>(
			'GET',
			`/fields/${collection}`,
		);
		fields.set(
			collection,
			rows.map(({ field, type }) => ({ field, type })),
		);
		primaryKeys.set(collection, rows.find((row) => row.schema?.is_primary_key)?.field ?? 'id');
	}
	const relations: StoredSchema['relations'] = [];
	const stored = await http.admin<
		{
			collection: string;
			field: string;
			related_collection: string | null;
			meta: { one_field: string | null } | null;
		}[]
	>('GET', '/relations');
	const known = (collection: string) => objects.has(collection) || collection === 'directus_users';
	for (const relation of stored) {
		if (!relation.related_collection || !known(relation.collection) || !known(relation.related_collection)) continue;
		if (!objects.has(relation.collection) && !objects.has(relation.related_collection)) continue;
		relations.push({
			collection: relation.collection,
			field: relation.field,
			relation: { collection: relation.related_collection, many: false },
		});
		if (relation.meta?.one_field)
			relations.push({
				collection: relation.related_collection,
				field: relation.meta.one_field,
				relation: { collection: relation.collection, many: true },
			});
	}
	return { objects, fields, primaryKeys, relations };
}

/** Every row of the mapped collections as stored (every world's), each carrying its key as `id` too. */
export async function readStoredRows(http: OracleHttp, schema: StoredSchema): Promise<Map<string, Row[]>> {
	const rows = new Map<string, Row[]>();
	for (const collection of schema.objects.keys()) {
		const key = schema.primaryKeys.get(collection) ?? 'id';
		const found = await http.admin<Record<string, unknown>[]>('GET', `/items/${collection}?limit=-1&fields=*`);
		rows.set(
			collection,
			found.map((row) => ({ ...row, id: row[key] as Id })),
		);
	}
	return rows;
}

export async function checkStoredSchema(
	context: OracleContext,
	map: DataMap,
	schema: StoredSchema,
	rows: Map<string, Row[]>,
	graphql: boolean,
): Promise<void> {
	const access = context.session.access;
	const readableOfStored = (collection: string) => {
		const object = schema.objects.get(collection);
		return readableOf(access, object ? objectSpecs[object].bundled : collection);
	};
	const roleOf = (collection: string, field: string) => {
		const object = schema.objects.get(collection);
		return object ? storedRoleFields(map, object).get(field) : undefined;
	};
	const users = context.session.seeded.world;
	const predicateSchema: PredicateSchema = {
		relations: schema.relations,
		rows: (collection) =>
			collection === 'directus_users'
				? [
						...(users.staff as unknown as Row[]),
						...users.contacts.filter((row) => row.user !== null).map((row) => ({ id: row.user as Id })),
					]
				: rows.get(collection),
		readable: (collection, id) => readableOfStored(collection).ids.has(keyOf(id)),
		fieldReadable: (collection, field) => {
			const spec = roleOf(collection, field);
			return spec !== undefined && readableOfStored(collection).fields.has(spec.bundled);
		},
		primaryKey: (collection) => schema.primaryKeys.get(collection) ?? 'id',
		stored: true,
	};
	await checkPredicates(context, graphql, predicateSchema);
	await checkFieldsOfNoRole(context, schema, rows, predicateSchema, roleOf, graphql);
}

/** Probes of the fields that play no role, on a sample of the collections the contact reads rows of. */
async function checkFieldsOfNoRole(
	context: OracleContext,
	schema: StoredSchema,
	rows: Map<string, Row[]>,
	view: PredicateSchema,
	roleOf: (collection: string, field: string) => unknown,
	graphql: boolean,
): Promise<void> {
	const { random } = context;
	const probes: { collection: string; path: string; field: string; graphql?: string; search?: boolean }[] = [];
	const candidates = [...schema.fields].flatMap(([collection, fields]) =>
		(rows.get(collection) ?? []).some((row) => view.readable(collection, row.id))
			? fields.filter(({ field }) => roleOf(collection, field) === undefined).map((field) => ({ collection, ...field }))
			: [],
	);
	for (const { collection, field, type } of random.sample(candidates, 4)) {
		const key = view.primaryKey(collection);
		const base = `/items/${collection}?fields=${key}&limit=-1`;
		if (type === 'alias') {
			probes.push({ collection, field, path: `${base}&filter[count(${field})][_gt]=0` });
			probes.push({ collection, field, path: `${base}&filter[${field}][_some][_nnull]=true` });
			continue;
		}
		probes.push({
			collection,
			field,
			path: `${base}&filter[${field}][_nnull]=true`,
			graphql: `{ ${collection}(filter: { ${field}: { _nnull: true } }, limit: -1) { ${key} } }`,
		});
		probes.push({ collection, field, path: `${base}&sort=${field}` });
		probes.push({ collection, field, path: `/items/${collection}?aggregate[max]=${field}` });
		probes.push({ collection, field, path: `/items/${collection}?aggregate[count]=*&groupBy[]=${field}` });
		probes.push({ collection, field, path: `/items/${collection}?fields=${key},${field}&limit=-1` });
		// A word only this field holds, in a row the contact reads: a search for it finds nothing.
		const word = (rows.get(collection) ?? [])
			.filter((row) => view.readable(collection, row.id))
			.map((row) => row[field])
			.find((value): value is string => typeof value === 'string' && /^[a-z0-9]+$/.test(value));
		if (word) probes.push({ collection, field, path: `${base}&search=${word}`, search: true });
	}

	await Promise.all(
		probes.map(async ({ collection, field, path, search }) => {
			const answer = await context.http.call('GET', path, { token: context.session.token, stored: true });
			if (answer.status === 400 || answer.status === 403) return;
			const data = dataOf<Record<string, unknown>[] | undefined>(answer);
			if (answer.status !== 200 || !Array.isArray(data)) {
				report(context, 'deviation', 'stored-schema', `GET ${path}`, '400 or 403', `${answer.status}`);
				return;
			}
			const shown = data.filter((row) => row[field] !== undefined && row[field] !== null);
			const aggregated = path.includes('aggregate[') && data.some((row) => JSON.stringify(row).includes(field));
			const found = search ? data : [];
			const expected = path.includes('filter[') || path.includes('sort=') ? 'refused' : 'nothing of the field';
			if (shown.length > 0 || aggregated || found.length > 0 || expected === 'refused')
				report(
					context,
					shown.length > 0 || aggregated || found.length > 0 ? 'leak' : 'deviation',
					'stored-schema',
					`GET ${path}`,
					`${expected}: ${collection}.${field} plays no role of the data map`,
					`200 with rows ${listIds(data.map((row) => row[view.primaryKey(collection)]))}`,
				);
		}),
	);

	if (!graphql) return;
	for (const { collection, graphql: query } of probes) {
		if (!query) continue;
		const answer = await context.http.call('POST', '/graphql', {
			token: context.session.token,
			body: { query },
			stored: true,
		});
		const found = dataOf<Record<string, unknown[] | null> | undefined>(answer)?.[collection];
		if (!Array.isArray(found)) continue;
		report(
			context,
			found.length > 0 ? 'leak' : 'deviation',
			'stored-schema',
			`POST /graphql ${query}`,
			'an error: the field plays no role of the data map',
			`${found.length} row(s)`,
		);
	}
}
