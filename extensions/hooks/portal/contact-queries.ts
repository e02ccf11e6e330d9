/**
 * Portal users' queries stay inside the rows they may read (see src/queries/assert-contact-query.ts):
 * every read Directus runs for them — REST, GraphQL, `/users/me`, exports, `meta` counts — passes its query
 * through a `<scope>.query` filter first. Changing or deleting rows "by query" is refused outright:
 * Directus looks up the matching keys as admin there, and the request's success would tell whether
 * hidden rows match.
 */
import type { HookExtensionContext, Query, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { isSystemCollection, portalSystemPermissions } from '../../../src/policies/system-permissions.ts';
import { PortalQueryRefusedError } from '../../../src/errors/portal-query-refused-error.ts';
import { assertContactQuery } from '../../../src/queries/assert-contact-query.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';
import { portalUserCheck } from './portal-request-check.ts';

/** The event scope Directus emits a collection's reads under: `items`, or `users` for `directus_users`. */
const scopeOf = (collection: string) =>
	isSystemCollection(collection) ? collection.slice('directus_'.length) : 'items';

export function registerContactQueries({ filter, init }: RegisterFunctions, context: HookExtensionContext): void {
	const isPortalUser = portalUserCheck(context);

	const scopes = new Set([
		'items',
		...portalSystemPermissions
			.filter((permission) => permission.action === 'read')
			.map((permission) => scopeOf(permission.collection)),
	]);
	for (const scope of scopes) {
		filter<Query>(`${scope}.query`, async (query, { collection }, { accountability, schema, database: knex }) => {
			if (!schema || !(await isPortalUser(accountability, knex))) return query;
			assertContactQuery(schema, String(collection), query);
			return query;
		});
	}

	init('middlewares.after', (meta) => {
		(meta['app'] as Application).use((request: Request, _response: Response, next: NextFunction) => {
			const refusal = refusalOf(request);
			if (!refusal) return next();
			isPortalUser(accountabilityOf(request)).then((portal) => next(portal ? refusal : undefined), next);
		});
	});
}

/**
 * Changing or deleting rows "by query": Directus looks the matching keys up as admin, then refuses the
 * whole write if any of them is not the caller's, so the answer would tell whether hidden rows match.
 * Portal users change and delete rows by their keys.
 */
function refusalOf(request: Request): Error | undefined {
	const body: unknown = request.body;
	const byQuery =
		(request.method === 'PATCH' || request.method === 'DELETE') &&
		typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		'query' in body;
	return byQuery
		? new PortalQueryRefusedError({ path: 'query', reason: 'change or delete rows by their keys, not by a query' })
		: undefined;
}
