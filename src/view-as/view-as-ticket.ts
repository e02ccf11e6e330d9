/**
 * "View as" tickets: what staff's browser carries, beside their own studio session, to see the portal as
 * one contact. A ticket names the staff user, the contact and an expiry, signed with a key derived from
 * Directus's SECRET, so every instance can check it without shared state and nobody can forge or widen
 * one. It is never a credential of the contact's and is useless without the staff user's own session.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { itemKey } from '../data-map/item-key.ts';

export const viewAsLifetimeMinutes = 30;

export interface ViewAsClaims {
	/** The staff user who asked (directus_users.id). */
	staff: string;
	/** The contact seen: its key in the collection playing contacts (an integer, or a uuid). */
	contact: ContactKey;
	/** Expiry, seconds since the epoch. */
	expires: number;
}

function signingKey(secret: string): Buffer {
	// A key of its own, so a ticket's signature says nothing about Directus's session signatures.
	return createHmac('sha256', secret).update('customer-portal view-as ticket v1').digest();
}

function signature(secret: string, payload: string): Buffer {
	return createHmac('sha256', signingKey(secret)).update(payload).digest();
}

export function issueViewAsTicket(
	secret: string,
	staff: string,
	contact: ContactKey,
	now = new Date(),
): { ticket: string; expiresAt: Date } {
	const expires = Math.floor(now.getTime() / 1000) + viewAsLifetimeMinutes * 60;
	// The nonce makes two tickets for the same contact in the same second differ.
	const payload = Buffer.from(
		JSON.stringify({ s: staff, c: contact, e: expires, n: randomBytes(9).toString('base64url') }),
	).toString('base64url');
	return {
		ticket: `${payload}.${signature(secret, payload).toString('base64url')}`,
		expiresAt: new Date(expires * 1000),
	};
}

/** The ticket's claims, or null when it is malformed, signed with another key, or expired. */
export function readViewAsTicket(secret: string, ticket: string, now = new Date()): ViewAsClaims | null {
	if (ticket.length > 1024) return null;
	const [payload, signed, extra] = ticket.split('.');
	if (!payload || !signed || extra !== undefined) return null;
	const expected = signature(secret, payload);
	const given = Buffer.from(signed, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	let claims: unknown;
	try {
		claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	const { s, c, e } = (claims ?? {}) as { s?: unknown; c?: unknown; e?: unknown };
	// A contact key exactly as issued: an integer or a uuid (`itemKey` would also read digits in a string).
	if (typeof s !== 'string' || c === null || itemKey(c) !== c || !Number.isSafeInteger(e)) return null;
	if ((e as number) * 1000 <= now.getTime()) return null;
	return { staff: s, contact: c as ContactKey, expires: e as number };
}
