/**
 * What points at a customer and makes deleting it unsafe: rows the database would refuse to orphan
 * (or, for sub-customers, a tree that would silently change who sees what). Locations and audience
 * links go with the customer and are not listed.
 */
export const customerDependents = [
	{ collection: 'customers', field: 'parent', one: 'sub-customer', many: 'sub-customers' },
	{ collection: 'contacts', field: 'customer', one: 'contact', many: 'contacts' },
	{ collection: 'tickets', field: 'customer', one: 'ticket', many: 'tickets' },
	{ collection: 'projects', field: 'customer', one: 'project', many: 'projects' },
	{ collection: 'devices', field: 'customer', one: 'device', many: 'devices' },
	{ collection: 'invoices', field: 'customer', one: 'invoice', many: 'invoices' },
	{ collection: 'quotes', field: 'customer', one: 'quote', many: 'quotes' },
] as const;

export type CustomerDependent = (typeof customerDependents)[number];
export type CustomerDependentCounts = Partial<Record<CustomerDependent['collection'], number>>;

/**
 * Says in words what still depends on the customers being deleted ("2 sub-customers and 1 ticket"),
 * or null when nothing does.
 */
export function describeCustomerDependents(counts: CustomerDependentCounts): string | null {
	const parts = customerDependents
		.map((dependent) => ({ dependent, count: counts[dependent.collection] ?? 0 }))
		.filter(({ count }) => count > 0)
		.map(({ dependent, count }) => `${count} ${count === 1 ? dependent.one : dependent.many}`);
	if (parts.length === 0) return null;
	if (parts.length === 1) return parts[0] ?? null;
	return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
