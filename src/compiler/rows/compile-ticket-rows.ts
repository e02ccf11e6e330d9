import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { ticketRowsInScope } from '../filters/ticket-rows-in-scope.ts';
import { ticketsInScope } from '../filters/tickets-in-scope.ts';
import { fieldOf, fieldsOf, mapOf, valuesOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings } from '../types.ts';
import { myContactIds, myCustomerIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';
import { contactSettableStates } from '../../tickets/contact-settable-states.ts';

/** Tickets, their participants, public replies and attachments, priorities, and the writes on them. */
export function compileTicketRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const { tickets, ticket_participants: participants, ticket_replies: replies } = map;
	const { ticket_attachments: attachments, ticket_priorities: priorities } = map;
	if (tickets === null) return [];
	const rows: CompiledPermission[] = [];
	const visible = ticketsInScope(permissions['tickets.view'], settings);
	const visibleRows = ticketRowsInScope(permissions['tickets.view'], settings);
	const seesPriority = permissions['tickets.view_priority'] && priorities !== null;
	const setsPriority = permissions['tickets.set_priority'] && priorities !== null;
	const publicAttachments = permissions['tickets.attachments'] === 'public' && attachments !== null;
	const customer = fieldOf(tickets, 'customer');

	if (visible) {
		const fields = fieldsOf(tickets, [
			'id',
			'status',
			'subject',
			'description',
			'customer',
			'requester',
			'date_created',
			'date_updated',
			...(participants ? (['participants'] as const) : []),
			...(replies ? (['replies'] as const) : []),
		]);
		if (seesPriority) fields.push(...fieldsOf(tickets, ['priority']));
		if (publicAttachments) fields.push(...fieldsOf(tickets, ['attachments']));
		const because: CapabilityKey[] = seesPriority ? ['tickets.view', 'tickets.view_priority'] : ['tickets.view'];
		rows.push(permissionRow(tickets.collection, 'read', fields, because, { permissions: visibleRows }));
		if (participants)
			rows.push(
				permissionRow(
					participants.collection,
					'read',
					fieldsOf(participants, ['id', 'ticket', 'contact', 'kind']),
					['tickets.view'],
					{ permissions: { [fieldOf(participants, 'ticket')]: visible } },
				),
			);
		if (replies)
			rows.push(
				permissionRow(
					replies.collection,
					'read',
					fieldsOf(replies, ['id', 'ticket', 'body', 'internal', 'author_contact', 'author_user', 'date_created']),
					['tickets.view'],
					{
						permissions: {
							_and: [{ [fieldOf(replies, 'internal')]: { _eq: false } }, { [fieldOf(replies, 'ticket')]: visible }],
						},
					},
				),
			);
		if (publicAttachments) {
			rows.push(
				permissionRow(
					attachments.collection,
					'read',
					fieldsOf(attachments, ['id', 'ticket', 'file', 'public', 'date_created']),
					['tickets.attachments'],
					{
						permissions: {
							_and: [
								{ [fieldOf(attachments, 'public')]: { _eq: true } },
								{ [fieldOf(attachments, 'ticket')]: visible },
							],
						},
					},
				),
			);
		}
	}
	if (seesPriority || setsPriority) {
		rows.push(
			permissionRow(
				priorities.collection,
				'read',
				fieldsOf(priorities, ['id', 'name', 'sort', 'color', 'is_default']),
				seesPriority ? ['tickets.view_priority'] : ['tickets.set_priority'],
			),
		);
	}

	// A new ticket is pinned to the contact's own customer by its customer field; a ticket that reaches its
	// customer through a chain (`site.account`) cannot be pinned by a rule, so such a map offers no creating.
	if (permissions['tickets.create'] && !customer.includes('.')) {
		rows.push(
			permissionRow(
				tickets.collection,
				'create',
				fieldsOf(
					tickets,
					setsPriority
						? ['subject', 'description', 'customer', 'requester', 'priority']
						: ['subject', 'description', 'customer', 'requester'],
				),
				setsPriority ? ['tickets.create', 'tickets.set_priority'] : ['tickets.create'],
				{
					validation: {
						_and: [
							{ [customer]: { _in: myCustomerIds(map) } },
							{ [fieldOf(tickets, 'requester')]: { _in: myContactIds(map) } },
						],
					},
				},
			),
		);
	}

	const editable = ticketRowsInScope(permissions['tickets.edit'], settings);
	if (editable) {
		rows.push(
			permissionRow(
				tickets.collection,
				'update',
				fieldsOf(
					tickets,
					setsPriority ? ['subject', 'description', 'status', 'priority'] : ['subject', 'description', 'status'],
				),
				setsPriority ? ['tickets.edit', 'tickets.set_priority'] : ['tickets.edit'],
				{
					permissions: editable,
					validation: { [fieldOf(tickets, 'status')]: { _in: valuesOf(tickets, 'status', contactSettableStates) } },
				},
			),
		);
	}

	// Colleagues added to a ticket they see follow it. Directus checks no item rule on create: the ticket must be
	// readable and the person one of their customer's, checked by the portal's write hook; the kind keeps its default.
	if (permissions['tickets.cc'] && visible && participants) {
		rows.push(
			permissionRow(participants.collection, 'create', fieldsOf(participants, ['ticket', 'contact']), ['tickets.cc']),
		);
	}

	if (permissions['tickets.reply'] && replies) {
		rows.push(
			permissionRow(
				replies.collection,
				'create',
				fieldsOf(replies, ['ticket', 'body', 'internal', 'author_contact']),
				['tickets.reply'],
				{
					validation: {
						_and: [
							{ [fieldOf(replies, 'internal')]: { _eq: false } },
							{ [fieldOf(replies, 'author_contact')]: { _in: myContactIds(map) } },
						],
					},
				},
			),
		);
	}
	return rows;
}
