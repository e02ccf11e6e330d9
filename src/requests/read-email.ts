import { readText } from './read-text.ts';

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The `email` field, lower-cased; it must look like an address. */
export function readEmail(input: Record<string, unknown>, problems: string[]): string {
	const email = readText(input, 'email', { label: 'E-mail address', required: true, max: 254 }, problems).toLowerCase();
	if (email && !emailPattern.test(email)) problems.push('E-mail address must look like name@example.com.');
	return email;
}
