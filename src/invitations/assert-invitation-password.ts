import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';

/** The password an accepting contact chose: a non-empty string of at most 512 characters (Directus checks its own policy after). */
export function assertInvitationPassword(password: unknown): asserts password is string {
	if (typeof password !== 'string' || password.length === 0 || password.length > 512) {
		throw new InvitationRefusedError({ reason: 'Choose a password (at most 512 characters).' });
	}
}
