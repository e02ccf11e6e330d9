import type { ObjectMap } from '../data-map/data-map.ts';

/**
 * Whether the collection playing tickets can take a request from the public form: there are tickets, their
 * customer is a field of their own (a chain such as `site.account` would need a site no visitor names),
 * and a stored value means the `new` state. Where not, submitting requests without signing in is off.
 */
export function takesPublicRequests(tickets: ObjectMap<'tickets'> | null): tickets is ObjectMap<'tickets'> {
	const customer = tickets?.fields.customer ?? null;
	return customer !== null && !customer.includes('.') && tickets?.states?.status?.['new']?.[0] !== undefined;
}
