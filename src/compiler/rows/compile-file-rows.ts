import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { attachmentAliases } from '../../policies/system-permissions.ts';
import { anyOf } from '../filters/any-of.ts';
import { projectsInScope } from '../filters/projects-in-scope.ts';
import { ticketsInScope } from '../filters/tickets-in-scope.ts';
import { fieldOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { systemRow } from './system-row.ts';

/**
 * `directus_files`: files are readable only through an attachment row the contact may read. The aliases on
 * `directus_files` (`ticket_attachments`, `project_attachments`) are the product's, whatever the attachment
 * collections are called.
 */
export function compileFileRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const { ticket_attachments: ticketAttachments, project_attachments: projectAttachments } = mapOf(settings);
	const through: Filter[] = [];
	const because: CapabilityKey[] = [];
	const tickets = ticketsInScope(permissions['tickets.view'], settings);
	if (tickets && permissions['tickets.attachments'] === 'public' && ticketAttachments) {
		through.push({
			ticket_attachments: {
				_and: [
					{ [fieldOf(ticketAttachments, 'public')]: { _eq: true } },
					{ [fieldOf(ticketAttachments, 'ticket')]: tickets },
				],
			},
		});
		because.push('tickets.attachments');
	}
	const projects = projectsInScope(permissions['projects.view'], settings);
	if (projects && permissions['projects.attachments'] && projectAttachments) {
		through.push({
			project_attachments: {
				_and: [
					{ [fieldOf(projectAttachments, 'public')]: { _eq: true } },
					{ [fieldOf(projectAttachments, 'project')]: projects },
				],
			},
		});
		because.push('projects.attachments');
	}
	if (through.length === 0) return [];
	const aliases: string[] = because.map((capability) =>
		capability === 'tickets.attachments' ? 'ticket_attachments' : 'project_attachments',
	);
	const granted = (field: string) =>
		!(attachmentAliases as readonly string[]).includes(field) || aliases.includes(field);
	return [
		systemRow('directus_files', 'read', because, (allowed) => ({
			fields: allowed.fields.filter(granted),
			permissions: anyOf(...through),
		})),
	];
}
