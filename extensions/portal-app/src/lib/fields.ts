/**
 * The fields the app asks Directus for, per the contact's capabilities. A contact who asks for a field
 * their group does not grant gets a 403 for the whole request (docs/access-model.md lists what each
 * capability lets them read), so every request's `fields` is built here and nowhere else.
 */
import type { Capabilities } from './portal-types.ts';

const priorityFields = (c: Capabilities) => (c['tickets.view_priority'] ? ['priority.id', 'priority.name', 'priority.color'] : []);

export function ticketListFields(c: Capabilities): string[] {
	return ['id', 'subject', 'status', 'date_created', 'date_updated', 'customer.id', 'customer.name', 'contact.first_name', 'contact.last_name', ...priorityFields(c)];
}

export function ticketFields(c: Capabilities): string[] {
	return [
		'id',
		'subject',
		'description',
		'status',
		'date_created',
		'date_updated',
		'customer.id',
		'customer.name',
		'contact.id',
		'contact.first_name',
		'contact.last_name',
		'participants.id',
		'participants.kind',
		'participants.contact.id',
		'participants.contact.first_name',
		'participants.contact.last_name',
		...priorityFields(c),
	];
}

export const commentFields = ['id', 'body', 'date_created', 'author_contact.id', 'author_contact.first_name', 'author_contact.last_name'];

export const attachmentFields = ['id', 'date_created', 'file.id', 'file.title', 'file.filename_download', 'file.filesize', 'file.type'];

export const priorityOptionFields = ['id', 'name', 'sort', 'is_default'];

export function projectListFields(c: Capabilities): string[] {
	return ['id', 'name', 'status', 'start_date', 'end_date', 'customer.id', 'customer.name', ...(c['projects.estimated_hours'] ? ['estimated_hours'] : [])];
}

export function projectFields(c: Capabilities): string[] {
	return [...projectListFields(c), 'description', 'members.id', 'members.contact.first_name', 'members.contact.last_name'];
}

export function deviceFields(c: Capabilities): string[] {
	return ['id', 'name', 'type', 'serial', 'location.id', 'location.name', 'date_created', ...c['devices.extra_fields']];
}

export const locationOptionFields = ['id', 'name'];

export const invoiceFields = ['id', 'number', 'status', 'total', 'issued_on', 'due_date'];
export const quoteFields = ['id', 'title', 'description', 'total', 'status', 'valid_until', 'decided_at'];
export const articleListFields = ['id', 'title', 'date_updated', 'date_created'];
export const articleFields = ['id', 'title', 'body', 'date_updated', 'date_created'];
export const contactProfileFields = ['id', 'first_name', 'last_name', 'email', 'phone'];
