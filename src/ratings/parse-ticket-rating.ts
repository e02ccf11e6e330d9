import { InvalidRatingError } from '../errors/invalid-rating-error.ts';
import { isTicketRating, ratingCommentLimit, type TicketRating, ticketRatings } from './ticket-rating.ts';

export interface TicketRatingInput {
	rating: TicketRating;
	/** Trimmed; null for none. */
	comment: string | null;
}

/** A rating as a contact sends it: `rating` one of the ratings, `comment` optional text up to the limit. */
export function parseTicketRating(body: unknown): TicketRatingInput {
	const { rating, comment } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	if (!isTicketRating(rating))
		throw new InvalidRatingError({ reason: `Send "rating": one of ${ticketRatings.join(', ')}.` });
	if (comment !== undefined && comment !== null && typeof comment !== 'string')
		throw new InvalidRatingError({ reason: 'The comment must be text.' });
	const text = comment?.trim() ?? '';
	if (text.length > ratingCommentLimit)
		throw new InvalidRatingError({
			reason: `The comment is ${text.length} characters long; it may be at most ${ratingCommentLimit}.`,
		});
	return { rating, comment: text === '' ? null : text };
}
