/**
 * Creates the fields a data map's additions name (`additions` of `validateDataMap`) on the team's
 * collections, with Directus's own services as an admin, in the caller's transaction: a missing followers
 * collection with its columns, then the columns added to collections that exist, the relations of the
 * many-to-ones, and the aliases as the other side of their relations (see `planDataMapAdditions`).
 *
 * It only adds: whatever is there already is skipped (so a second run adds nothing), a team's field or
 * relation is never altered or dropped. Linking an alias is the one write to something that exists, the
 * relation's `one_field`, and only while it lists nothing (an alias named elsewhere is refused).
 *
 * On SQLite a foreign key can only be added to a table by rebuilding it, and a table rebuilt inside a
 * transaction (where foreign keys cannot be switched off) is dropped with its rows' foreign key actions:
 * the team's rows pointing at it would be cleared or deleted. There a many-to-one added to a table that
 * exists gets its column and foreign key in one `ALTER TABLE … ADD COLUMN … REFERENCES`, which SQLite
 * does in place, and Directus's records of the field and relation are written through its ItemsService.
 *
 * Directus clears its schema caches inside the transaction: clear them again after the commit. Its
 * Collections, Fields and RelationsService read the schema for their action events through the cache:
 * outside the transaction (on SQLite's one connection, held by the transaction, that waits for ever), or
 * waiting up to three times CACHE_SCHEMA_SYNC_TIMEOUT for a build elsewhere that waits for this
 * transaction's locks. Those events are not emitted.
 */
import type { ExtensionsServices, SchemaOverview, Snapshot } from '@directus/types';
import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { keyColumnType } from '../database/key-column-type.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { DataMapAddition } from '../data-map/data-map-problem.ts';
import { schemaFactsFromOverview } from '../data-map/schema-facts-from-overview.ts';
import { installerAccountability, type SchemaAdditions } from './add-missing-schema.ts';
import { type AddedField, type AddedRelation, planDataMapAdditions } from './plan-data-map-additions.ts';
import { productSnapshot } from './product-schema.ts';

export interface DataMapInstallContext {
	services: ExtensionsServices;
	/** The caller's transaction. */
	knex: Knex;
	/** Directus's `getSchema` (a hook's or an endpoint's), read afresh on `database` after each change. */
	getSchema: (options: { database: Knex; bypassCache: boolean }) => Promise<SchemaOverview>;
}

/** Options that keep a service from emitting the action event it would read the schema for outside the transaction. */
const noOutsideReads = { bypassEmitAction: () => undefined };

export async function applyDataMapAdditions(
	context: DataMapInstallContext,
	map: DataMap,
	additions: readonly DataMapAddition[],
	snapshot: Snapshot = productSnapshot(requireDatabaseDialect(context.knex)),
): Promise<SchemaAdditions> {
	const { services, knex } = context;
	const dialect = requireDatabaseDialect(knex);
	const added: SchemaAdditions = { collections: [], fields: [], relations: [] };
	let schema = await context.getSchema({ database: knex, bypassCache: true });
	const options = () => ({ knex, schema, accountability: installerAccountability });
	const refresh = async () => {
		schema = await context.getSchema({ database: knex, bypassCache: true });
	};
	const hasField = (collection: string, field: string) =>
		Object.hasOwn(schema.collections, collection) && Object.hasOwn(schema.collections[collection]?.fields ?? {}, field);
	const relationOf = (collection: string, field: string) =>
		schema.relations.find((relation) => relation.collection === collection && relation.field === field);
	const plan = planDataMapAdditions(map, additions, schemaFactsFromOverview(schema), snapshot);
	/** Fields this run made: only theirs get a relation, so that a field of the team's is never altered. */
	const created = new Set<string>();

	for (const { collection, meta, fields } of plan.collections) {
		if (Object.hasOwn(schema.collections, collection)) continue;
		await new services.CollectionsService(options()).createOne(
			{
				collection,
				meta,
				schema: {},
				fields: fields.map(({ field, type, meta: fieldMeta, schema: fieldSchema }) => ({
					field,
					type,
					meta: fieldMeta,
					schema: fieldSchema,
				})) as never,
			},
			noOutsideReads,
		);
		added.collections.push(collection);
		added.fields.push(...fields.map(({ field }) => `${collection}.${field}`));
		for (const { field } of fields) created.add(`${collection}.${field}`);
	}
	await refresh();

	const relationFor = (field: AddedField) =>
		plan.relations.find((relation) => relation.collection === field.collection && relation.field === field.field);
	for (const field of plan.fields) {
		if (hasField(field.collection, field.field)) continue;
		const relation = relationFor(field);
		if (relation && dialect === 'sqlite3') {
			await addSqliteReference(context, field, relation);
			added.relations.push(`${relation.collection}.${relation.field}`);
		} else
			await new services.FieldsService(options()).createField(
				field.collection,
				{
					field: field.field,
					type: field.type,
					meta: field.meta,
					schema: field.schema,
				} as never,
				undefined,
				noOutsideReads,
			);
		added.fields.push(`${field.collection}.${field.field}`);
		created.add(`${field.collection}.${field.field}`);
		// Before the next field: the services build on the schema they are given.
		await refresh();
	}

	for (const relation of plan.relations) {
		if (relationOf(relation.collection, relation.field) || !created.has(`${relation.collection}.${relation.field}`))
			continue;
		await new services.RelationsService(options()).createOne(relation as never, noOutsideReads);
		added.relations.push(`${relation.collection}.${relation.field}`);
		await refresh();
	}

	for (const { field, relation } of plan.aliases) {
		if (hasField(field.collection, field.field)) continue;
		const existing = relationOf(relation.collection, relation.field);
		const listedAs = existing?.meta?.one_field ?? null;
		if (!existing || (listedAs !== null && listedAs !== field.field))
			throw new Error(
				`${field.collection}.${field.field} cannot list ${relation.collection} through ${relation.field}: ${existing ? `it is listed as ${listedAs}` : 'that field has no relation'}.`,
			);
		await new services.FieldsService(options()).createField(
			field.collection,
			{
				field: field.field,
				type: field.type,
				meta: field.meta,
				schema: null,
			} as never,
			undefined,
			noOutsideReads,
		);
		await linkAlias(context, schema, relation, field.field);
		added.fields.push(`${field.collection}.${field.field}`);
		await refresh();
	}
	return added;
}

