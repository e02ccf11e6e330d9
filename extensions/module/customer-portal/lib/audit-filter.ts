import type { ItemKey } from '../../../../src/data-map/item-key.ts';

/** The audit page's filters and the Directus filter they make. */
export interface AuditFilters {
	customer: ItemKey | null;
	/** Studio inputs report a cleared field as null. */
	contact: string | null;
	action: string | null;
	from: string | null;
	to: string | null;
}

/** The contacts the contact filter's words found (by name or address), and the collection playing contacts. */
export interface ContactMatch {
	collection: string;
	ids: readonly ItemKey[];
}

/**
 * Builds the Directus filter for the audit log's filters; empty filters are left out. The contact filter finds
 * entries by a contact (its address as the actor's) and about one (an entry whose target is a contact `matched`).
 */
export function auditFilter(filters: AuditFilters, matched: ContactMatch | null = null): Record<string, unknown> {
	const clauses: Record<string, unknown>[] = [];
	if (filters.customer !== null) clauses.push({ customer: { _eq: filters.customer } });
	const contact = (filters.contact ?? '').trim();
	if (contact) {
		const byOrAbout: Record<string, unknown>[] = [{ actor_contact: { email: { _icontains: contact } } }];
		if (matched && matched.ids.length > 0)
			byOrAbout.push(
				{ actor_contact: { _in: [...matched.ids] } },
				{
					_and: [{ target_collection: { _eq: matched.collection } }, { target_id: { _in: matched.ids.map(String) } }],
				},
			);
		clauses.push({ _or: byOrAbout });
	}
	if (filters.action) clauses.push({ action: { _eq: filters.action } });
	if (filters.from) clauses.push({ date_created: { _gte: filters.from } });
	if (filters.to) clauses.push({ date_created: { _lte: `${filters.to}T23:59:59` } });
	return clauses.length > 0 ? { _and: clauses } : {};
}
