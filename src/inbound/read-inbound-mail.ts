/**
 * A received message as the portal reads it: Nodemailer's `mailparser` does the MIME (encodings, character
 * sets, attachments), `html-to-text` turns an HTML-only mail into text; this keeps what the portal decides on.
 */
import { convert } from 'html-to-text';
import { type AddressObject, simpleParser } from 'mailparser';

export interface InboundAttachment {
	filename: string;
	type: string;
	content: Buffer;
}

export interface InboundMail {
	messageId: string | null;
	/** The sender's address in lower case, and name. */
	from: { address: string; name: string } | null;
	/** Every address it was sent to: the envelope's, To, Cc and Delivered-To. */
	recipients: string[];
	subject: string;
	/** The body as text (from the HTML part where there is no text part). */
	text: string;
	/** The Message-IDs it answers: In-Reply-To and References. */
	quotedIds: string[];
	/** Its headers, by lower-case name, as text. */
	headers: Record<string, string>;
	/** Files it carries, not counting images placed inside an HTML body (signatures' logos). */
	attachments: InboundAttachment[];
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
	const objects = value === undefined ? [] : [value].flat();
	return objects.flatMap((object) =>
		object.value.flatMap((entry) => [
			...(entry.address ? [{ address: entry.address.toLowerCase(), name: entry.name ?? '' }] : []),
			...addressesOf(entry.group ? { value: entry.group, html: '', text: '' } : undefined),
		]),
	);
}

/** Reads a raw RFC 5322 message; `envelope` are the SMTP recipients where it came by SMTP. */
export async function readInboundMail(raw: Buffer, envelope: readonly string[] = []): Promise<InboundMail> {
	const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
	// As sent (unfolded), the first of each name: mailparser's own map reshapes some (List-* into `list`).
	const headers: Record<string, string> = {};
	for (const { key, line } of parsed.headerLines)
		headers[key] ??= line
			.slice(line.indexOf(':') + 1)
			.replace(/\r?\n[ \t]+/g, ' ')
			.trim();
	const [from] = addressesOf(parsed.from);
	const references = parsed.references === undefined ? [] : [parsed.references].flat();
	const delivered = parsed.headerLines
		.filter((line) => line.key === 'delivered-to')
		.map((line) => line.line.replace(/^delivered-to:\s*/i, '').trim());
	return {
		messageId: parsed.messageId?.trim() || null,
		from: from ?? null,
		recipients: [
			...new Set(
				[...envelope, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)]
					.map((entry) => (typeof entry === 'string' ? entry : entry.address).toLowerCase())
					.concat(delivered.map((address) => address.toLowerCase())),
			),
		],
		subject: (parsed.subject ?? '').trim(),
		text: (parsed.text || (parsed.html ? convert(parsed.html, { wordwrap: false }) : '')).replace(/\r\n/g, '\n'),
		quotedIds: [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...references],
		headers,
		attachments: parsed.attachments
			.filter((attachment) => !(attachment.related && attachment.contentType.startsWith('image/')))
			.map((attachment) => ({
				filename: attachment.filename ?? 'attachment',
				type: attachment.contentType.toLowerCase(),
				content: attachment.content,
			})),
	};
}
