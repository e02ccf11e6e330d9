import { InvalidPayloadError } from '@directus/errors';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { Accountability } from '@directus/types';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { portalStateOf, stateValues } from '../data-map/state-values.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import { isToldState, type TicketActivity, type ToldState } from '../notifications/notify-contacts.ts';
import { toldByCaller } from '../notifications/told-by-caller.ts';
import {
	parseStaffReplyAttachments,
	pendingStaffAttachments,
	showStaffAttachments,
} from './staff-reply-attachments.ts';
import { type StaffReplyState, staffReplyStates } from './staff-reply-states.ts';

/** The longest reply or note staff may write, in characters (a long log pasted in belongs in an attachment). */
export const staffReplyMaxLength = 50_000;

export interface StaffReply {
	body: string;
	/** True: an internal note, never shown or mailed to contacts; false: a reply to the customer. */
	internal: boolean;
	/** The ticket's state after this reply or note (as the help desk does it in one step), or null to leave it. */
	status: StaffReplyState | null;
	/** Files this staff member uploaded to the ticket for it: shown to contacts with a reply, staff-only with a note. */
	attachments: ItemKey[];
}

/**
 * A staff reply as the studio sends it. `internal` must be said, as a boolean: a missing or misspelt flag is
 * refused rather than taken for either, so a note meant to be internal is never saved public by a default.
 */
export function parseStaffReply(payload: unknown): StaffReply {
	const { body, internal, status, attachments } = (
		typeof payload === 'object' && payload !== null ? payload : {}
	) as Record<string, unknown>;
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
	return {
		body: body.trim(),
		internal,
		status: (status as StaffReplyState | undefined) ?? null,
		attachments: parseStaffReplyAttachments(attachments),
	};
}

/**
 * Adds a staff reply or internal note to `ticket`, written as the staff user (`accountability`): Directus applies
 * their role's rules to the ticket and the reply, and its hooks run as for any write. The author is the staff user.
 * Contacts are told through `tell`, once for the whole step: a public reply in its mail, with the state it set
 * where that state is one contacts hear of; a note that set such a state, as the state's mail. The hooks that mail
 * contacts leave these writes alone (`toldByCaller`). `tell` logs its own failures: the reply is written either way.
 * The files uploaded for it (`attachments`) are shown to contacts with a public reply and named in its mail; with a
 * note they stay staff-only.
 */
export async function addStaffReply(
	context: DirectusContext,
	accountability: Accountability & { user: string },
	map: DataMap,
	ticket: ItemKey,
	reply: StaffReply,
	tell: (activity: TicketActivity) => Promise<void>,
): Promise<ItemKey> {
	const { tickets, ticket_replies: replies } = map;
	if (!tickets || !replies) throw new PortalFeatureOffError({ feature: 'Ticket conversations' });
	const writer = toldByCaller(accountability);
	const ticketsAsStaff = adminService(context, tickets.collection, writer);
	const statusField = fieldOf(tickets, 'status');
	// As the staff user: a ticket their role cannot read is Directus's 403, before anything is written.
	const before = (await ticketsAsStaff.readOne(ticket, {
		fields: [fieldOf(tickets, 'id'), ...(reply.status === null ? [] : [statusField])],
	})) as Record<string, unknown>;
	const files = await pendingStaffAttachments(context, map, {
		ticket,
		user: accountability.user,
		attachments: reply.attachments,
	});
	let toldState: ToldState | null = null;
	if (reply.status !== null) {
		// The state first: a role that may not set it (Directus's 403) or a map without it writes nothing at all.
		const states = stateValues(map, 'tickets', 'status');
		const stored = states?.[reply.status]?.[0];
		if (stored === undefined)
			throw new InvalidPayloadError({
				reason: `The help desk's tickets have no state for "${reply.status}" in the portal's data map.`,
			});
		await ticketsAsStaff.updateOne(ticket, { [statusField]: stored });
		// Told once per change, as a state set in Directus's own item page is.
		if (isToldState(reply.status) && portalStateOf(states ?? {}, before[statusField]) !== reply.status)
			toldState = reply.status;
	}
	let id: ItemKey;
	try {
		id = (await adminService(context, replies.collection, writer).createOne(
			storedAs(replies, {
				ticket,
				body: reply.body,
				internal: reply.internal,
				author_user: accountability.user,
			}),
		)) as ItemKey;
	} catch (error) {
		// The state stays set without the reply: its contacts hear of it as of any state.
		if (toldState) await tell({ kind: 'status', ticket, state: toldState });
		throw error;
	}
	if (reply.internal) {
		if (toldState) await tell({ kind: 'status', ticket, state: toldState });
		return id;
	}
	await showStaffAttachments(context, map, reply.attachments);
	await tell({
		kind: 'replied',
		ticket,
		reply: reply.body,
		author: accountability.user,
		authorContact: null,
		state: toldState,
		attachments: files.map((file) => file.name),
	});
	return id;
}
