/**
 * The customer hierarchy: the customer tree and the customers' tree paths are kept by database triggers
 * (src/hierarchy/, installed by derived-tables.ts) on the collection playing customers in the data map.
 * This hook keeps that hierarchy a tree and keeps hands off the tree path, on whichever collection it is.
 */
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import type { ObjectMap } from '../../../src/data-map/data-map.ts';
import { CustomerCycleError } from '../../../src/errors/customer-cycle-error.ts';
import { CustomerParentNotFoundError } from '../../../src/errors/customer-parent-not-found-error.ts';
import { CustomerTreeReadOnlyError } from '../../../src/errors/customer-tree-read-only-error.ts';
import { checkCustomerPlacement } from '../../../src/hierarchy/check-customer-placement.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { proposedParent } from '../../../src/hierarchy/proposed-parent.ts';
import { mappedObjectFor } from '../../shared/mapped-object-for.ts';

export function registerCustomerTreeGuard({ filter }: RegisterFunctions): void {
	/** Refuses a parent that does not exist or that would put any of `customers` below itself. */
	async function checkParent(
		trx: Knex,
		mapped: ObjectMap<'customers'>,
		customers: (number | string)[],
		payload: unknown,
	): Promise<void> {
		if (mapped.fields.parent === null) return;
		const parent = proposedParent(payload, { parent: mapped.fields.parent, id: fieldOf(mapped, 'id') });
		if (parent.kind !== 'existing') return;
		const placement = await checkCustomerPlacement(trx, mapped, customers, parent.id);
		if (placement === 'cycle') throw new CustomerCycleError();
		if (placement === 'parent-not-found') throw new CustomerParentNotFoundError({ parent: parent.id });
	}

	/** The tree path is the triggers' to write; Directus has no read-only fields of its own to stop an admin or an import. */
	function refuseTreePath(mapped: ObjectMap<'customers'>, payload: unknown): void {
		const treePath = mapped.fields.tree_path;
		if (treePath && typeof payload === 'object' && payload !== null && treePath in payload)
			throw new CustomerTreeReadOnlyError();
	}

	filter('items.create', async (payload, meta, { database: trx }) => {
		const mapped = await mappedObjectFor(trx, 'customers', meta['collection']);
		if (!mapped) return payload;
		refuseTreePath(mapped, payload);
		// A create can only close a loop by naming its own key as parent.
		const key = fieldOf(mapped, 'id');
		const id =
			typeof payload === 'object' && payload !== null && key in payload
				? itemKey((payload as Record<string, unknown>)[key])
				: null;
		await checkParent(trx, mapped, id === null ? [] : [id], payload);
		return payload;
	});

	// Single, `{ keys, data }`, by-query and batch updates all arrive here with `meta.keys`; a batch's items
	// one by one, inside its transaction, so each check sees the items before it.
	filter('items.update', async (payload, meta, { database: trx }) => {
		const mapped = await mappedObjectFor(trx, 'customers', meta['collection']);
		if (!mapped) return payload;
		refuseTreePath(mapped, payload);
		const keys: unknown = meta['keys'];
		await checkParent(
			trx,
			mapped,
			Array.isArray(keys) ? keys.filter((key) => typeof key === 'number' || typeof key === 'string') : [],
			payload,
		);
		return payload;
	});
}
