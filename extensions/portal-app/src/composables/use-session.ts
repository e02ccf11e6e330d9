/**
 * Signing in and out through Directus's own /auth/login and /auth/logout (session cookie mode), then
 * checking that the login is a portal contact's: a staff login or a contact without access is signed
 * out again with a message, not left half signed in. Unless the contact chose to stay signed in, the
 * session ends when the browser closes (src/auth/browser-session.ts).
 */
import { browserSessionCookie } from '../../../../src/auth/browser-session.ts';
import { PortalMessageError } from '../lib/api-error.ts';
import { strings } from '../strings.ts';
import { useDirectus } from './use-directus.ts';
import { useMe } from './use-me.ts';

export class NotAPortalLoginError extends PortalMessageError {
	constructor() {
		super(strings.signIn.noPortal);
	}
}

/** Marks the sessions of this browser to end with it, or lets them last as Directus says. */
function endSessionsWithTheBrowser(yes: boolean): void {
	const secure = window.location.protocol === 'https:' ? '; Secure' : '';
	document.cookie = yes
		? `${browserSessionCookie}=1; Path=/; SameSite=Strict${secure}`
		: `${browserSessionCookie}=; Path=/; Max-Age=0; SameSite=Strict${secure}`;
}

export function useSession() {
	const { load, clear } = useMe();

	/** `staySignedIn`: the session outlives the browser (Directus's SESSION_COOKIE_TTL). */
	async function signIn(email: string, password: string, staySignedIn = false): Promise<void> {
		const client = useDirectus();
		endSessionsWithTheBrowser(!staySignedIn);
		await client.login({ email, password }, { mode: 'session' });
		if (!(await load())) {
			await signOut();
			throw new NotAPortalLoginError();
		}
	}

	async function signOut(): Promise<void> {
		try {
			await useDirectus().logout({ mode: 'session' });
		} catch {
			// Already signed out on the server (expired session): nothing left to end.
		}
		endSessionsWithTheBrowser(false);
		clear();
	}

	return { signIn, signOut };
}
