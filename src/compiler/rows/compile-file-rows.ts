import { attachmentAliases } from '../../policies/system-permissions.ts';
import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { anyOf } from '../filters/any-of.ts';
import { projectsInScope } from '../filters/projects-in-scope.ts';
import { ticketsInScope } from '../filters/tickets-in-scope.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { systemRow } from './system-row.ts';

/** `directus_files`: files are readable only through an attachment row the contact may read. */
export function compileFileRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const through: Filter[] = [];
	const because: CapabilityKey[] = [];
	const tickets = ticketsInScope(permissions['tickets.view'], settings);
	if (tickets && permissions['tickets.attachments'] === 'public') {
		through.push({ ticket_attachments: { _and: [{ is_public: { _eq: true } }, { ticket: tickets }] } });
		because.push('tickets.attachments');
	}
	const projects = projectsInScope(permissions['projects.view'], settings);
	if (projects && permissions['projects.attachments']) {
		through.push({ project_attachments: { _and: [{ is_public: { _eq: true } }, { project: projects }] } });
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
