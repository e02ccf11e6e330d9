import type { InvitableContact } from './invitation-records.ts';

/** A contact read by role, with its own login suspension. */
export type ContactRecord = InvitableContact & { login_suspended: boolean };

/**
 * A contact row selected by role (`roleColumns` over `contactRoles`) as the rules read it: a role the map
 * leaves unmapped is missing from the row, and reads as nothing (a first name, a group) — but a missing
 * status reads as active, since a collection that keeps no status has no inactive contacts. SQLite hands
 * booleans over as 0 and 1.
 */
export function contactRecordOf(row: Readonly<Record<string, unknown>>): ContactRecord {
	const value = <T>(role: string) => (row[role] ?? null) as T | null;
	return {
		id: row['id'] as InvitableContact['id'],
		email: value<string>('email'),
		first_name: value<string>('first_name'),
		last_name: value<string>('last_name'),
		status: 'status' in row ? value<string>('status') : 'active',
		customer: row['customer'] as number,
		user: value<string>('user'),
		portal_group: value<number>('portal_group'),
		login_suspended: Boolean(row['login_suspended']),
	};
}
