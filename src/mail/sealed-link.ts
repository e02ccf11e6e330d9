/**
 * A sign-in link waiting in the outbox is stored sealed (AES-256-GCM under a key derived from the
 * project's SECRET), never in clear: a copy of the database alone does not let anyone accept an
 * invitation. The outbox forgets it once the mail is sent.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';

function keyOf(secret: string): Buffer {
	return Buffer.from(hkdfSync('sha256', secret, 'customer-portal', 'outbox sign-in link', 32));
}

export function sealLink(link: string, secret: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
	const sealed = Buffer.concat([cipher.update(link, 'utf8'), cipher.final()]);
	return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The link, or null when it was sealed under another SECRET or has been tampered with. */
export function openLink(sealed: string, secret: string): string | null {
	const [prefix, payload] = sealed.split('.');
	if (prefix !== version || !payload) return null;
	const bytes = Buffer.from(payload, 'base64url');
	if (bytes.length < 29) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
		decipher.setAuthTag(bytes.subarray(12, 28));
		return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}
