/**
 * The customer hierarchy: `customer_tree` and `customers.tree_path` are kept by database triggers
 * (src/hierarchy/, installed by derived-tables.ts). This hook keeps the hierarchy a tree and keeps
 * hands off `tree_path`.
 */
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { CustomerCycleError } from '../../../src/errors/customer-cycle-error.ts';
import { CustomerParentNotFoundError } from '../../../src/errors/customer-parent-not-found-error.ts';
import { CustomerTreeReadOnlyError } from '../../../src/errors/customer-tree-read-only-error.ts';
import { checkCustomerPlacement } from '../../../src/hierarchy/check-customer-placement.ts';
import { customerKey } from '../../../src/hierarchy/customer-key.ts';
import { proposedParent } from '../../../src/hierarchy/proposed-parent.ts';

export function registerCustomerTreeGuard({ filter }: RegisterFunctions): void {
	// The bundled collections' names: the hooks follow a stored map once they are registered anew when it changes.
	const { customers: mapped } = bundledDataMap();

	/** Refuses a parent that does not exist or that would put any of `customers` below itself. */
	async function checkParent(trx: Knex, customers: (number | string)[], payload: unknown): Promise<void> {
		const parent = proposedParent(payload);
		if (parent.kind !== 'existing') return;
		const placement = await checkCustomerPlacement(trx, mapped, customers, parent.id);
		if (placement === 'cycle') throw new CustomerCycleError();
		if (placement === 'parent-not-found') throw new CustomerParentNotFoundError({ parent: parent.id });
	}

	/** `tree_path` is the triggers' to write; Directus has no read-only fields of its own to stop an admin or an import. */
	function refuseTreePath(payload: unknown): void {
		if (typeof payload === 'object' && payload !== null && 'tree_path' in payload)
			throw new CustomerTreeReadOnlyError();
	}

	filter('customers.items.create', async (payload, _meta, { database: trx }) => {
		refuseTreePath(payload);
		// A create can only close a loop by naming its own id as parent.
		const id = typeof payload === 'object' && payload !== null && 'id' in payload ? customerKey(payload.id) : null;
		await checkParent(trx, id === null ? [] : [id], payload);
		return payload;
	});

	// Single, `{ keys, data }`, by-query and batch updates all arrive here with `meta.keys`; a batch's items
	// one by one, inside its transaction, so each check sees the items before it.
	filter('customers.items.update', async (payload, meta, { database: trx }) => {
		refuseTreePath(payload);
		const keys: unknown = meta['keys'];
		await checkParent(
			trx,
			Array.isArray(keys) ? keys.filter((key) => typeof key === 'number' || typeof key === 'string') : [],
			payload,
		);
		return payload;
	});
}
