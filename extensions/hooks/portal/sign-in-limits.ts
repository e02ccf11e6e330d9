/**
 * Sign-in and password-reset requests are limited before Directus sees them, for every account, staff
 * included: `POST /auth/login` (and `/auth/login/:provider`), `POST /auth/password/request`, and the
 * `auth_login` / `auth_password_request` mutations of `/graphql/system` (each one counts, however many
 * a request holds). See src/rate-limit/sign-in-limits.ts for how attempts are counted and locked.
 *
 * A password-reset request over its limit (per address and per e-mail, the public routes' numbers) gets
 * Directus's own answer — 204 after its 500 ms — and sends nothing, so the answer never tells whether an
 * address exists or was limited. Over GraphQL it is refused with 429 (which tells nothing about the address).
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, NextFunction, Request, Response } from 'express';
import { authMutationsInGraphql } from '../../../src/auth/auth-mutations-in-graphql.ts';
import { TooManyPublicRequestsError } from '../../../src/errors/too-many-public-requests-error.ts';
import { TooManySignInAttemptsError } from '../../../src/errors/too-many-sign-in-attempts-error.ts';
import { publicRateLimitsFromEnv } from '../../../src/rate-limit/public-rate-limits.ts';
import { signInLimitsFromEnv } from '../../../src/rate-limit/sign-in-limits.ts';
import { ipOf } from '../../shared/ip-of.ts';

/** Directus answers a password-reset request no sooner than this, whatever the address. */
const resetStallMs = 500;

/** The account a sign-in names: `email` for Directus's own provider, `identifier` for LDAP. */
function accountOf(payload: unknown): string | null {
	const { email, identifier } = (payload ?? {}) as { email?: unknown; identifier?: unknown };
	if (typeof email === 'string') return email;
	return typeof identifier === 'string' ? identifier : null;
}

export function registerSignInLimits({ init, action }: RegisterFunctions, { env, logger }: HookExtensionContext): void {
	const signIns = signInLimitsFromEnv(env);
	const resets = publicRateLimitsFromEnv(env, { name: 'password-reset' });

	/** Hands a refusal to Directus's error handler, with Retry-After for a locked sign-in. */
	const refuse = (response: Response, next: NextFunction) => (error: unknown) => {
		if (error instanceof TooManySignInAttemptsError)
			response.setHeader('Retry-After', String(error.extensions.retryAfter));
		next(error);
	};

	init('middlewares.after', (meta) => {
		const app = meta['app'] as Application;

		app.post(['/auth/login', '/auth/login/:provider'], (request: Request, response: Response, next: NextFunction) => {
			const account = accountOf(request.body);
			// Without an account Directus refuses the request itself.
			if (account === null) return next();
			signIns.attempt(ipOf(request), account).then(() => next(), refuse(response, next));
		});

		app.post('/auth/password/request', (request: Request, response: Response, next: NextFunction) => {
			const email = (request.body as { email?: unknown } | undefined)?.email;
			if (typeof email !== 'string') return next();
			const started = Date.now();
			resets.consume(ipOf(request), email).then(
				() => next(),
				(error: unknown) => {
					if (!(error instanceof TooManyPublicRequestsError)) return next(error);
					setTimeout(() => response.status(204).end(), Math.max(0, resetStallMs - (Date.now() - started)));
				},
			);
		});

		app.post('/graphql/system', (request: Request, response: Response, next: NextFunction) => {
			const { logins, resets: resetRequests } = authMutationsInGraphql(request.body);
			if (logins.length === 0 && resetRequests.length === 0) return next();
			const ip = ipOf(request);
			(async () => {
				for (const email of logins) await signIns.attempt(ip, email);
				for (const email of resetRequests) await resets.consume(ip, email);
			})().then(() => next(), refuse(response, next));
		});
	});

	// Directus reports every sign-in's outcome, over REST and GraphQL alike.
	action('auth.login', (meta, { accountability }) => {
		const account = accountOf(meta['payload']);
		if (meta['status'] !== 'success' || account === null) return;
		signIns
			.succeeded(accountability?.ip ?? null, account)
			.catch((error: unknown) => logger.error(error, 'Customer Portal: could not reset the sign-in count'));
	});
}
