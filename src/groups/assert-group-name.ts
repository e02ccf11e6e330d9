import { InvalidPayloadError } from '@directus/errors';
import { groupNameMaxLength } from './group-limits.ts';

/** A portal group's name as staff typed it, trimmed: present, and short enough to read in a list and a menu. */
export function assertGroupName(name: unknown): string {
	const trimmed = typeof name === 'string' ? name.trim() : '';
	if (trimmed === '') throw new InvalidPayloadError({ reason: 'A group needs a name.' });
	if ([...trimmed].length > groupNameMaxLength)
		throw new InvalidPayloadError({ reason: `A group's name may have at most ${groupNameMaxLength} characters.` });
	return trimmed;
}
