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

/** Builds the Directus filter for the audit log's filters; empty filters are left out. */
export function auditFilter(filters: AuditFilters): Record<string, unknown> {
	const clauses: Record<string, unknown>[] = [];
	if (filters.customer !== null) clauses.push({ customer: { _eq: filters.customer } });
	const contact = (filters.contact ?? '').trim();
	if (contact) clauses.push({ actor_contact: { email: { _icontains: contact } } });
	if (filters.action) clauses.push({ action: { _eq: filters.action } });
	if (filters.from) clauses.push({ date_created: { _gte: filters.from } });
	if (filters.to) clauses.push({ date_created: { _lte: `${filters.to}T23:59:59` } });
	return clauses.length > 0 ? { _and: clauses } : {};
}
