import { InvalidPublicInputError } from '../errors/invalid-public-input-error.ts';
import { readEmail } from './read-email.ts';
import { readObject } from './read-object.ts';
import { readText } from './read-text.ts';

export interface SignUpInput {
	email: string;
	first_name: string;
	last_name: string;
}

/** A person asking for a login (self sign-up), or added by a client administrator; every problem is named. */
export function parseSignUp(body: unknown): SignUpInput {
	const input = readObject(body, ['email', 'first_name', 'last_name']);
	const problems: string[] = [];
	const parsed = {
		email: readEmail(input, problems),
		first_name: readText(input, 'first_name', { label: 'First name', required: false, max: 100 }, problems),
		last_name: readText(input, 'last_name', { label: 'Last name', required: true, max: 100 }, problems),
	};
	if (problems.length > 0) throw new InvalidPublicInputError({ problems });
	return parsed;
}
