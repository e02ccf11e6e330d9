/**
 * Customer badges (src/badges/) are the product's alone: nobody else may set a
 * customer's badge or a policy's tree path, attach a badge, or change, delete or give permissions to a
 * badge policy (taking a badge off a user only narrows, and the next sync puts it back).
 * The product writes them with no accountability. After a customer moves or is renamed, the badges of
 * its subtree follow; a deleted customer's badge goes with it.
 */
import type { Accountability, HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { filterCustomerBadges } from '../../../src/badges/filter-customer-badges.ts';
import { fieldOf, fieldsOf } from '../../../src/compiler/mapped-fields.ts';
import { mappedObjectFor } from '../../shared/mapped-object-for.ts';
import { refreshCustomerBadges } from '../../../src/badges/refresh-customer-badges.ts';
import { CustomerBadgeReadOnlyError } from '../../../src/errors/customer-badge-read-only-error.ts';

type Key = string | number;

const byHand = (accountability: Accountability | null | undefined) =>
	accountability !== null && accountability !== undefined;
const names = (payload: unknown, field: string) => typeof payload === 'object' && payload !== null && field in payload;
const policyOf = (payload: unknown): string | null =>
	typeof payload === 'object' && payload !== null && 'policy' in payload && typeof payload.policy === 'string'
		? payload.policy
		: null;

export function registerCustomerBadges(
	{ filter, action }: RegisterFunctions,
	{ services, getSchema, database, logger }: HookExtensionContext,
): void {
	async function refuseBadges(knex: Knex, policies: (string | null)[]): Promise<void> {
		const named = policies.filter((policy): policy is string => policy !== null);
		if ((await filterCustomerBadges(knex, named)).size > 0) throw new CustomerBadgeReadOnlyError();
	}

	for (const event of ['items.create', 'items.update']) {
		filter(event, async (payload, meta, { accountability, database: knex }) => {
			if (!byHand(accountability)) return payload;
			const customers = await mappedObjectFor(knex, 'customers', meta['collection']);
			if (customers && names(payload, fieldOf(customers, 'badge'))) throw new CustomerBadgeReadOnlyError();
			return payload;
		});
	}

	filter('policies.create', (payload, _meta, { accountability }) => {
		if (byHand(accountability) && names(payload, 'portal_tree_path')) throw new CustomerBadgeReadOnlyError();
		return payload;
	});
	for (const event of ['policies.update', 'policies.delete']) {
		filter(event, async (payload, meta, { accountability, database: knex }) => {
			if (!byHand(accountability)) return payload;
			if (names(payload, 'portal_tree_path')) throw new CustomerBadgeReadOnlyError();
			const keys = (event === 'policies.delete' ? payload : meta['keys']) as Key[];
			await refuseBadges(knex, keys.map(String));
			return payload;
		});
	}

	// Attaching a badge (to a user or a role), moving an attachment, or giving a badge permissions.
	for (const scope of ['access', 'permissions']) {
		filter(`${scope}.create`, async (payload, _meta, { accountability, database: knex }) => {
			if (byHand(accountability)) await refuseBadges(knex, [policyOf(payload)]);
			return payload;
		});
		filter(`${scope}.update`, async (payload, meta, { accountability, database: knex }) => {
			if (!byHand(accountability)) return payload;
			const rows = (await knex(`directus_${scope}`)
				.select('policy')
				.whereIn('id', meta['keys'] as Key[])) as { policy: string | null }[];
			await refuseBadges(knex, [policyOf(payload), ...rows.map((row) => row.policy)]);
			return payload;
		});
	}

	// A move or a rename changes the tree paths or names the badges below it copy.
	action('items.update', async ({ payload, collection }) => {
		const customers = await mappedObjectFor(database, 'customers', collection);
		if (!customers) return;
		if (!fieldsOf(customers, ['parent', 'visible_to_parent', 'name']).some((field) => names(payload, field))) return;
		try {
			await refreshCustomerBadges(database);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not bring customer badges in line after a customer changed');
		}
	});

	// A deleted customer's badge goes too (its attachments with it).
	const badgesOfDeleted = new Map<string, string[]>();
	filter('items.delete', async (keys, meta, { database: knex }) => {
		const customers = await mappedObjectFor(knex, 'customers', meta['collection']);
		if (!customers) return keys;
		const badge = fieldOf(customers, 'badge');
		const rows = (await knex(customers.collection)
			.select({ badge })
			.whereIn(fieldOf(customers, 'id'), keys as Key[])
			.whereNotNull(badge)) as { badge: string }[];
		if (rows.length > 0)
			badgesOfDeleted.set(
				JSON.stringify([meta['collection'], ...[...(keys as Key[])].map(String).sort()]),
				rows.map((row) => row.badge),
			);
		return keys;
	});
	action('items.delete', async ({ keys, collection }) => {
		const id = JSON.stringify([collection, ...[...(keys as Key[])].map(String).sort()]);
		const badges = badgesOfDeleted.get(id);
		badgesOfDeleted.delete(id);
		if (!badges) return;
		try {
			const stillUsed = await filterCustomerBadges(database, badges);
			const gone = badges.filter((badge) => !stillUsed.has(badge));
			if (gone.length > 0)
				await new services.PoliciesService({
					knex: database,
					schema: await getSchema(),
					accountability: null,
				}).deleteMany(gone);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not delete the badge of a deleted customer');
		}
	});
}
