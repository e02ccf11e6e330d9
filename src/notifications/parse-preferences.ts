import { InvalidPayloadError } from '@directus/errors';
import {
	type ContactNotificationKind,
	contactNotificationKinds,
	isContactNotificationKind,
} from './contact-notification-kinds.ts';

/** A contact's change to their mail preferences: kinds as keys, true or false; anything else is refused in words. */
export function parsePreferences(body: unknown): Partial<Record<ContactNotificationKind, boolean>> {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw new InvalidPayloadError({ reason: 'Send an object such as {"replies": false}.' });
	const changes: Partial<Record<ContactNotificationKind, boolean>> = {};
	for (const [key, value] of Object.entries(body)) {
		if (!isContactNotificationKind(key))
			throw new InvalidPayloadError({
				reason: `"${key.slice(0, 40)}" is no kind of e-mail; the kinds are ${contactNotificationKinds.join(', ')}.`,
			});
		if (typeof value !== 'boolean') throw new InvalidPayloadError({ reason: `"${key}" must be true or false.` });
		changes[key] = value;
	}
	if (Object.keys(changes).length === 0)
		throw new InvalidPayloadError({ reason: `Name at least one of ${contactNotificationKinds.join(', ')}.` });
	return changes;
}
