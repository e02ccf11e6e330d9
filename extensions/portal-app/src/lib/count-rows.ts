import { aggregate, type QueryFilter } from '@directus/sdk';
import { useDirectus } from '../composables/use-directus.ts';
import type { PortalSchema } from './portal-schema.ts';

/** The collections the app counts (the dashboard, the tickets list, the search). */
export type CountedCollection = 'tickets' | 'projects' | 'quotes' | 'invoices' | 'kb_articles' | 'documents';

/**
 * How many rows of `collection` the contact reads that match `query`. `countDistinct` of the key: Directus 11's
 * plain count counts a row once per related row its permission filter joins through (a ticket once per follower).
 */
export async function countRows<C extends CountedCollection>(
	collection: C,
	query: { filter?: QueryFilter<PortalSchema, PortalSchema[C][number]>; search?: string },
): Promise<number> {
	// Directus answers a field's aggregate as { countDistinct: { id } }; the generic collection loses the SDK's typing.
	const rows = (await useDirectus().request(
		aggregate(collection as CountedCollection, { aggregate: { countDistinct: ['id'] }, query: query as never }),
	)) as unknown as { countDistinct?: { id?: number | string | null } }[];
	return Number(rows[0]?.countDistinct?.id ?? 0);
}
