/**
 * View as: a request that carries a View as ticket in the `X-Portal-View-As` header runs with the
 * contact's accountability instead of the staff member's, so Directus answers every read — items,
 * GraphQL, the portal's own routes — exactly as it would answer the contact. It only reads: any other
 * method is refused before it reaches a route. Installed right after Directus has authenticated the
 * staff member's own session, which the ticket is bound to.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { PortalClosedError } from '../../../src/errors/portal-closed-error.ts';
import { ViewAsReadOnlyError } from '../../../src/errors/view-as-read-only-error.ts';
import { resolveViewAs } from '../../../src/view-as/resolve-view-as.ts';
import { portalIsOpen } from '../../shared/doctor-state.ts';
import type { Accountability } from '@directus/types';

export const viewAsHeader = 'X-Portal-View-As';
const readMethods = new Set(['GET', 'HEAD']);

type DirectusRequest = Request & { accountability?: Accountability | null };

export function registerViewAs(
	{ init }: RegisterFunctions,
	{ services, getSchema, database, env }: HookExtensionContext,
): void {
	async function viewAs(request: DirectusRequest, ticket: string): Promise<void> {
		if (!readMethods.has(request.method)) throw new ViewAsReadOnlyError();
		if (!portalIsOpen()) throw new PortalClosedError();
		const settings = await fetchPortalSettings({ services, schema: await getSchema(), knex: database });
		const { accountability } = await resolveViewAs(
			{ knex: database },
			request.accountability ?? null,
			ticket,
			settings,
			String(env['SECRET']),
		);
		request.accountability = accountability;
	}

	init('middlewares.after', (meta) => {
		(meta['app'] as Application).use((request: Request, _response: Response, next: NextFunction) => {
			const ticket = request.get(viewAsHeader);
			if (ticket === undefined) return next();
			viewAs(request, ticket).then(() => next(), next);
		});
	});
}
