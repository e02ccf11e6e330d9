import { parseSignUp, type SignUpInput } from './parse-sign-up.ts';

/**
 * A client administrator's new colleague: the person as in a self sign-up, and the group they ask for
 * (undefined: the default group), checked against what the admin may give.
 */
export function parseNewColleague(body: unknown): { group: unknown; person: SignUpInput } {
	const { group, ...person } = (body ?? {}) as Record<string, unknown>;
	return { group, person: parseSignUp(person) };
}
