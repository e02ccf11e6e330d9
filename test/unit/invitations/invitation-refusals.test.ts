import { describe, expect, test } from 'vitest';
import { InvitationConflictError } from '../../../src/errors/invitation-conflict-error.ts';
import { InvitationNotUsableError } from '../../../src/errors/invitation-not-usable-error.ts';
import { InvitationRefusedError } from '../../../src/errors/invitation-refused-error.ts';
import { assertInvitationPassword } from '../../../src/invitations/assert-invitation-password.ts';
import { assertInvitationResendable } from '../../../src/invitations/assert-invitation-resendable.ts';
import { assertInvitationRevocable } from '../../../src/invitations/assert-invitation-revocable.ts';
import { assertInvitationUsable } from '../../../src/invitations/assert-invitation-usable.ts';
import type { FoundInvitation } from '../../../src/invitations/find-invitation-by-token.ts';
import type { InvitableContact, InvitationRecord } from '../../../src/invitations/invitation-records.ts';

const record: InvitationRecord = {
	id: 1,
	contact: 2,
	token_hash: '0'.repeat(64),
	expires_at: '2026-03-02T12:00:00.000Z',
	accepted_at: null,
	revoked_at: null,
	sent_count: 1,
	last_sent_at: null,
};
const contact: InvitableContact = {
	id: 2,
	email: 'ada@example.com',
	first_name: 'Ada',
	last_name: null,
	status: 'active',
	customer: 3,
	user: 'u-1',
	portal_group: 4,
};

describe('assertInvitationResendable', () => {
	test('Lets a pending or expired invitation be sent again', () => {
		expect(() => assertInvitationResendable('pending')).not.toThrow();
		expect(() => assertInvitationResendable('expired')).not.toThrow();
	});

	test('Refuses to send an accepted or revoked invitation again, saying to invite anew', () => {
		expect(() => assertInvitationResendable('accepted')).toThrow(InvitationConflictError);
		expect(() => assertInvitationResendable('accepted')).toThrow(
			'This invitation has been accepted; it cannot be sent again. Invite the contact anew if needed.',
		);
		expect(() => assertInvitationResendable('revoked')).toThrow(
			'This invitation has been revoked; it cannot be sent again. Invite the contact anew if needed.',
		);
	});
});

describe('assertInvitationRevocable', () => {
	test('Lets a pending, expired or already revoked invitation be revoked', () => {
		for (const state of ['pending', 'expired', 'revoked'] as const)
			expect(() => assertInvitationRevocable(state)).not.toThrow();
	});

	test('Refuses to revoke an accepted invitation, pointing to suspending the login instead', () => {
		expect(() => assertInvitationRevocable('accepted')).toThrow(InvitationConflictError);
		expect(() => assertInvitationRevocable('accepted')).toThrow(
			'This invitation has already been accepted. Suspend the login instead.',
		);
	});
});

describe('assertInvitationUsable', () => {
	test('Lets a pending invitation with its contact be accepted', () => {
		expect(() => assertInvitationUsable({ state: 'pending', invitation: record, contact })).not.toThrow();
	});

	test('Refuses an unknown, expired, accepted or revoked invitation with the state in the error', () => {
		for (const state of ['unknown', 'expired', 'accepted', 'revoked'] as const) {
			const found: FoundInvitation = {
				state,
				invitation: state === 'unknown' ? null : record,
				contact: state === 'unknown' ? null : contact,
			};
			let caught: unknown;
			try {
				assertInvitationUsable(found);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(InvitationNotUsableError);
			expect((caught as InstanceType<typeof InvitationNotUsableError>).extensions).toEqual({ state });
		}
	});

	test('Refuses a pending state that comes without its invitation or contact', () => {
		expect(() => assertInvitationUsable({ state: 'pending', invitation: null, contact })).toThrow(
			InvitationNotUsableError,
		);
		expect(() => assertInvitationUsable({ state: 'pending', invitation: record, contact: null })).toThrow(
			InvitationNotUsableError,
		);
	});

	test('Tells an expired link to ask for a new invitation', () => {
		expect(() => assertInvitationUsable({ state: 'expired', invitation: record, contact })).toThrow(
			'This invitation link has expired. Ask for a new invitation.',
		);
	});
});

describe('assertInvitationPassword', () => {
	test('Accepts a password of 1 to 512 characters', () => {
		expect(() => assertInvitationPassword('x')).not.toThrow();
		expect(() => assertInvitationPassword('x'.repeat(512))).not.toThrow();
	});

	test('Refuses an empty password, one over 512 characters, and anything not a string', () => {
		for (const password of ['', 'x'.repeat(513), undefined, null, 12345678, ['password'], { password: 'x' }]) {
			expect(() => assertInvitationPassword(password)).toThrow(InvitationRefusedError);
		}
		expect(() => assertInvitationPassword('')).toThrow('Choose a password (at most 512 characters).');
	});
});
