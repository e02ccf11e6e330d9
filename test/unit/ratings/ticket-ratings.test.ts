import { describe, expect, test } from 'vitest';
import { InvalidRatingError } from '../../../src/errors/invalid-rating-error.ts';
import { RatingNotAllowedError } from '../../../src/errors/rating-not-allowed-error.ts';
import { TooManyRatingsError } from '../../../src/errors/too-many-ratings-error.ts';
import { portalLanguages } from '../../../src/i18n/languages.ts';
import { staffNoticeSubject, ticketReplyMail, ticketStatusMail } from '../../../src/mail/portal-mails.ts';
import { assertRatable, ratingChangeableUntil, ratingRefusal } from '../../../src/ratings/assert-ratable.ts';
import { parseTicketRating } from '../../../src/ratings/parse-ticket-rating.ts';
import { ratingChangeDays, ratingCommentLimit } from '../../../src/ratings/ticket-rating.ts';

describe('Parsing a rating', () => {
	test('Takes good or bad with a trimmed comment, an empty comment as none', () => {
		expect(parseTicketRating({ rating: 'good', comment: '  Quick and kind. ' })).toEqual({
			rating: 'good',
			comment: 'Quick and kind.',
		});
		expect(parseTicketRating({ rating: 'bad', comment: '   ' })).toEqual({ rating: 'bad', comment: null });
		expect(parseTicketRating({ rating: 'bad' })).toEqual({ rating: 'bad', comment: null });
	});

	test('Refuses any other rating, saying which are taken', () => {
		for (const body of [{}, null, 'good', { rating: 'GOOD' }, { rating: 5 }, { rating: ['good'] }])
			expect(() => parseTicketRating(body)).toThrow('Send "rating": one of good, bad.');
	});

	test('Refuses a comment that is not text or is longer than the limit, saying the limit', () => {
		expect(() => parseTicketRating({ rating: 'good', comment: { text: 'x' } })).toThrow('The comment must be text.');
		expect(() => parseTicketRating({ rating: 'good', comment: 'x'.repeat(ratingCommentLimit + 1) })).toThrow(
			`The comment is ${ratingCommentLimit + 1} characters long; it may be at most ${ratingCommentLimit}.`,
		);
		expect(parseTicketRating({ rating: 'good', comment: 'x'.repeat(ratingCommentLimit) }).comment).toHaveLength(
			ratingCommentLimit,
		);
	});

	test('Its errors are 400 INVALID_RATING and 403 RATING_NOT_ALLOWED', () => {
		const invalid = new InvalidRatingError({ reason: 'Send "rating".' });
		expect([invalid.status, invalid.code, invalid.message]).toEqual([400, 'INVALID_RATING', 'Send "rating".']);
		const refused = new RatingNotAllowedError({ reason: 'Not yet.' });
		expect([refused.status, refused.code, refused.message]).toEqual([403, 'RATING_NOT_ALLOWED', 'Not yet.']);
		const often = new TooManyRatingsError();
		expect([often.status, often.code, often.message]).toEqual([
			429,
			'TOO_MANY_RATINGS',
			'You rated tickets too often in the last hour. Please wait an hour and try again.',
		]);
	});
});

describe('Who may rate, and when', () => {
	const now = new Date('2030-03-20T12:00:00Z');
	const day = 24 * 60 * 60 * 1000;

	test('The requester rates a resolved or closed ticket', () => {
		for (const state of ['resolved', 'closed'])
			expect(ratingRefusal({ state, isRequester: true, firstRatedAt: null, now })).toBeNull();
	});

	test('A ticket that is not done with cannot be rated', () => {
		for (const state of ['new', 'open', 'pending', null, 'Resolved'])
			expect(ratingRefusal({ state, isRequester: true, firstRatedAt: null, now })).toBe(
				'A ticket can be rated once it is resolved or closed.',
			);
	});

	test('Only the requester rates, whoever else may see the ticket', () => {
		expect(() => assertRatable({ state: 'resolved', isRequester: false, firstRatedAt: null, now })).toThrow(
			'Only the person who asked for this ticket can rate it.',
		);
	});

	test(`A rating can be changed for ${ratingChangeDays} days after it was first given, not after`, () => {
		const given = new Date(now.getTime() - ratingChangeDays * day);
		expect(ratingChangeableUntil(given)).toEqual(now);
		expect(ratingRefusal({ state: 'resolved', isRequester: true, firstRatedAt: given, now })).toBeNull();
		expect(
			ratingRefusal({ state: 'resolved', isRequester: true, firstRatedAt: new Date(given.getTime() - 1), now }),
		).toMatch(/can no longer be changed/);
	});
});

describe('Rating in mails', () => {
	const branding = { portalName: 'Acme Portal', accentColor: '#123456' };
	const link = 'https://support.example.com/portal/tickets/42';
	const resolved = {
		name: 'Ana Rivera',
		ticket: 42,
		subject: 'Printer offline',
		state: 'resolved' as const,
		link,
		unsubscribe: 'https://support.example.com/portal/unsubscribe?token=x',
	};

	test('The requester’s resolved mail asks how we did, with a link per answer that only opens the ticket', () => {
		const mail = ticketStatusMail(branding, { ...resolved, language: 'en', askRating: true });
		expect(mail.text).toContain(`How did we do?\nGood: ${link}?rate=good\nBad: ${link}?rate=bad`);
		expect(mail.html).toContain(`href="${link}?rate=good"`);
		expect(mail.html).toContain(`href="${link}?rate=bad"`);
		const german = ticketStatusMail(branding, { ...resolved, language: 'de', askRating: true });
		expect(german.text).toContain(`Gut: ${link}?rate=good`);
	});

	test('A staff reply that resolves the ticket asks its requester too; one that leaves it open does not', () => {
		const reply = { ...resolved, author: { name: 'Sam' }, reply: 'Replaced the print head.', language: 'en' as const };
		expect(ticketReplyMail(branding, { ...reply, askRating: true }).text).toContain(`Bad: ${link}?rate=bad`);
		expect(ticketReplyMail(branding, { ...reply, state: null, askRating: true }).text).not.toContain('rate=');
		expect(ticketReplyMail(branding, { ...reply, askRating: false }).text).not.toContain('rate=');
	});

	test('Other followers’ mails and waiting mails ask nothing', () => {
		expect(ticketStatusMail(branding, { ...resolved, language: 'en' }).text).not.toContain('rate=');
		expect(
			ticketStatusMail(branding, { ...resolved, state: 'pending', language: 'en', askRating: true }).text,
		).not.toContain('rate=');
	});

	test('Staff hear of a bad rating in every language', () => {
		const about = { activity: 'rated_bad' as const, from: 'Ana Rivera', customer: 'Acme', ticketSubject: 'Printer' };
		expect(staffNoticeSubject(about, 'en')).toBe('Ana Rivera (Acme) rated the service on a ticket as bad: Printer');
		for (const language of portalLanguages) expect(staffNoticeSubject(about, language)).toContain('Printer');
	});
});
