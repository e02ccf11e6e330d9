import { describe, expect, test } from 'vitest';
import { TeamActionRefusedError } from '../../../src/errors/team-action-refused-error.ts';
import { contactLoginStatus } from '../../../src/team/contact-login-status.ts';
import { parseGroupChange } from '../../../src/team/parse-group-change.ts';

const now = new Date('2026-03-01T12:00:00Z');
const open = { expires_at: '2026-03-02T12:00:00Z', accepted_at: null, revoked_at: null };
const lapsed = { expires_at: '2026-02-28T12:00:00Z', accepted_at: null, revoked_at: null };
const revoked = { ...open, revoked_at: '2026-03-01T10:00:00Z' };

describe('Login status for staff', () => {
	const status = (userStatus: string | null, loginSuspended: boolean, invitation: typeof open | null = null) =>
		contactLoginStatus('staff', { userStatus, loginSuspended, invitation, now });

	test('An open invitation comes first, invited until it lapses', () => {
		expect(status('invited', false, open)).toBe('invited');
		expect(status('invited', false, lapsed)).toBe('invitation_expired');
		expect(status('active', false, open)).toBe('invited');
	});

	test('Without one: no login, suspended on the contact or the user, or active', () => {
		expect(status(null, false)).toBe('no_login');
		expect(status('invited', false)).toBe('no_login');
		expect(status('active', true)).toBe('suspended');
		expect(status('suspended', false)).toBe('suspended');
		expect(status('archived', false)).toBe('suspended');
		expect(status('active', false)).toBe('active');
	});
});

describe('Login status for a client administrator', () => {
	const status = (
		userStatus: string | null,
		invitation: typeof open | typeof revoked | null = null,
		loginSuspended = false,
	) => contactLoginStatus('client_admin', { userStatus, loginSuspended, invitation, now });

	test('The user decides first: none, active or suspended, whatever the invitation or the contact says', () => {
		expect(status(null, open)).toBe('no_login');
		expect(status('active', open)).toBe('active');
		expect(status('active', null, true)).toBe('active');
		expect(status('suspended', open)).toBe('suspended');
	});

	test('An invited user is invited, expired, or without a login once its invitation is revoked', () => {
		expect(status('invited', open)).toBe('invited');
		expect(status('invited', lapsed)).toBe('invitation_expired');
		expect(status('invited', revoked)).toBe('no_login');
		expect(status('invited')).toBe('no_login');
	});
});

test('A group change sends "group" and nothing else', () => {
	expect(parseGroupChange({ group: 4 })).toEqual({ group: 4 });
	for (const body of [{}, undefined, { group: 4, login_suspended: true }])
		expect(() => parseGroupChange(body)).toThrow(TeamActionRefusedError);
});
