import type { Knex } from 'knex';
import type { ObjectMap } from '../data-map/data-map.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * How far up the walk goes before it gives up: far beyond any real hierarchy, short enough to end
 * quickly on a loop already in the data (written around Directus).
 */
const maxSteps = 10_000;

export type CustomerPlacement = 'ok' | 'cycle' | 'parent-not-found';

/**
 * Whether `customers` may be placed below `parent`: walks up from `parent` through the parent field of
 * `mapped` (the data map's customers; the full tree, whatever `visible_to_parent` says) and answers 'cycle' when it meets one of
 * `customers` — `parent` is one of them or below one of them — or an existing loop, and
 * 'parent-not-found' when `parent` does not exist ('ok' when the map has no hierarchy). Pass the write's own transaction as `knex` so that
 * earlier items of a batch count.
 */
export async function checkCustomerPlacement(
	knex: Knex,
	mapped: ObjectMap<'customers'>,
	customers: readonly ItemKey[],
	parent: ItemKey,
): Promise<CustomerPlacement> {
	const parentField = mapped.fields.parent;
	if (parentField === null) return 'ok';
	// A uuid compares in lower case, as PostgreSQL gives it back (a request may name it in upper case).
	const keyOf = (key: ItemKey) => String(key).toLowerCase();
	const moving = new Set(customers.map(keyOf));
	const seen = new Set<string>();
	let current: ItemKey | null = parent;
	for (let step = 0; current !== null; step++) {
		const key = keyOf(current);
		if (moving.has(key) || seen.has(key) || step >= maxSteps) return 'cycle';
		seen.add(key);
		const row = (await knex(mapped.collection).select(parentField).where(fieldOf(mapped, 'id'), current).first()) as
			Record<string, ItemKey | null> | undefined;
		if (row === undefined) return step === 0 ? 'parent-not-found' : 'ok';
		current = row[parentField] ?? null;
	}
	return 'ok';
}
