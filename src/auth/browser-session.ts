/**
 * "Stay signed in" left off: the portal app sets this cookie, without an expiry so that it ends when the
 * browser closes, before it signs in, and the portal's hook then sets Directus's session cookie without an
 * expiry too, at the sign-in and at every refresh. Without it Directus's session cookie lasts
 * SESSION_COOKIE_TTL. The cookie says nothing secret: it can only shorten a session.
 */
export const browserSessionCookie = 'portal_browser_session';

interface CookieLifetime {
	maxAge?: number;
	expires?: Date;
}

/** Directus's cookie options without a lifetime: the cookie ends with the browser. */
export function endingWithTheBrowser<Options extends CookieLifetime>(
	options: Options,
): Omit<Options, 'maxAge' | 'expires'> {
	const { maxAge: _maxAge, expires: _expires, ...rest } = options;
	return rest;
}
