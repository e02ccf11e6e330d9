/**
 * What a portal contact's new password must be, checked alike by the server (invitations, password changes,
 * Directus's own reset) and the portal's forms: 8 to 512 characters, not one of the passwords tried first by
 * anyone guessing, and not the contact's e-mail address or a part of it. Directus's own password policy (the
 * project settings' regular expression) applies besides, where the team set one.
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 512;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'like_email';

/** The passwords tried first in every guessing list (and their obvious variants), lower case. */
const commonPasswords = new Set([
	'password',
	'password1',
	'password12',
	'password123',
	'passw0rd',
	'p@ssw0rd',
	'p@ssword',
	'12345678',
	'123456789',
	'1234567890',
	'0123456789',
	'87654321',
	'11111111',
	'00000000',
	'12341234',
	'11223344',
	'qwertyui',
	'qwertyuiop',
	'qwerty123',
	'qwerty12',
	'1q2w3e4r',
	'1qaz2wsx',
	'zaq12wsx',
	'asdfghjk',
	'asdfasdf',
	'abcd1234',
	'abcdefgh',
	'iloveyou',
	'letmein1',
	'letmeinn',
	'welcome1',
	'welcome123',
	'sunshine',
	'princess',
	'football',
	'baseball',
	'superman',
	'starwars',
	'trustno1',
	'whatever',
	'changeme',
	'changeme1',
	'default1',
	'administrator',
	'admin123',
	'admin1234',
	'passwort',
	'hallo123',
	'motdepasse',
	'contraseña',
]);

/** What is wrong with `password` as a new password for the contact at `email`, or null. */
export function passwordProblem(password: string, { email }: { email?: string | null } = {}): PasswordProblem | null {
	const length = [...password].length;
	if (length < passwordMinLength) return 'too_short';
	if (length > passwordMaxLength) return 'too_long';
	const lower = password.toLowerCase();
	if (commonPasswords.has(lower) || /^(.)\1+$/u.test(password)) return 'common';
	const address = email?.toLowerCase().trim() ?? '';
	const local = address.split('@')[0] ?? '';
	if (address && (lower === address || (local.length >= 4 && lower.includes(local)))) return 'like_email';
	return null;
}

/** The problem in words, for the server's refusals (the portal app words them in its own strings). */
export const passwordProblemText: Record<PasswordProblem, string> = {
	too_short: `Choose a password of at least ${passwordMinLength} characters.`,
	too_long: `Choose a password of at most ${passwordMaxLength} characters.`,
	common: 'That password is among the first any attacker tries; choose one that is harder to guess.',
	like_email: 'The password may not be your e-mail address or contain its name; choose another.',
};
