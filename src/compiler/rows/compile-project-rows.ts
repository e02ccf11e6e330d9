import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import { allOf } from '../filters/all-of.ts';
import { projectsInScope } from '../filters/projects-in-scope.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { myContactIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** Projects, their members and the parts of a project each capability opens (tasks, notes, issues…), and the writes on them. */
export function compileProjectRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const visible = projectsInScope(permissions['projects.view'], settings);
	if (!visible) return [];
	const rows: CompiledPermission[] = [];
	const ofVisibleProject = { project: visible };
	const hours = permissions['projects.estimated_hours'];
	const fields = [
		'id',
		'name',
		'description',
		'status',
		'start_date',
		'end_date',
		'customer',
		'date_created',
		'date_updated',
		'members',
	];
	const subCollections: [CapabilityKey, string, string, string[], Filter | null][] = [
		[
			'projects.schedule',
			'tasks',
			'project_tasks',
			['id', 'project', 'name', 'status', 'start_date', 'due_date', 'sort', ...(hours ? ['estimated_hours'] : [])],
			null,
		],
		[
			'projects.notes',
			'notes',
			'project_notes',
			['id', 'project', 'body', 'is_internal', 'author_contact', 'author_user', 'date_created'],
			{ is_internal: { _eq: false } },
		],
		[
			'projects.issues',
			'issues',
			'project_issues',
			['id', 'project', 'title', 'description', 'status', 'reported_by_contact', 'date_created'],
			null,
		],
		[
			'projects.charges',
			'charges',
			'project_charges',
			['id', 'project', 'description', 'quantity', 'unit_price', 'amount', 'charged_on'],
			null,
		],
		[
			'projects.calendar',
			'calendar_items',
			'project_calendar_items',
			['id', 'project', 'title', 'starts_at', 'ends_at', 'place'],
			null,
		],
		[
			'projects.attachments',
			'attachments',
			'project_attachments',
			['id', 'project', 'file', 'is_public', 'date_created'],
			{ is_public: { _eq: true } },
		],
	];
	for (const [capability, alias, collection, childFields, condition] of subCollections) {
		if (!permissions[capability]) continue;
		fields.push(alias);
		rows.push(
			permissionRow(collection, 'read', childFields, [capability], {
				permissions: condition ? allOf(condition, ofVisibleProject) : ofVisibleProject,
			}),
		);
	}
	if (hours) fields.push('estimated_hours');
	rows.unshift(
		permissionRow(
			'projects',
			'read',
			fields,
			hours ? ['projects.view', 'projects.estimated_hours'] : ['projects.view'],
			{ permissions: visible },
		),
		permissionRow('project_members', 'read', ['id', 'project', 'contact'], ['projects.view'], {
			permissions: ofVisibleProject,
		}),
	);
	if (permissions['projects.notes']) {
		rows.push(
			permissionRow(
				'project_notes',
				'create',
				['project', 'body', 'is_internal', 'author_contact'],
				['projects.notes'],
				{
					validation: { _and: [{ is_internal: { _eq: false } }, { author_contact: { _in: myContactIds } }] },
				},
			),
		);
	}
	if (permissions['projects.issues']) {
		rows.push(
			permissionRow(
				'project_issues',
				'create',
				['project', 'title', 'description', 'reported_by_contact'],
				['projects.issues'],
				{
					validation: { reported_by_contact: { _in: myContactIds } },
				},
			),
		);
	}
	return rows;
}
