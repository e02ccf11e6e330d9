/**
 * The fields the app asks Directus for, per the contact's capabilities. A contact who asks for a field
 * their group does not grant gets a 403 for the whole request (docs/access-model.md lists what each
 * capability lets them read), so every request's `fields` is built here and nowhere else. Each list is
 * typed against the portal's schema (lib/portal-schema.ts), so the SDK types a page's rows with the
 * fields it asked for. A relation's fields are one object per list: the SDK reads nested fields from one.
 */
import type { ApplyQueryFields } from '@directus/sdk';
import type { Device, PortalSchema } from './portal-schema.ts';
import type { Capabilities } from './portal-types.ts';

const priorityFields = ['id', 'name', 'color'] as const;
const personFields = ['first_name', 'last_name'] as const;

/** Priority is asked for only where the group sees it (tickets.view_priority). */
const withPriority = (c: Capabilities) => (c['tickets.view_priority'] ? { priority: priorityFields } : {});

export function ticketListFields(c: Capabilities) {
	return [
		'id',
		'subject',
		'status',
		'date_created',
		'date_updated',
		{ customer: ['id', 'name'], contact: personFields, ...withPriority(c) },
	] as const;
}

export function ticketFields(c: Capabilities) {
	return [
		'id',
		'subject',
		'description',
		'status',
		'date_created',
		'date_updated',
		{
			customer: ['id', 'name'],
			contact: ['id', ...personFields],
			participants: ['id', 'kind', { contact: ['id', ...personFields] }],
			...withPriority(c),
		},
	] as const;
}

/** A ticket as the portal's search lists it: what tells one hit from another. */
export const ticketSearchFields = ['id', 'subject', 'status'] as const;

export const commentFields = ['id', 'body', 'date_created', { author_contact: ['id', ...personFields] }] as const;

export const attachmentFields = [
	'id',
	'date_created',
	{ file: ['id', 'title', 'filename_download', 'filesize', 'type'] },
] as const;

export const priorityOptionFields = ['id', 'name', 'sort', 'is_default'] as const;

const projectBaseFields = (c: Capabilities) =>
	[
		'id',
		'name',
		'status',
		'start_date',
		'end_date',
		...(c['projects.estimated_hours'] ? (['estimated_hours'] as const) : []),
	] as const;

export function projectListFields(c: Capabilities) {
	return [...projectBaseFields(c), { customer: ['id', 'name'] }] as const;
}

export function projectFields(c: Capabilities) {
	return [
		...projectBaseFields(c),
		'description',
		{ customer: ['id', 'name'], members: ['id', { contact: personFields }] },
	] as const;
}

export function deviceFields(c: Capabilities) {
	return [
		'id',
		'name',
		'type',
		'serial',
		{ location: ['id', 'name'] },
		'date_created',
		...c['devices.extra_fields'],
	] as const;
}

/** A device as the device pages read it: the extra fields are there only where the group shows them. */
export type DeviceRow = ApplyQueryFields<PortalSchema, Device, ReturnType<typeof deviceFields>>;

export const locationOptionFields = ['id', 'name'] as const;

export const invoiceFields = ['id', 'number', 'status', 'total', 'issued_on', 'due_date'] as const;
export const quoteFields = ['id', 'title', 'description', 'total', 'status', 'valid_until', 'decided_at'] as const;
export const articleListFields = ['id', 'title', 'date_updated', 'date_created'] as const;
export const articleFields = ['id', 'title', 'body', 'date_updated', 'date_created'] as const;
export const contactProfileFields = ['id', 'first_name', 'last_name', 'email', 'phone'] as const;
