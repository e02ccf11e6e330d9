import type { SchemaOverview } from '@directus/types';
import { currentContext, type LifecycleContext } from './lifecycle-context.ts';

/** Names among `names` that are collections now: tables Directus knows, and folders (collections without a table). */
async function presentCollections(
	context: LifecycleContext,
	schema: SchemaOverview,
	names: readonly string[],
): Promise<{ tables: string[]; folders: string[] }> {
	const tables = names.filter((name) => name in schema.collections);
	const rows = (await context
		.knex('directus_collections')
		.select('collection')
		.whereIn('collection', [...names])) as { collection: string }[];
	const folders = rows.map((row) => row.collection).filter((name) => !tables.includes(name));
	return { tables, folders };
}

/**
 * Removes the collections through Directus's CollectionsService (which drops the table and removes its
 * fields, relations, presets, permissions, revisions and activity, the aliases pointing at it and the
 * folder links to it). A table another table still points at cannot be dropped: fields of other
 * collections that point at one of these are removed first through the FieldsService, and the
 * collections are dropped in an order where nothing remaining points at them. Folders go last.
 * Idempotent: what is already gone is skipped. `removed` hears each collection and field as it goes.
 */
export async function removeCollections(
	context: LifecycleContext,
	names: readonly string[],
	removed: (what: string) => void = () => undefined,
): Promise<void> {
	const removing = new Set(names);
	for (;;) {
		const schema = await context.getSchema();
		const { tables, folders } = await presentCollections(context, schema, names);
		const maintenance = { knex: context.knex, schema, accountability: null };
		const pointing = schema.relations.filter(
			(relation) =>
				relation.related_collection !== null &&
				tables.includes(relation.related_collection) &&
				relation.collection !== relation.related_collection &&
				relation.collection in schema.collections,
		);
		// A field of a collection that stays (or of one that a cycle keeps from going first) that points at one that goes.
		const outside = pointing.find((relation) => !removing.has(relation.collection));
		const free = tables.find(
			(table) =>
				!pointing.some((relation) => relation.related_collection === table && tables.includes(relation.collection)),
		);
		const blocking = outside ?? (free === undefined ? pointing[0] : undefined);
		if (blocking) {
			await new context.services.FieldsService(maintenance).deleteField(blocking.collection, blocking.field);
			removed(`field ${blocking.collection}.${blocking.field}`);
			continue;
		}
		// Directus drops the table before removing the fields that point at it, so a field pointing at its own
		// collection (a parent, say) would be removed from a table already gone: remove it first.
		const selfReference = schema.relations.find(
			(relation) => relation.collection === free && relation.related_collection === free,
		);
		if (selfReference) {
			await new context.services.FieldsService(maintenance).deleteField(selfReference.collection, selfReference.field);
			removed(`field ${selfReference.collection}.${selfReference.field}`);
			continue;
		}
		const next = free ?? folders[0];
		if (next === undefined) return;
		await new context.services.CollectionsService(maintenance).deleteOne(next);
		removed(`collection ${next}`);
	}
}

/** Removes the fields that exist among `fields` (by collection) through Directus's FieldsService. Idempotent. */
export async function removeFields(
	context: LifecycleContext,
	fields: Readonly<Record<string, readonly string[]>>,
	removed: (what: string) => void = () => undefined,
): Promise<void> {
	for (const [collection, names] of Object.entries(fields)) {
		for (const field of names) {
			const { schema } = await currentContext(context);
			if (!(collection in schema.collections)) continue;
			// A field with no data (a button on the item page) is in directus_fields only: Directus's schema leaves it out.
			const present =
				field in (schema.collections[collection]?.fields ?? {}) ||
				(await context.knex('directus_fields').where({ collection, field }).first()) !== undefined;
			if (!present) continue;
			await new context.services.FieldsService({ knex: context.knex, schema, accountability: null }).deleteField(
				collection,
				field,
			);
			removed(`field ${collection}.${field}`);
		}
	}
}
