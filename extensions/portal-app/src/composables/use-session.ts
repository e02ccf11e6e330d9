/**
 * Signing in and out through Directus's own /auth/login and /auth/logout (session cookie mode), then
 * checking that the login is a portal contact's: a staff login or a contact without access is signed
 * out again with a message, not left half signed in.
 */
import { PortalMessageError } from '../lib/api-error.ts';
import { strings } from '../strings.ts';
import { useDirectus } from './use-directus.ts';
import { useMe } from './use-me.ts';

export class NotAPortalLoginError extends PortalMessageError {
	constructor() {
		super(strings.signIn.noPortal);
	}
}

export function useSession() {
	const { load, clear } = useMe();

	async function signIn(email: string, password: string): Promise<void> {
		const client = useDirectus();
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
		clear();
	}

	return { signIn, signOut };
}
