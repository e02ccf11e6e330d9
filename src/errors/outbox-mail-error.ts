import { createError } from '@directus/errors';

export interface OutboxMailErrorExtensions {
	reason: string;
}

/** An outbox mail that is not there, or not in a state that allows this (it is being sent right now). */
export const OutboxMailError = createError<OutboxMailErrorExtensions>('OUTBOX_MAIL', ({ reason }) => reason, 409);
