/**
 * A contact who signed in without "Stay signed in" keeps Directus's session cookie only until the browser
 * closes (see src/auth/browser-session.ts): every cookie Directus sets under SESSION_COOKIE_NAME for a request
 * that carries the portal's marker, at `/auth/login`, `/auth/refresh` or their GraphQL mutations, is set
 * without Max-Age and Expires. The session on the server keeps Directus's own lifetime.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Application, CookieOptions, NextFunction, Request, Response } from 'express';
import { browserSessionCookie, endingWithTheBrowser } from '../../../src/auth/browser-session.ts';

export function registerBrowserSessions({ init }: RegisterFunctions, { env }: HookExtensionContext): void {
	const sessionCookieName = String(env['SESSION_COOKIE_NAME'] ?? 'directus_session_token');

	init('middlewares.after', (meta) => {
		(meta['app'] as Application).use((request: Request, response: Response, next: NextFunction) => {
			if ((request.cookies as Record<string, string> | undefined)?.[browserSessionCookie] === '1') {
				const setCookie = response.cookie.bind(response);
				response.cookie = ((name: string, value: unknown, options: CookieOptions = {}) =>
					setCookie(
						name,
						value,
						name === sessionCookieName ? endingWithTheBrowser(options) : options,
					)) as Response['cookie'];
			}
			next();
		});
	});
}
