import { InvalidPublicInputError } from '../errors/invalid-public-input-error.ts';
import { readObject } from './read-object.ts';
import { readText } from './read-text.ts';

export interface PasswordChangeInput {
	current_password: string;
	new_password: string;
}

/** A portal user's change of their own password: both passwords as typed, never trimmed. */
export function parsePasswordChange(body: unknown): PasswordChangeInput {
	const input = readObject(body, ['current_password', 'new_password']);
	const problems: string[] = [];
	const parsed = {
		current_password: readText(
			input,
			'current_password',
			{ label: 'Current password', required: true, max: 512, trim: false },
			problems,
		),
		new_password: readText(
			input,
			'new_password',
			{ label: 'New password', required: true, max: 512, trim: false },
			problems,
		),
	};
	if (problems.length > 0) throw new InvalidPublicInputError({ problems });
	return parsed;
}
