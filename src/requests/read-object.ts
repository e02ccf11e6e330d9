import { InvalidPublicInputError } from '../errors/invalid-public-input-error.ts';

/** The input as an object holding only `allowed` fields; anything else is refused at once. */
export function readObject(input: unknown, allowed: string[]): Record<string, unknown> {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new InvalidPublicInputError({ problems: ['Send a JSON object.'] });
	const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
	if (unknown.length > 0)
		throw new InvalidPublicInputError({
			problems: [`Unknown field${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}.`],
		});
	return input as Record<string, unknown>;
}
