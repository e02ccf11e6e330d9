/**
 * How a contact's reply by e-mail finds its ticket. Every ticket mail to a contact carries, signed with a
 * key derived from Directus's SECRET, the ticket and the contact it was sent to: in its Message-ID (which
 * mail clients quote back in In-Reply-To and References) and, where the portal has a support address, in
 * its Reply-To (`support+<signature>@…`, read with the `[#ticket]` of the subject). Nobody can make one up
 * for a ticket they were not mailed about; a forged sender without one creates nothing on a ticket.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ItemKey, itemKey } from '../data-map/item-key.ts';

export interface MailThread {
	ticket: ItemKey;
	contact: ItemKey;
}

/** 80 bits, in lower case: a mail server may change the case of an address's local part. */
function signatureOf(secret: string, { ticket, contact }: MailThread): string {
	const key = Buffer.from(hkdfSync('sha256', secret, 'customer-portal', 'mail thread', 32));
	return createHmac('sha256', key)
		.update(`${String(ticket).toLowerCase()}\n${String(contact).toLowerCase()}`)
		.digest()
		.subarray(0, 10)
		.toString('hex');
}

function sameSignature(given: string, expected: string): boolean {
	const a = Buffer.from(given.toLowerCase());
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A Message-ID naming the thread, new for every mail: `<portal.<thread>.<signature>.<random>@host>`. */
export function threadMessageId(secret: string, thread: MailThread, host: string): string {
	const named = Buffer.from(JSON.stringify([thread.ticket, thread.contact])).toString('hex');
	return `<portal.${named}.${signatureOf(secret, thread)}.${randomBytes(6).toString('hex')}@${host}>`;
}

const messageIdPattern = /<?portal\.([0-9a-f]{2,400})\.([0-9a-f]{20})\.[0-9a-f]+@[^>\s]*>?/gi;

/** The threads the Message-IDs a reply quotes (In-Reply-To, References) name under this SECRET. */
export function threadsInMessageIds(secret: string, ids: readonly string[]): MailThread[] {
	const threads: MailThread[] = [];
	for (const id of ids) {
		for (const [, named, signature] of id.matchAll(messageIdPattern)) {
			try {
				const [ticket, contact] = JSON.parse(Buffer.from(named ?? '', 'hex').toString('utf8')) as unknown[];
				const thread = { ticket: itemKey(ticket), contact: itemKey(contact) };
				if (thread.ticket === null || thread.contact === null) continue;
				if (!sameSignature(signature ?? '', signatureOf(secret, thread as MailThread))) continue;
				if (!threads.some((known) => known.ticket === thread.ticket && known.contact === thread.contact))
					threads.push(thread as MailThread);
			} catch {
				// Not one of ours.
			}
		}
	}
	return threads;
}

/** The support address with the thread's signature: `support+<signature>@example.com`. */
export function threadReplyAddress(secret: string, thread: MailThread, supportAddress: string): string {
	const at = supportAddress.lastIndexOf('@');
	return `${supportAddress.slice(0, at)}+${signatureOf(secret, thread)}${supportAddress.slice(at)}`;
}

/** The signatures of the support address's `+…` forms among `addresses`. */
export function signaturesInAddresses(addresses: readonly string[], supportAddress: string): string[] {
	const at = supportAddress.lastIndexOf('@');
	const local = supportAddress.slice(0, at).toLowerCase();
	const domain = supportAddress.slice(at + 1).toLowerCase();
	const signatures: string[] = [];
	for (const address of addresses) {
		const match = /^([^@]+)\+([0-9a-f]{20})@(.+)$/i.exec(address.trim());
		if (match && match[1]?.toLowerCase() === local && match[3]?.toLowerCase() === domain)
			signatures.push((match[2] ?? '').toLowerCase());
	}
	return signatures;
}

/** Whether `signature` (from a reply address) is the thread's. */
export function isThreadSignature(secret: string, thread: MailThread, signature: string): boolean {
	return sameSignature(signature, signatureOf(secret, thread));
}

/** The ticket a subject names as the portal's mails do: `[#123] …` (or `Re: [#123] …`). */
export function ticketInSubject(subject: string): ItemKey | null {
	const match = /\[#([0-9a-f-]{1,36})\]/i.exec(subject);
	return match ? itemKey(match[1]) : null;
}
