import type { CapabilityKey, GroupPermissions } from '../../catalogue/capabilities.ts';
import type { ObjectMap } from '../../data-map/data-map.ts';
import type { ObjectName, RoleName } from '../../data-map/object-specs.ts';
import { allOf } from '../filters/all-of.ts';
import { projectsInScope } from '../filters/projects-in-scope.ts';
import { fieldOf, fieldsOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings, Filter } from '../types.ts';
import { myContactIds } from '../variables.ts';
import { permissionRow } from './permission-row.ts';

/** A part of a project a capability opens: its object, the alias on projects, its fields, and which of its rows. */
interface ProjectPart<O extends ObjectName> {
	capability: CapabilityKey;
	object: O;
	alias: RoleName<'projects'>;
	/** The part's role naming its project. */
	project: RoleName<O>;
	roles: RoleName<O>[];
	/** Beyond belonging to a visible project, what a row must be to be read (public, not internal). */
	condition?: (part: ObjectMap<O>) => Filter;
}

/** The read row of a part, or null when the map has no such part. */
function partRow<O extends ObjectName>(
	{ capability, project, roles, condition }: ProjectPart<O>,
	mapped: ObjectMap<O> | null,
	visible: Filter,
): CompiledPermission | null {
	if (mapped === null) return null;
	const ofVisible = { [fieldOf(mapped, project)]: visible };
	return permissionRow(mapped.collection, 'read', fieldsOf(mapped, roles), [capability], {
		permissions: condition ? allOf(condition(mapped), ofVisible) : ofVisible,
	});
}

/** Projects, their members and the parts of a project each capability opens (tasks, notes, issues…), and the writes on them. */
export function compileProjectRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const map = mapOf(settings);
	const { projects, project_members: members } = map;
	const visible = projectsInScope(permissions['projects.view'], settings);
	if (!visible || projects === null) return [];
	const rows: CompiledPermission[] = [];
	const hours = permissions['projects.estimated_hours'];
	const fields = fieldsOf(projects, [
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
	]);
	// Each part is typed by its own object; only the parts the group opens and the map has give a row.
	const partOf = <O extends ObjectName>(definition: ProjectPart<O>) => ({
		alias: definition.alias,
		row: permissions[definition.capability]
			? partRow(definition, map[definition.object] as ObjectMap<O> | null, visible)
			: null,
	});
	const parts = [
		partOf({
			capability: 'projects.schedule',
			object: 'project_tasks',
			alias: 'tasks',
			project: 'project',
			roles: [
				'id',
				'project',
				'name',
				'status',
				'start_date',
				'due_date',
				'sort',
				...(hours ? (['estimated_hours'] as const) : []),
			],
		}),
		partOf({
			capability: 'projects.notes',
			object: 'project_notes',
			alias: 'notes',
			project: 'project',
			roles: ['id', 'project', 'body', 'internal', 'author_contact', 'author_user', 'date_created'],
			condition: (notes) => ({ [fieldOf(notes, 'internal')]: { _eq: false } }),
		}),
		partOf({
			capability: 'projects.issues',
			object: 'project_issues',
			alias: 'issues',
			project: 'project',
			roles: ['id', 'project', 'title', 'description', 'status', 'reported_by_contact', 'date_created'],
		}),
		partOf({
			capability: 'projects.charges',
			object: 'project_charges',
			alias: 'charges',
			project: 'project',
			roles: ['id', 'project', 'description', 'quantity', 'unit_price', 'amount', 'charged_on'],
		}),
		partOf({
			capability: 'projects.calendar',
			object: 'project_calendar_items',
			alias: 'calendar_items',
			project: 'project',
			roles: ['id', 'project', 'title', 'starts_at', 'ends_at', 'place'],
		}),
		partOf({
			capability: 'projects.attachments',
			object: 'project_attachments',
			alias: 'attachments',
			project: 'project',
			roles: ['id', 'project', 'file', 'public', 'date_created'],
			condition: (attachments) => ({ [fieldOf(attachments, 'public')]: { _eq: true } }),
		}),
	];
	for (const { alias, row } of parts) {
		if (row === null) continue;
		fields.push(...fieldsOf(projects, [alias]));
		rows.push(row);
	}
	if (hours) fields.push(...fieldsOf(projects, ['estimated_hours']));
	rows.unshift(
		permissionRow(
			projects.collection,
			'read',
			fields,
			hours ? ['projects.view', 'projects.estimated_hours'] : ['projects.view'],
			{ permissions: visible },
		),
	);
	if (members)
		rows.splice(
			1,
			0,
			permissionRow(members.collection, 'read', fieldsOf(members, ['id', 'project', 'contact']), ['projects.view'], {
				permissions: { [fieldOf(members, 'project')]: visible },
			}),
		);
	const notes = map.project_notes;
	if (permissions['projects.notes'] && notes) {
		rows.push(
			permissionRow(
				notes.collection,
				'create',
				fieldsOf(notes, ['project', 'body', 'internal', 'author_contact']),
				['projects.notes'],
				{
					validation: {
						_and: [
							{ [fieldOf(notes, 'internal')]: { _eq: false } },
							{ [fieldOf(notes, 'author_contact')]: { _in: myContactIds(map) } },
						],
					},
				},
			),
		);
	}
	const issues = map.project_issues;
	if (permissions['projects.issues'] && issues) {
		rows.push(
			permissionRow(
				issues.collection,
				'create',
				fieldsOf(issues, ['project', 'title', 'description', 'reported_by_contact']),
				['projects.issues'],
				{ validation: { [fieldOf(issues, 'reported_by_contact')]: { _in: myContactIds(map) } } },
			),
		);
	}
	return rows;
}
