import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
	createInvitationToken,
	hashInvitationToken,
	invitationTokenPattern,
	tokenMatchesHash,
} from '../../../src/invitations/invitation-token.ts';

describe('createInvitationToken', () => {
	test('Issues a 43-character base64url token that the link pattern accepts', () => {
		const { token } = createInvitationToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(invitationTokenPattern.test(token)).toBe(true);
	});

	test('Returns the SHA-256 hash of the token, never the token itself, to store', () => {
		const { token, hash } = createInvitationToken();
		expect(hash).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
		expect(hash).not.toContain(token);
	});

	test('Issues a different token every time', () => {
		const tokens = new Set(Array.from({ length: 200 }, () => createInvitationToken().token));
		expect(tokens.size).toBe(200);
	});
});

describe('hashInvitationToken', () => {
	test('Hashes the same token to the same 64 hex digits', () => {
		expect(hashInvitationToken('a'.repeat(43))).toBe(hashInvitationToken('a'.repeat(43)));
		expect(hashInvitationToken('a'.repeat(43))).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('tokenMatchesHash', () => {
	test('Accepts the token an invitation was issued with', () => {
		const { token, hash } = createInvitationToken();
		expect(tokenMatchesHash(token, hash)).toBe(true);
	});

	test('Refuses a token with one character changed', () => {
		const { token, hash } = createInvitationToken();
		const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
		expect(tokenMatchesHash(tampered, hash)).toBe(false);
	});

	test('Refuses a token cut short or lengthened', () => {
		const { token, hash } = createInvitationToken();
		expect(tokenMatchesHash(token.slice(0, -1), hash)).toBe(false);
		expect(tokenMatchesHash(`${token}A`, hash)).toBe(false);
	});

	test('Refuses the stored hash presented as the token, so a copy of the database opens nothing', () => {
		const { hash } = createInvitationToken();
		expect(tokenMatchesHash(hash, hash)).toBe(false);
	});

	test('Refuses a stored hash that was altered or is not a hash at all', () => {
		const { token, hash } = createInvitationToken();
		const altered = (hash[0] === '0' ? '1' : '0') + hash.slice(1);
		expect(tokenMatchesHash(token, altered)).toBe(false);
		expect(tokenMatchesHash(token, '')).toBe(false);
		expect(tokenMatchesHash(token, 'not hex')).toBe(false);
	});
});

describe('invitationTokenPattern', () => {
	test('Refuses tokens of the wrong length or with characters outside base64url', () => {
		for (const token of [
			'',
			'a'.repeat(42),
			'a'.repeat(44),
			`${'a'.repeat(42)}=`,
			`${'a'.repeat(42)}+`,
			`${'a'.repeat(42)}/`,
			` ${'a'.repeat(42)}`,
			`${'a'.repeat(43)}\n`,
		]) {
			expect({ token, valid: invitationTokenPattern.test(token) }).toEqual({ token, valid: false });
		}
	});
});
