/**
 * The token of a mail's one-click unsubscribe link: the contact and the kind of mail, signed with a key
 * derived from Directus's SECRET, so that nobody can turn off another contact's mail by guessing. It
 * grants nothing else, and does not expire: an old mail's link still works.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { ItemKey } from '../data-map/item-key.ts';
import { type ContactNotificationKind, isContactNotificationKind } from './contact-notification-kinds.ts';

function keyOf(secret: string): Buffer {
	return Buffer.from(hkdfSync('sha256', secret, 'customer-portal', 'unsubscribe link', 32));
}

function signatureOf(secret: string, payload: string): Buffer {
	return createHmac('sha256', keyOf(secret)).update(payload).digest();
}

export function unsubscribeToken(secret: string, contact: ItemKey, kind: ContactNotificationKind): string {
	const payload = Buffer.from(JSON.stringify([contact, kind])).toString('base64url');
	return `${payload}.${signatureOf(secret, payload).toString('base64url')}`;
}

/** The contact and kind a token names, or null for anything not signed with this SECRET. */
export function readUnsubscribeToken(
	secret: string,
	token: unknown,
): { contact: ItemKey; kind: ContactNotificationKind } | null {
	if (typeof token !== 'string' || token.length > 512) return null;
	const [payload, signature, extra] = token.split('.');
	if (!payload || !signature || extra !== undefined) return null;
	const given = Buffer.from(signature, 'base64url');
	const expected = signatureOf(secret, payload);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		const [contact, kind] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
		if ((typeof contact !== 'number' && typeof contact !== 'string') || !isContactNotificationKind(kind)) return null;
		return { contact, kind };
	} catch {
		return null;
	}
}
