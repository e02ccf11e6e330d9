/**
 * The rules of satisfaction ratings, stated once: what a contact may answer, how long a comment may be, on which
 * tickets and for how long a rating may be changed. The server enforces them (`assertRatable`,
 * `parseTicketRating`); the portal app reads the same values to say so before sending.
 */

/** What a requester answers to "How did we do?". */
export const ticketRatings = ['good', 'bad'] as const;
export type TicketRating = (typeof ticketRatings)[number];

/** The longest comment a rating takes, in characters. */
export const ratingCommentLimit = 1000;

/** A rating may be changed for this many days after it was first given. */
export const ratingChangeDays = 14;

/**
 * How often one contact may give or change a rating in an hour: a rating that turns bad tells staff, so turning it
 * back and forth must not flood them.
 */
export const ratingsPerHour = 20;

/** The portal states of a ticket that may be rated: it is done with. */
export const ratableStates: readonly string[] = ['resolved', 'closed'];

/** A contact's rating of one ticket, as it is stored and answered. */
export interface TicketRatingRecord {
	rating: TicketRating;
	comment: string | null;
	date_created: string;
	date_updated: string | null;
}

export function isTicketRating(value: unknown): value is TicketRating {
	return typeof value === 'string' && (ticketRatings as readonly string[]).includes(value);
}
