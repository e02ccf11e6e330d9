import { RatingNotAllowedError } from '../errors/rating-not-allowed-error.ts';
import { ratableStates, ratingChangeDays } from './ticket-rating.ts';

export interface RatableFacts {
	/** The ticket's portal state (resolved, closed, …), or its stored value where it means none. */
	state: unknown;
	/** The contact who rates is the ticket's requester. */
	isRequester: boolean;
	/** When this contact first rated this ticket; null if they have not. */
	firstRatedAt: Date | null;
	now: Date;
}

/** When a rating first given at `firstRatedAt` can no longer be changed. */
export function ratingChangeableUntil(firstRatedAt: Date): Date {
	return new Date(firstRatedAt.getTime() + ratingChangeDays * 24 * 60 * 60 * 1000);
}

/** Whether the contact may give or change their rating now; the reason they may not, else null. */
export function ratingRefusal({ state, isRequester, firstRatedAt, now }: RatableFacts): string | null {
	// Only the requester: the ticket was theirs to have solved, and a rating counts one person's experience once.
	if (!isRequester) return 'Only the person who asked for this ticket can rate it.';
	if (!ratableStates.includes(String(state))) return 'A ticket can be rated once it is resolved or closed.';
	if (firstRatedAt && now > ratingChangeableUntil(firstRatedAt))
		return `A rating can be changed for ${ratingChangeDays} days after it was given; this one can no longer be changed.`;
	return null;
}

/** Throws `RatingNotAllowedError` unless the contact may rate now (`ratingRefusal`). */
export function assertRatable(facts: RatableFacts): void {
	const reason = ratingRefusal(facts);
	if (reason !== null) throw new RatingNotAllowedError({ reason });
}
