/**
 * What points at a customer and makes deleting it unsafe: rows the database would refuse to orphan
 * (or, for sub-customers, a tree that would silently change who sees what). Locations and audience
 * links go with the customer and are not listed. By object of the portal's model, and the role of its
 * that names the customer (`customerDependentsOf` finds them in a data map).
 */
export const customerDependents = [
	{ object: 'customers', role: 'parent', one: 'sub-customer', many: 'sub-customers' },
	{ object: 'contacts', role: 'customer', one: 'contact', many: 'contacts' },
	{ object: 'tickets', role: 'customer', one: 'ticket', many: 'tickets' },
	{ object: 'projects', role: 'customer', one: 'project', many: 'projects' },
	{ object: 'devices', role: 'customer', one: 'device', many: 'devices' },
	{ object: 'invoices', role: 'customer', one: 'invoice', many: 'invoices' },
	{ object: 'quotes', role: 'customer', one: 'quote', many: 'quotes' },
] as const;

export type CustomerDependent = (typeof customerDependents)[number];
export type CustomerDependentCounts = Partial<Record<CustomerDependent['object'], number>>;

/**
 * Says in words what still depends on the customers being deleted ("2 sub-customers and 1 ticket"),
 * or null when nothing does.
 */
export function describeCustomerDependents(counts: CustomerDependentCounts): string | null {
	const parts = customerDependents
		.map((dependent) => ({ dependent, count: counts[dependent.object] ?? 0 }))
		.filter(({ count }) => count > 0)
		.map(({ dependent, count }) => `${count} ${count === 1 ? dependent.one : dependent.many}`);
	if (parts.length === 0) return null;
	if (parts.length === 1) return parts[0] ?? null;
	return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
