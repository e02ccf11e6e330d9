import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { ticketRowsInScope } from '../filters/ticket-rows-in-scope.ts';
import { ticketsInScope } from '../filters/tickets-in-scope.ts';
import type { CompiledPermission, CompileSettings } from '../types.ts';
import { myContactIds, myCustomerIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** Tickets, their participants, public comments and attachments, priorities, and the writes on them. */
export function compileTicketRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const rows: CompiledPermission[] = [];
	const visible = ticketsInScope(permissions['tickets.view'], settings);
	const visibleRows = ticketRowsInScope(permissions['tickets.view'], settings);
	const seesPriority = permissions['tickets.view_priority'];
	const setsPriority = permissions['tickets.set_priority'];
	const publicAttachments = permissions['tickets.attachments'] === 'public';

	if (visible) {
		const fields = [
			'id',
			'status',
			'subject',
			'description',
			'customer',
			'contact',
			'date_created',
			'date_updated',
			'participants',
			'comments',
		];
		if (seesPriority) fields.push('priority');
		if (publicAttachments) fields.push('attachments');
		const because: CapabilityKey[] = seesPriority ? ['tickets.view', 'tickets.view_priority'] : ['tickets.view'];
		rows.push(permissionRow('tickets', 'read', fields, because, { permissions: visibleRows }));
		rows.push(
			permissionRow('ticket_participants', 'read', ['id', 'ticket', 'contact', 'kind'], ['tickets.view'], {
				permissions: { ticket: visible },
			}),
		);
		rows.push(
			permissionRow(
				'ticket_comments',
				'read',
				['id', 'ticket', 'body', 'is_internal', 'author_contact', 'author_user', 'date_created'],
				['tickets.view'],
				{
					permissions: { _and: [{ is_internal: { _eq: false } }, { ticket: visible }] },
				},
			),
		);
		if (publicAttachments) {
			rows.push(
				permissionRow(
					'ticket_attachments',
					'read',
					['id', 'ticket', 'file', 'is_public', 'date_created'],
					['tickets.attachments'],
					{
						permissions: { _and: [{ is_public: { _eq: true } }, { ticket: visible }] },
					},
				),
			);
		}
	}
	if (seesPriority || setsPriority) {
		rows.push(
			permissionRow(
				'ticket_priorities',
				'read',
				['id', 'name', 'sort', 'color', 'is_default'],
				seesPriority ? ['tickets.view_priority'] : ['tickets.set_priority'],
			),
		);
	}

	if (permissions['tickets.create']) {
		rows.push(
			permissionRow(
				'tickets',
				'create',
				setsPriority
					? ['subject', 'description', 'customer', 'contact', 'priority']
					: ['subject', 'description', 'customer', 'contact'],
				setsPriority ? ['tickets.create', 'tickets.set_priority'] : ['tickets.create'],
				{
					validation: { _and: [{ customer: { _in: myCustomerIds } }, { contact: { _in: myContactIds } }] },
				},
			),
		);
	}

	const editable = ticketRowsInScope(permissions['tickets.edit'], settings);
	if (editable) {
		rows.push(
			permissionRow(
				'tickets',
				'update',
				setsPriority ? ['subject', 'description', 'status', 'priority'] : ['subject', 'description', 'status'],
				setsPriority ? ['tickets.edit', 'tickets.set_priority'] : ['tickets.edit'],
				{
					permissions: editable,
					validation: { status: { _in: ['new', 'open', 'pending', 'resolved', 'closed'] } },
				},
			),
		);
	}

	if (permissions['tickets.reply']) {
		rows.push(
			permissionRow(
				'ticket_comments',
				'create',
				['ticket', 'body', 'is_internal', 'author_contact'],
				['tickets.reply'],
				{
					validation: { _and: [{ is_internal: { _eq: false } }, { author_contact: { _in: myContactIds } }] },
				},
			),
		);
	}
	return rows;
}
