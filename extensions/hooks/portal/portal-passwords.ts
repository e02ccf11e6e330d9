/**
 * The product's password rules (src/auth/password-rules.ts) for every new password of a portal user, whichever way
 * it is set: accepting an invitation, changing it in the profile, Directus's own password reset, or staff in the
 * User Directory. Directus's own password policy applies besides. The plain password is seen here only: Directus
 * hashes it after this filter.
 */
import { InvalidPayloadError } from '@directus/errors';
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { passwordProblem, passwordProblemText } from '../../../src/auth/password-rules.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { schemaOn } from '../../shared/schema-on.ts';

export function registerPortalPasswords(
	{ filter }: RegisterFunctions,
	{ services, getSchema }: HookExtensionContext,
): void {
	filter('users.update', async (payload, meta, { database: knex, schema }) => {
		const password = (payload as Record<string, unknown>)['password'];
		const keys = (meta['keys'] ?? []) as string[];
		if (typeof password !== 'string' || keys.length === 0) return payload;
		const { portal_role: portalRole } = await fetchPortalSettings({
			services,
			schema: await schemaOn(getSchema, knex, schema),
			knex,
		});
		if (!portalRole) return payload;
		const users = (await knex('directus_users').select('email').whereIn('id', keys).andWhere('role', portalRole)) as {
			email: string | null;
		}[];
		for (const { email } of users) {
			const problem = passwordProblem(password, { email });
			if (problem) throw new InvalidPayloadError({ reason: passwordProblemText[problem] });
		}
		return payload;
	});
}