/**
 * Names `alias` as the other side of a relation, in Directus's record of it (the foreign key stays as it is:
 * Directus's RelationsService would drop and re-make it, with another on-delete).
 */
async function linkAlias(
	context: DataMapInstallContext,
	schema: SchemaOverview,
	relation: { collection: string; field: string },
	alias: string,
): Promise<void> {
	const relations = new context.services.ItemsService('directus_relations', {
		knex: context.knex,
		schema,
		accountability: installerAccountability,
	});
	const row = (await context
		.knex('directus_relations')
		.select('id', 'one_field')
		.where({ many_collection: relation.collection, many_field: relation.field })
		.first()) as { id: number; one_field: string | null } | undefined;
	if (row?.one_field === alias) return;
	if (row) {
		await relations.updateOne(row.id, { one_field: alias });
		return;
	}
	const related = schema.relations.find(
		(entry) => entry.collection === relation.collection && entry.field === relation.field,
	)?.related_collection;
	await relations.createOne({
		many_collection: relation.collection,
		many_field: relation.field,
		one_collection: related ?? null,
		one_field: alias,
		one_deselect_action: 'nullify',
	});
}

/**
 * A many-to-one added to an existing SQLite table: its column with its foreign key in place (see the module
 * note), its unique index and index as the bundled field has them, and Directus's records of the field and
 * the relation through its ItemsService, as its FieldsService and RelationsService write them.
 */
async function addSqliteReference(
	context: DataMapInstallContext,
	field: AddedField,
	relation: AddedRelation,
): Promise<void> {
	const { knex } = context;
	const schema = await context.getSchema({ database: knex, bypassCache: true });
	const target = schema.collections[relation.related_collection];
	const columnType = keyColumnType('sqlite3', field.type);
	if (!target || !columnType) throw new Error(`Cannot add ${field.collection}.${field.field} (${field.type}).`);
	const onDelete = relation.schema.on_delete.toUpperCase();
	if (!['SET NULL', 'CASCADE', 'NO ACTION', 'RESTRICT', 'SET DEFAULT'].includes(onDelete))
		throw new Error(`Unknown on-delete action ${relation.schema.on_delete}.`);
	await knex.raw(`ALTER TABLE ?? ADD COLUMN ?? ${columnType} NULL REFERENCES ?? (??) ON DELETE ${onDelete}`, [
		field.collection,
		field.field,
		relation.related_collection,
		target.primary,
	]);
	if (field.schema?.['is_unique'] === true || field.schema?.['is_indexed'] === true)
		await knex.schema.alterTable(field.collection, (table) => {
			if (field.schema?.['is_unique'] === true) table.unique([field.field]);
			if (field.schema?.['is_indexed'] === true) table.index([field.field]);
		});
	const system = (collection: string) =>
		new context.services.ItemsService(collection, { knex, schema, accountability: installerAccountability });
	const last = (await knex('directus_fields')
		.where({ collection: field.collection })
		.max('sort', { as: 'max' })
		.first()) as { max: number | null } | undefined;
	await system('directus_fields').createOne({
		...field.meta,
		sort: (last?.max ?? 0) + 1,
		collection: field.collection,
		field: field.field,
	});
	await system('directus_relations').createOne({
		...relation.meta,
		many_collection: relation.collection,
		many_field: relation.field,
		one_collection: relation.related_collection,
	});
}
