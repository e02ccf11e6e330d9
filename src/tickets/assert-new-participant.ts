import type { Knex } from 'knex';
import { InvalidPayloadError } from '@directus/errors';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { itemKey, type ItemKey } from '../data-map/item-key.ts';

/**
 * A person a contact adds to a ticket (`tickets.cc`): the payload names the ticket and the person, and the person
 * is not on it yet, neither as its requester nor as a participant. Whether the ticket is the contact's to see and
 * the person their customer's is checked beside this (`assertOwnCustomerReferences`, a read as the contact).
 * Answers the ticket's key.
 */
export async function assertNewParticipant(
	{ knex }: { knex: Knex },
	map: DataMap,
	payload: Record<string, unknown>,
): Promise<ItemKey> {
	const [participants, tickets] = [map.ticket_participants, map.tickets];
	if (!participants || !tickets)
		throw new InvalidPayloadError({ reason: 'This help desk keeps no ticket participants' });
	const [ticketField, contactField] = [fieldOf(participants, 'ticket'), fieldOf(participants, 'contact')];
	const [ticket, contact] = [itemKey(payload[ticketField]), itemKey(payload[contactField])];
	if (ticket === null || contact === null)
		throw new InvalidPayloadError({
			reason: `Name the ticket ("${ticketField}") and the person ("${contactField}") by their keys`,
		});
	const already =
		(await knex(participants.collection)
			.where(ticketField, ticket)
			.andWhere(contactField, contact)
			.first(fieldOf(participants, 'id'))
			.catch(() => undefined)) ??
		(await knex(tickets.collection)
			.where(fieldOf(tickets, 'id'), ticket)
			.andWhere(fieldOf(tickets, 'requester'), contact)
			.first(fieldOf(tickets, 'id'))
			.catch(() => undefined));
	if (already) throw new InvalidPayloadError({ reason: 'This person is already on the ticket' });
	return ticket;
}
