import { describe, expect, test } from 'vitest';
import { invitationExpiry, invitationState, type InvitationTimes } from '../../../src/invitations/invitation-state.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const invitation = (times: Partial<InvitationTimes>): InvitationTimes => ({
	expires_at: '2026-03-02T12:00:00.000Z',
	accepted_at: null,
	revoked_at: null,
	...times,
});

describe('invitationState', () => {
	test('Is pending before it expires, unused and not revoked', () => {
		expect(invitationState(invitation({}), now)).toBe('pending');
		expect(invitationState(invitation({ expires_at: new Date(now.getTime() + 1) }), now)).toBe('pending');
	});

	test('Is expired from the moment of its expiry on', () => {
		expect(invitationState(invitation({ expires_at: now }), now)).toBe('expired');
		expect(invitationState(invitation({ expires_at: '2026-03-01T11:59:59.999Z' }), now)).toBe('expired');
	});

	test('Reads its expiry from a Date or from the string the database returns', () => {
		expect(invitationState(invitation({ expires_at: new Date('2026-02-28T00:00:00Z') }), now)).toBe('expired');
		expect(invitationState(invitation({ expires_at: '2026-02-28T00:00:00Z' }), now)).toBe('expired');
	});

	test('Stays accepted once accepted, even after its expiry', () => {
		expect(invitationState(invitation({ accepted_at: '2026-03-01T10:00:00Z' }), now)).toBe('accepted');
		expect(
			invitationState(invitation({ accepted_at: '2026-03-01T10:00:00Z', expires_at: '2026-03-01T11:00:00Z' }), now),
		).toBe('accepted');
	});

	test('Stays revoked once revoked, even after its expiry', () => {
		expect(invitationState(invitation({ revoked_at: new Date('2026-03-01T10:00:00Z') }), now)).toBe('revoked');
		expect(
			invitationState(invitation({ revoked_at: '2026-03-01T10:00:00Z', expires_at: '2026-03-01T11:00:00Z' }), now),
		).toBe('revoked');
	});

	test('Counts as accepted when it was both accepted and revoked', () => {
		expect(
			invitationState(invitation({ accepted_at: '2026-03-01T10:00:00Z', revoked_at: '2026-03-01T11:00:00Z' }), now),
		).toBe('accepted');
	});
});

describe('invitationExpiry', () => {
	test('Expires the given number of hours after now', () => {
		expect(invitationExpiry(now, 72).toISOString()).toBe('2026-03-04T12:00:00.000Z');
		expect(invitationExpiry(now, 1).toISOString()).toBe('2026-03-01T13:00:00.000Z');
	});

	test('Issues an invitation that is pending until the last millisecond of its lifetime', () => {
		const expires_at = invitationExpiry(now, 24);
		expect(invitationState(invitation({ expires_at }), new Date(expires_at.getTime() - 1))).toBe('pending');
		expect(invitationState(invitation({ expires_at }), expires_at)).toBe('expired');
	});
});
