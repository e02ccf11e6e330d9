/**
 * The customer hierarchy: `customer_tree` is kept by database triggers (src/hierarchy/), in the same
 * transaction as every change to `customers` — Directus runs `items.update` filters outside the write's
 * transaction, and imports may bypass Directus. This hook installs them and repairs the table when
 * Directus starts, keeps the hierarchy a tree, and keeps hands off `customer_tree` and `customers.tree_path`.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { CustomerCycleError } from '../../../src/errors/customer-cycle-error.ts';
import { CustomerParentNotFoundError } from '../../../src/errors/customer-parent-not-found-error.ts';
import { CustomerTreeReadOnlyError } from '../../../src/errors/customer-tree-read-only-error.ts';
import { applySchemaAdvice } from '../../../src/doctor/check-schema.ts';
import { checkCustomerPlacement } from '../../../src/hierarchy/check-customer-placement.ts';
import { customerKey } from '../../../src/hierarchy/customer-key.ts';
import { databaseDialect } from '../../../src/database/database-dialect.ts';
import { customerTreeTriggersAreCurrent } from '../../../src/hierarchy/customer-tree-triggers-are-current.ts';
import { ensureCustomerTree, type EnsureCustomerTreeOutcome } from '../../../src/hierarchy/ensure-customer-tree.ts';
import { proposedParent } from '../../../src/hierarchy/proposed-parent.ts';

type Logger = HookExtensionContext['logger'];

export function registerCustomerTree({ init, filter }: RegisterFunctions, { database, logger }: HookExtensionContext): void {
	const report = reporter(logger);

	// `app.after` fires once the server is built and before it listens, in `directus start` only (CLI
	// commands such as `schema apply` emit `cli.*` instead): no request can write before this is done.
	init('app.after', async () => {
		try {
			report(await ensureCustomerTree(database), 'at start-up');
		} catch (error) {
			logger.error(error, 'Customer Portal: could not install the customer hierarchy triggers; customer_tree is not being kept.');
		}
	});

	/**
	 * Before each write to customers: on SQLite a schema change to `customers` (a new relation, say) makes
	 * Directus rebuild the table, which drops its triggers; put them back, and repair, before the write.
	 * One catalogue query when all is well.
	 */
	async function keepTriggers(trx: Knex): Promise<void> {
		if (databaseDialect(trx) === null || (await customerTreeTriggersAreCurrent(trx))) return;
		report(await ensureCustomerTree(trx), 'before a write to customers');
	}

	/** Refuses a parent that does not exist or that would put any of `customers` below itself. */
	async function checkParent(trx: Knex, customers: (number | string)[], payload: unknown): Promise<void> {
		const parent = proposedParent(payload);
		if (parent.kind !== 'existing') return;
		const placement = await checkCustomerPlacement(trx, customers, parent.id);
		if (placement === 'cycle') throw new CustomerCycleError();
		if (placement === 'parent-not-found') throw new CustomerParentNotFoundError({ parent: parent.id });
	}

	/** `tree_path` is the triggers' to write; Directus has no read-only fields of its own to stop an admin or an import. */
	function refuseTreePath(payload: unknown): void {
		if (typeof payload === 'object' && payload !== null && 'tree_path' in payload) throw new CustomerTreeReadOnlyError();
	}

	filter('customers.items.create', async (payload, _meta, { database: trx }) => {
		refuseTreePath(payload);
		await keepTriggers(trx);
		// A create can only close a loop by naming its own id as parent.
		const id = typeof payload === 'object' && payload !== null && 'id' in payload ? customerKey(payload.id) : null;
		await checkParent(trx, id === null ? [] : [id], payload);
		return payload;
	});

	// Single, `{ keys, data }`, by-query and batch updates all arrive here with `meta.keys`; a batch's items
	// one by one, inside its transaction, so each check sees the items before it.
	filter('customers.items.update', async (payload, meta, { database: trx }) => {
		refuseTreePath(payload);
		await keepTriggers(trx);
		const keys: unknown = meta['keys'];
		await checkParent(trx, Array.isArray(keys) ? keys.filter((key) => typeof key === 'number' || typeof key === 'string') : [], payload);
		return payload;
	});

	for (const action of ['create', 'update', 'delete']) {
		filter(`customer_tree.items.${action}`, () => {
			throw new CustomerTreeReadOnlyError();
		});
	}
}

/** Logs what `ensureCustomerTree` did, each distinct warning once. */
function reporter(logger: Logger): (outcome: EnsureCustomerTreeOutcome, when: string) => void {
	const warned = new Set<string>();
	const warn = (message: string) => {
		if (warned.has(message)) return;
		warned.add(message);
		logger.warn(message);
	};
	return (outcome, when) => {
		if (outcome.status === 'unsupported') {
			warn(`Customer Portal: the customer hierarchy (customer_tree) needs SQLite or PostgreSQL; on "${outcome.client}" it is not kept, and contacts see no customers below their own.`);
		} else if (outcome.status === 'schema-missing') {
			warn(
				`Customer Portal: the help-desk schema is not applied (missing ${outcome.missing.join(', ')}), so the customer hierarchy is not kept. ${applySchemaAdvice}`,
			);
		} else if (outcome.installed && when === 'at start-up') {
			logger.info(`Customer Portal: customer hierarchy triggers (version ${outcome.version}) installed ${when}; customer_tree rebuilt (${outcome.rows} rows).`);
		} else if (outcome.installed) {
			logger.warn(
				`Customer Portal: the customer hierarchy triggers were missing or outdated ${when} (on SQLite a schema change to customers drops them); ` +
					`reinstalled them (version ${outcome.version}) and rebuilt customer_tree (${outcome.rows} rows).`,
			);
		} else if (outcome.rebuilt) {
			logger.warn(`Customer Portal: customer_tree did not match customers ${when} and was rebuilt (${outcome.rows} rows).`);
		} else {
			logger.info(`Customer Portal: customer hierarchy triggers (version ${outcome.version}) in place; customer_tree exact.`);
		}
	};
}
