import { TeamActionRefusedError } from '../errors/team-action-refused-error.ts';

/** The body of a colleague's group change: `group` and nothing else. The group is checked against what the admin may give. */
export function parseGroupChange(body: unknown): { group: unknown } {
	const input = (body ?? {}) as Record<string, unknown>;
	const unknown = Object.keys(input).filter((key) => key !== 'group');
	if (unknown.length > 0 || input['group'] === undefined)
		throw new TeamActionRefusedError({ reason: 'Send only "group": the id of one of the groups offered to you.' });
	return { group: input['group'] };
}
