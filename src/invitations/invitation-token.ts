import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the part of an invitation link that proves who it is for. */
const tokenBytes = 32;
export const invitationTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Only the hash is stored, so a copy of the database cannot be used to accept an invitation. */
export function hashInvitationToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createInvitationToken(): { token: string; hash: string } {
	const token = randomBytes(tokenBytes).toString('base64url');
	return { token, hash: hashInvitationToken(token) };
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
	const presented = Buffer.from(hashInvitationToken(token), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	return presented.length === stored.length && timingSafeEqual(presented, stored);
}
