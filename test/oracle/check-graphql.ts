/**
 * GraphQL (POST /graphql) as the contact: the schema Directus builds for them must hold no field the
 * reference model denies, and tickets, projects and devices queried with their relations nested three
 * levels deep must give the same ids as the model and no unreadable nested row.
 */
import { dataOf } from './oracle-http.ts';
import { asContact, listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { keyOf, readableCollections, unreadableCollections } from './reference-model.ts';
import { RowInspector } from './row-inspector.ts';

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

const known = new Set<string>([...readableCollections, ...unreadableCollections]);

function named(type: TypeRef): TypeRef {
	return type.ofType ? named(type.ofType) : type;
}

/** A selection set for a type, nested `depth` more levels into other collections' types. */
function selection(types: Map<string, SchemaType>, typeName: string, depth: number): string {
	const type = types.get(typeName);
	const parts: string[] = [];
	for (const field of type?.fields ?? []) {
		if (field.name.startsWith('__') || field.name.endsWith('_func')) continue;
		const target = named(field.type);
		if (target.kind === 'SCALAR' || target.kind === 'ENUM') parts.push(field.name);
		else if (target.kind === 'OBJECT' && target.name && known.has(target.name)) {
			if (depth > 0) parts.push(`${field.name} { ${selection(types, target.name, depth - 1)} }`);
			else if (types.get(target.name)?.fields?.some((candidate) => candidate.name === 'id'))
				parts.push(`${field.name} { id }`);
		}
	}
	return parts.length > 0 ? parts.join(' ') : 'id';
}

export async function checkGraphql(
	context: OracleContext,
	roots: readonly string[] = ['tickets', 'projects', 'devices'],
): Promise<void> {
	const access = context.session.access;
	const schemaAnswer = await asContact(context, 'POST', '/graphql', { query: introspection });
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
		const readable = readableOf(access, name);
		const tolerated = new Set([...readable.tolerated.values()].flatMap((fields) => [...fields]));
		const extra = (type.fields ?? [])
			.map((field) => field.name)
			.filter((field) => !field.endsWith('_func') && !readable.fields.has(field) && !tolerated.has(field));
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
			if (!queryFields.has(root)) {
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
			const query = `{ ${root}(limit: -1) { ${selection(types, root, 3)} } }`;
			const request = `POST /graphql { ${root}(limit: -1) { … 3 levels … } }`;
			const answer = await asContact(context, 'POST', '/graphql', { query });
			const data = dataOf<Record<string, unknown> | undefined>(answer);
			const rows = data?.[root];
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
