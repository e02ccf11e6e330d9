/**
 * GraphQL (POST /graphql) as the contact: the schema Directus builds for them must hold no field the
 * reference model denies, and tickets, projects and devices queried with their relations nested three
 * levels deep must give the same ids as the model and no unreadable nested row. On a data map (`http.map`)
 * GraphQL speaks the stored names: the types are the mapped collections, and the rows come back into the
 * oracle's names as REST answers do (`on-map.ts`), every field that plays no role reported.
 */
import { dataOf } from './oracle-http.ts';
import { listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf, readableCollections, unreadableCollections } from './reference-model.ts';
import { RowInspector } from './row-inspector.ts';
import type { DataMap } from '../../src/data-map/data-map.ts';
import { type ObjectName, objectNames, objectSpecs } from '../../src/data-map/object-specs.ts';
import { storedNameOf } from '../../src/data-map/stored-name-of.ts';
import { appAnswer } from './on-map.ts';
import { objectOfBundled } from '../../src/data-map/to-stored-request.ts';

interface TypeRef {
	kind: string;
	name: string | null;
	ofType: TypeRef | null;
}

interface SchemaType {
	name: string;
	kind: string;
	fields: { name: string; type: TypeRef }[] | null;
}

const introspection = `{ __schema { queryType { name } types { name kind fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`;

const bundledKnown = new Set<string>([...readableCollections, ...unreadableCollections]);

/** GraphQL's names for the oracle's collections and fields: the bundled ones, or a data map's stored ones. */
interface GraphqlNames {
	/** The collections whose types the check knows. */
	known: Set<string>;
	/** The oracle's collection of a type. */
	collectionOf(type: string): string;
	/** The type of the oracle's collection, or null when the map has none. */
	typeOf(collection: string): string | null;
	/** The field the oracle calls `field` on `collection`, as GraphQL names it (null: the map does not have it). */
	fieldOf(collection: string, field: string): string | null;
	/** Rows of the oracle's `collection` as GraphQL answered them, in the oracle's names. */
	rowsBack(collection: string, rows: unknown[], request: string): unknown[];
}

const bundledNames: GraphqlNames = {
	known: bundledKnown,
	collectionOf: (type) => type,
	typeOf: (collection) => collection,
	fieldOf: (_collection, field) => field,
	rowsBack: (_collection, rows) => rows,
};

function namesOnMap(map: DataMap, context: OracleContext): GraphqlNames {
	const objectOfType = new Map<string, ObjectName>();
	for (const name of objectNames) {
		const mapped = map[name];
		if (mapped) objectOfType.set(mapped.collection, name);
	}
	const objectOf = (collection: string) => objectOfBundled(collection);
	return {
		known: new Set([...objectOfType.keys(), 'directus_users', 'directus_files']),
		collectionOf: (type) => {
			const object = objectOfType.get(type);
			return object ? objectSpecs[object].bundled : type;
		},
		typeOf: (collection) => {
			const object = objectOf(collection);
			return object ? (map[object]?.collection ?? null) : collection;
		},
		fieldOf: (collection, field) => {
			const object = objectOf(collection);
			return object ? (storedNameOf(map, object, field)?.stored[0] ?? null) : field;
		},
		rowsBack: (collection, rows, request) => {
			const object = objectOf(collection);
			if (!object) return rows;
			const answer = appAnswer(map, object, '/items/graphql', { data: rows }, (fields) =>
				context.http.onStray(request, fields, context.session.token),
			) as { data: unknown[] };
			return answer.data;
		},
	};
}

function named(type: TypeRef): TypeRef {
	return type.ofType ? named(type.ofType) : type;
}

/** A selection set for a type, nested `depth` more levels into other collections' types. */
function selection(types: Map<string, SchemaType>, known: Set<string>, typeName: string, depth: number): string {
	const type = types.get(typeName);
	const parts: string[] = [];
	for (const field of type?.fields ?? []) {
		if (field.name.startsWith('__') || field.name.endsWith('_func')) continue;
		const target = named(field.type);
		if (target.kind === 'SCALAR' || target.kind === 'ENUM') parts.push(field.name);
		else if (target.kind === 'OBJECT' && target.name && known.has(target.name)) {
			if (depth > 0) parts.push(`${field.name} { ${selection(types, known, target.name, depth - 1)} }`);
			else {
				// The key: `id`, else (a key of another name, on a data map) the field GraphQL types as an ID.
				const fields = types.get(target.name)?.fields ?? [];
				const key =
					fields.find((candidate) => candidate.name === 'id') ??
					fields.find((candidate) => named(candidate.type).name === 'ID');
				if (key) parts.push(`${field.name} { ${key.name} }`);
			}
		}
	}
	return parts.length > 0 ? parts.join(' ') : 'id';
}

