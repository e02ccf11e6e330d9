import { InvalidPayloadError } from '@directus/errors';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { Accountability } from '@directus/types';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { stateValues } from '../data-map/state-values.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import { type StaffReplyState, staffReplyStates } from './staff-reply-states.ts';

/** The longest reply or note staff may write, in characters (a long log pasted in belongs in an attachment). */
export const staffReplyMaxLength = 50_000;

export interface StaffReply {
	body: string;
	/** True: an internal note, never shown or mailed to contacts; false: a reply to the customer. */
	internal: boolean;
	/** The ticket's state after this reply or note (as the help desk does it in one step), or null to leave it. */
	status: StaffReplyState | null;
}

/**
 * A staff reply as the studio sends it. `internal` must be said, as a boolean: a missing or misspelt flag is
 * refused rather than taken for either, so a note meant to be internal is never saved public by a default.
 */
export function parseStaffReply(payload: unknown): StaffReply {
	const { body, internal, status } = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
		string,
		unknown
	>;
	if (typeof internal !== 'boolean')
		throw new InvalidPayloadError({
			reason: 'Say whether this is an internal note or a reply to the customer: send "internal": true or false.',
		});
	if (typeof body !== 'string' || body.trim() === '')
		throw new InvalidPayloadError({ reason: 'Write something: "body" is empty.' });
	if (body.length > staffReplyMaxLength)
		throw new InvalidPayloadError({
			reason: `The text is longer than ${staffReplyMaxLength.toLocaleString('en')} characters; attach it as a file instead.`,
		});
	if (status !== undefined && status !== null && !staffReplyStates.includes(status as StaffReplyState))
		throw new InvalidPayloadError({
			reason: `"status" is the ticket's state after the reply: one of ${staffReplyStates.join(', ')}, or left out to keep it.`,
		});
	return { body: body.trim(), internal, status: (status as StaffReplyState | undefined) ?? null };
}

/**
 * Adds a staff reply or internal note to `ticket`, written as the staff user (`accountability`): Directus applies
 * their role's rules to the ticket and the reply, and its hooks run as for any write (contacts are mailed a public
 * reply). The author is the staff user.
 */
export async function addStaffReply(
	context: DirectusContext,
	accountability: Accountability & { user: string },
	map: DataMap,
	ticket: ItemKey,
	reply: StaffReply,
): Promise<ItemKey> {
	const { tickets, ticket_replies: replies } = map;
	if (!tickets || !replies) throw new PortalFeatureOffError({ feature: 'Ticket conversations' });
	const ticketsAsStaff = adminService(context, tickets.collection, accountability);
	// As the staff user: a ticket their role cannot read is Directus's 403, before anything is written.
	await ticketsAsStaff.readOne(ticket, { fields: [fieldOf(tickets, 'id')] });
	if (reply.status !== null) {
		// The state first: a role that may not set it (Directus's 403) or a map without it writes nothing at all.
		const stored = stateValues(map, 'tickets', 'status')?.[reply.status]?.[0];
		if (stored === undefined)
			throw new InvalidPayloadError({
				reason: `The help desk's tickets have no state for "${reply.status}" in the portal's data map.`,
			});
		await ticketsAsStaff.updateOne(ticket, { [fieldOf(tickets, 'status')]: stored });
	}
	return (await adminService(context, replies.collection, accountability).createOne(
		storedAs(replies, {
			ticket,
			body: reply.body,
			internal: reply.internal,
			author_user: accountability.user,
		}),
	)) as ItemKey;
}
