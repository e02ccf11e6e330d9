import type { Relation } from '@directus/types';
import type { ObjectMap } from '../data-map/data-map.ts';
import { bundledDataMap } from '../data-map/data-map.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { derivedTablesOf } from '../database/derived-tables-of.ts';
import { installedTriggers } from '../database/installed-triggers.ts';
import { installerAccountability } from '../install/add-missing-schema.ts';
import { productSnapshot } from '../install/product-schema.ts';
import type { LifecycleContext } from '../lifecycle/lifecycle-context.ts';

/** The many-to-ones of `customer_tree`: both name a customer. */
const treeFields = ['customer', 'ancestor'] as const;

/**
 * Relates `customer_tree`'s customer and ancestor to the collection playing customers, so that its foreign
 * keys (a deleted customer's rows go with it) hold on the mapped customers: the bundled relations, as shipped,
 * for the bundled `customers`; the same with no alias on the team's collection otherwise. The table is
 * derived (its rows are rebuilt from the tree), so it is emptied first; nothing else refers to it, so
 * SQLite may rebuild it to change a foreign key inside the caller's transaction. Returns whether it changed.
 */
export async function pointCustomerTreeAt(
	context: LifecycleContext,
	customers: ObjectMap<'customers'>,
): Promise<boolean> {
	const related = (await context.getSchema()).relations.filter(
		(relation) => relation.collection === 'customer_tree' && (treeFields as readonly string[]).includes(relation.field),
	);
	if (
		related.length === treeFields.length &&
		related.every((relation) => relation.related_collection === customers.collection)
	)
		return false;
	const shipped = productSnapshot(requireDatabaseDialect(context.knex)).relations.filter(
		(relation) => relation.collection === 'customer_tree',
	);
	const bundled = customers.collection === 'customers';
	await context.knex('customer_tree').delete();
	const service = async () =>
		new context.services.RelationsService({
			knex: context.knex,
			schema: await context.getSchema(),
			accountability: installerAccountability,
		});
	if (requireDatabaseDialect(context.knex) === 'sqlite3') {
		// Directus drops a foreign key only by its constraint's name, which SQLite does not have: knex rebuilds the
		// table without the keys on these columns, and the relations' records go with them.
		// SQLite checks every trigger naming the table when it is renamed into place: the tree's triggers go first
		// (the caller installs them on the mapped customers next).
		const tree = derivedTablesOf(bundledDataMap()).find((derived) => derived.table === 'customer_tree');
		for (const { name } of tree ? (await installedTriggers(context.knex, tree.triggers)).triggers : [])
			await context.knex.raw('DROP TRIGGER IF EXISTS ??', [name]);
		const columns = related.map((relation) => relation.field);
		await context.knex.schema.alterTable('customer_tree', (table) => {
			for (const column of columns) table.dropForeign([column]);
		});
		await context
			.knex('directus_relations')
			.where('many_collection', 'customer_tree')
			.whereIn('many_field', columns)
			.delete();
	} else {
		for (const relation of related)
			await (await service()).deleteOne('customer_tree', relation.field, { emitEvents: false });
	}
	for (const field of treeFields) {
		const relation = shipped.find((candidate) => candidate.field === field);
		// Directus fills in the rest of the relation's meta and foreign key.
		const created = {
			collection: 'customer_tree',
			field,
			related_collection: customers.collection,
			meta: {
				...relation?.meta,
				one_collection: customers.collection,
				one_field: bundled ? (relation?.meta?.one_field ?? null) : null,
			},
			schema: { on_delete: 'CASCADE' },
		} as unknown as Partial<Relation>;
		await (await service()).createOne(created, { emitEvents: false });
	}
	return true;
}
