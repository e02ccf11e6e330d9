import { createError } from '@directus/errors';

export interface MessageTooLargeErrorExtensions {
	limit: number;
}

/** A message handed to the inbound-mail route over PORTAL_INBOUND_MAX_BYTES. */
export const MessageTooLargeError = createError<MessageTooLargeErrorExtensions>(
	'MESSAGE_TOO_LARGE',
	({ limit }) => `The message is larger than ${Math.round(limit / 1024 / 1024)} MB and was not taken.`,
	413,
);
