/**
 * Creates what the product's snapshot holds and the database lacks — whole collections, fields and
 * relations of the product's, nothing else — with Directus's own schema tooling (a snapshot diff applied
 * by its SchemaService, in one transaction). A difference in something that exists (a note a team edited,
 * an index, one of their own collections) is never applied: the product only adds.
 */
import type { Accountability, ExtensionsServices, Snapshot, SnapshotDiff } from '@directus/types';
import type { Knex } from 'knex';
import type { ProductNames } from './product-schema.ts';

/** Directus's SchemaService answers admins only; this is the product's own maintenance. */
export const installerAccountability = {
	admin: true,
	app: false,
	role: null,
	roles: [],
	user: null,
	ip: null,
} as unknown as Accountability;

export interface SchemaAdditions {
	collections: string[];
	fields: string[];
	relations: string[];
}

/** A diff entry that brings a whole new object, not a change to one that exists. */
function isWholeNew(entry: { diff: readonly { kind: string; path?: unknown }[] }): boolean {
	return entry.diff.length === 1 && entry.diff[0]?.kind === 'N' && entry.diff[0].path === undefined;
}

/** The part of `diff` that only adds the product's own objects. */
export function onlyProductAdditions(diff: SnapshotDiff, names: ProductNames): SnapshotDiff {
	const collections = new Set(names.collections);
	const systemFields = new Set(names.systemFields);
	return {
		collections: diff.collections.filter((entry) => collections.has(entry.collection) && isWholeNew(entry)),
		fields: diff.fields.filter(
			(entry) =>
				(collections.has(entry.collection) || systemFields.has(`${entry.collection}.${entry.field}`)) &&
				isWholeNew(entry),
		),
		systemFields: [],
		relations: diff.relations.filter((entry) => collections.has(entry.collection) && isWholeNew(entry)),
	};
}

export async function addMissingSchema(
	services: ExtensionsServices,
	knex: Knex,
	snapshot: Snapshot,
	names: ProductNames,
): Promise<SchemaAdditions> {
	// The SchemaService reads the schema from the database itself; the overview the type asks for is unused.
	const schemaService = new services.SchemaService({
		knex,
		accountability: installerAccountability,
		schema: undefined as never,
	});
	const current = await schemaService.snapshot();
	const diff = await schemaService.diff(snapshot, { currentSnapshot: current, force: true });
	const additions = diff
		? onlyProductAdditions(diff, names)
		: { collections: [], fields: [], systemFields: [], relations: [] };
	const added: SchemaAdditions = {
		collections: additions.collections.map(({ collection }) => collection),
		fields: additions.fields.map(({ collection, field }) => `${collection}.${field}`),
		relations: additions.relations.map(({ collection, field }) => `${collection}.${field}`),
	};
	if (added.collections.length + added.fields.length + added.relations.length === 0) return added;
	await schemaService.apply({ hash: schemaService.getHashedSnapshot(current).hash, diff: additions });
	return added;
}
