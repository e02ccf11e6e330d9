import { InvalidPublicInputError } from '../errors/invalid-public-input-error.ts';
import { readEmail } from './read-email.ts';
import { readObject } from './read-object.ts';
import { readText } from './read-text.ts';

export interface PublicRequestInput {
	name: string;
	email: string;
	subject: string;
	description: string;
}

/** A request a visitor files without signing in; every problem is named so a form can show it. */
export function parsePublicRequest(body: unknown): PublicRequestInput {
	const input = readObject(body, ['name', 'email', 'subject', 'description']);
	const problems: string[] = [];
	const parsed = {
		name: readText(input, 'name', { label: 'Name', required: true, max: 200 }, problems),
		email: readEmail(input, problems),
		subject: readText(input, 'subject', { label: 'Subject', required: true, max: 200 }, problems),
		description: readText(input, 'description', { label: 'Description', required: false, max: 20_000 }, problems),
	};
	if (problems.length > 0) throw new InvalidPublicInputError({ problems });
	return parsed;
}
