/**
 * The words a person wrote, without what their mail client quoted or signed: the portal's own marker
 * line (`replyMarkers`, one per mail language) ends a reply to its mails, and `email-reply-parser` (the
 * library GitHub's reply parser was ported to) removes quoted history ("On … wrote:", "> …") and signatures.
 */
import EmailReplyParser from 'email-reply-parser';
import { replyMarkers } from '../mail/wording/mail-wordings.ts';

/** The most of a body kept as one reply or ticket description. */
export const maxWrittenLength = 20_000;

export function writtenText(text: string): string {
	// The first marker in any language: a reply quotes the mail it answers, whichever language that was in.
	const found = replyMarkers.map((line) => text.indexOf(line)).filter((index) => index >= 0);
	const marker = found.length > 0 ? Math.min(...found) : -1;
	// What stands before the marker's quote ("On Mon, … wrote:", "> ") is the parser's to remove.
	// Capped first: the parser's expressions run on what a stranger sent.
	const mine = (marker >= 0 ? text.slice(0, marker) : text).slice(0, 5 * maxWrittenLength);
	const visible = new EmailReplyParser().read(mine).getVisibleText().trim();
	return visible.slice(0, maxWrittenLength);
}
