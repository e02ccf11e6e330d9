import type { Accountability, EndpointExtensionContext } from '@directus/types';
import type { Request } from 'express';
import type { DirectusContext } from '../../../src/access/directus-context.ts';

/** Directus puts the caller's accountability on every request it routes to an endpoint. */
export function accountabilityOf(request: Request): Accountability | null {
	return (request as Request & { accountability?: Accountability | null }).accountability ?? null;
}

/** The product's maintenance context (admin services, the schema, knex) for one request. */
export async function maintenanceContext(context: EndpointExtensionContext): Promise<DirectusContext> {
	return { services: context.services, schema: await context.getSchema(), knex: context.database };
}

/** The client address as Directus resolved it (it honours IP_TRUST_PROXY). */
export function ipOf(request: Request): string | null {
	return accountabilityOf(request)?.ip ?? request.ip ?? null;
}

/** The public base URL of this Directus, for links in e-mails. */
export function publicUrl(context: EndpointExtensionContext): string {
	return String(context.env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
}