export async function checkGraphql(
	context: OracleContext,
	roots: readonly string[] = ['tickets', 'projects', 'devices'],
): Promise<void> {
	const access = context.session.access;
	const names = context.http.map ? namesOnMap(context.http.map, context) : bundledNames;
	const { known } = names;
	const schemaAnswer = await context.http.call('POST', '/graphql', {
		token: context.session.token,
		body: { query: introspection },
	});
	const schema = dataOf<{ __schema: { queryType: { name: string }; types: SchemaType[] } } | undefined>(schemaAnswer);
	if (schemaAnswer.status !== 200 || !schema) {
		report(
			context,
			'deviation',
			'graphql',
			'POST /graphql (introspection)',
			'200',
			`${schemaAnswer.status} ${schemaAnswer.text.slice(0, 200)}`,
		);
		return;
	}
	const types = new Map(schema.__schema.types.map((type) => [type.name, type]));

	// The schema itself: a type per collection the contact may read, with only readable fields.
	for (const [name, type] of types) {
		if (!known.has(name) || type.kind !== 'OBJECT') continue;
		const collection = names.collectionOf(name);
		const readable = readableOf(access, collection);
		const allowed = new Set(
			[...readable.fields, ...[...readable.tolerated.values()].flatMap((fields) => [...fields])].map((field) =>
				names.fieldOf(collection, field),
			),
		);
		const extra = (type.fields ?? [])
			.map((field) => field.name)
			.filter((field) => !field.endsWith('_func') && !allowed.has(field));
		if (extra.length > 0)
			report(
				context,
				'deviation',
				'graphql',
				`POST /graphql (type ${name})`,
				`fields ${[...readable.fields].join(', ') || '(none)'}`,
				`also ${extra.join(', ')}`,
				`graphql-type|${name}|${extra.join(',')}`,
			);
	}

	const queryFields = new Set((types.get(schema.__schema.queryType.name)?.fields ?? []).map((field) => field.name));
	await Promise.all(
		roots.map(async (root) => {
			const readable = readableOf(access, root);
			const type = names.typeOf(root);
			if (type === null) return;
			if (!queryFields.has(type)) {
				if (readable.ids.size > 0)
					report(
						context,
						'deviation',
						'graphql',
						`POST /graphql { ${root} }`,
						`${readable.ids.size} row(s)`,
						`no ${root} in the contact's schema`,
					);
				return;
			}
			const query = `{ ${type}(limit: -1) { ${selection(types, known, type, 3)} } }`;
			const request = `POST /graphql { ${type}(limit: -1) { … 3 levels … } }`;
			const answer = await context.http.call('POST', '/graphql', {
				token: context.session.token,
				body: { query },
			});
			const data = dataOf<Record<string, unknown> | undefined>(answer);
			const answered = data?.[type];
			const rows = Array.isArray(answered) ? names.rowsBack(root, answered, request) : answered;
			if (answer.status !== 200 || !Array.isArray(rows)) {
				report(
					context,
					'deviation',
					'graphql',
					request,
					'200 with rows',
					`${answer.status} ${answer.text.slice(0, 300)}`,
				);
				return;
			}
			const inspector = new RowInspector(context);
			inspector.rows(root, rows);
			inspector.flush('graphql', request);
			const returned = new Set(rows.map((row) => keyOf((row as Record<string, unknown>)['id'] as string)));
			const missing = [...readable.ids].filter((id) => !returned.has(id));
			if (missing.length > 0)
				report(
					context,
					'deviation',
					'graphql',
					request,
					`rows ${listIds(readable.ids)}`,
					`missing ${listIds(missing)}`,
				);
		}),
	);
}
