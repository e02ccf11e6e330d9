import type { Relation } from '@directus/types';
import type { DataMap } from './data-map.ts';
import { bundledDataMap } from './data-map.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { derivedTablesOf } from '../database/derived-tables-of.ts';
import { installedTriggers } from '../database/installed-triggers.ts';
import { keyColumnType } from '../database/key-column-type.ts';
import { installerAccountability } from '../install/add-missing-schema.ts';
import { productSnapshot } from '../install/product-schema.ts';
import { type ProductRelation, productRelations } from './product-relations.ts';
import type { LifecycleContext } from '../lifecycle/lifecycle-context.ts';

/** The key an audit entry's `field` held before the map moved it to another collection, in its details. */
export const detachedKeyName = (field: string) => `${field}_before_data_map`;

/**
 * Relates the product's own many-to-ones (`productRelations`) to the collections `map` gives their roles, so
 * their foreign keys hold on the mapped customers and contacts: as shipped for the bundled collections, with
 * no alias on the team's, each column of the type of the keys it will hold. Rows naming the previous
 * collection go first (see `rows`). Returns the relations it moved, as `collection.field`.
 */
export async function pointProductRelationsAt(context: LifecycleContext, map: DataMap): Promise<string[]> {
	const dialect = requireDatabaseDialect(context.knex);
	const schema = await context.getSchema();
	const moving = productRelations
		.map((product) => ({
			product,
			target: map[product.role].collection,
			current: schema.relations.find(
				(relation) => relation.collection === product.collection && relation.field === product.field,
			),
		}))
		.filter(
			({ product, target, current }) =>
				product.collection in schema.collections && current?.related_collection !== target,
		);
	if (moving.length === 0) return [];

	for (const { product, current } of moving) {
		if (product.rows === 'delete') await context.knex(product.collection).whereNotNull(product.field).delete();
		else if (product.rows === 'clear') await context.knex(product.collection).update({ [product.field]: null });
		else await detachKeys(context, product, current?.related_collection ?? null);
	}

	const service = async () =>
		new context.services.RelationsService({
			knex: context.knex,
			schema: await context.getSchema(),
			accountability: installerAccountability,
		});
	const existing = moving.filter(({ current }) => current !== undefined);
	if (dialect === 'sqlite3') {
		// Directus drops a foreign key only by its constraint's name, which SQLite does not have: knex rebuilds each
		// table without the keys on these columns, and the relations' records go with them. SQLite checks every
		// trigger naming a table when it is renamed into place: the tree's triggers go first (the caller installs
		// them on the mapped customers next).
		const tree = derivedTablesOf(bundledDataMap()).find((derived) => derived.table === 'customer_tree');
		if (existing.some(({ product }) => product.collection === 'customer_tree'))
			for (const { name } of tree ? (await installedTriggers(context.knex, tree.triggers)).triggers : [])
				await context.knex.raw('DROP TRIGGER IF EXISTS ??', [name]);
		for (const collection of new Set(existing.map(({ product }) => product.collection))) {
			const columns = existing
				.filter(({ product }) => product.collection === collection)
				.map(({ product }) => product.field);
			await context.knex.schema.alterTable(collection, (table) => {
				for (const column of columns) table.dropForeign([column]);
			});
			await context
				.knex('directus_relations')
				.where('many_collection', collection)
				.whereIn('many_field', columns)
				.delete();
		}
	} else {
		for (const { product } of existing)
			await (await service()).deleteOne(product.collection, product.field, { emitEvents: false });
	}

	// The columns take the type of the keys they will hold (a team's contacts may be keyed by uuid); their rows
	// were emptied above.
	for (const { product, target } of moving) {
		const key = schema.collections[target]?.fields[schema.collections[target]?.primary ?? ''];
		const column = schema.collections[product.collection]?.fields[product.field];
		if (!key || !column || key.type === column.type) continue;
		const type = keyColumnType(dialect, key.type);
		if (type === null)
			throw new Error(`${product.collection}.${product.field} cannot hold a key of ${target}, a ${key.type}.`);
		if (dialect === 'pg')
			await context.knex.raw(`ALTER TABLE ?? ALTER COLUMN ?? TYPE ${type} USING NULL`, [
				product.collection,
				product.field,
			]);
		else
			await context.knex.schema.alterTable(product.collection, (table) => {
				const retyped = table.specificType(product.field, type);
				(column.nullable ? retyped.nullable() : retyped.notNullable()).alter();
			});
	}

	const shipped = productSnapshot(dialect).relations;
	for (const { product, target } of moving) {
		const relation = shipped.find(
			(candidate) => candidate.collection === product.collection && candidate.field === product.field,
		);
		const bundled = target === bundledDataMap()[product.role].collection;
		// Directus fills in the rest of the relation's meta and foreign key.
		const created = {
			collection: product.collection,
			field: product.field,
			related_collection: target,
			meta: {
				...relation?.meta,
				one_collection: target,
				one_field: bundled ? (relation?.meta?.one_field ?? null) : null,
			},
			schema: { on_delete: relation?.schema?.on_delete ?? 'SET NULL' },
		} as unknown as Partial<Relation>;
		await (await service()).createOne(created, { emitEvents: false });
	}
	return moving.map(({ product }) => `${product.collection}.${product.field}`);
}

/**
 * Moves the keys `product.field` holds into each row's details (as `{ collection, key }` under
 * `detachedKeyName`), and empties the column: the entry keeps what it said, the key no longer claims a row
 * of the collection that plays the role now.
 */
async function detachKeys(
	context: LifecycleContext,
	product: ProductRelation,
	collection: string | null,
): Promise<void> {
	const { knex } = context;
	const name = detachedKeyName(product.field);
	if (requireDatabaseDialect(knex) === 'pg')
		await knex.raw(
			`UPDATE ?? SET details = (coalesce(details::jsonb, '{}'::jsonb) || jsonb_build_object(?::text, jsonb_build_object('collection', ?::text, 'key', ??)))::json, ?? = NULL WHERE ?? IS NOT NULL`,
			[product.collection, name, collection, product.field, product.field, product.field],
		);
	else
		await knex.raw(
			`UPDATE ?? SET details = json_set(coalesce(details, '{}'), ?, json_object('collection', ?, 'key', ??)), ?? = NULL WHERE ?? IS NOT NULL`,
			[product.collection, `$.${name}`, collection, product.field, product.field, product.field],
		);
}
