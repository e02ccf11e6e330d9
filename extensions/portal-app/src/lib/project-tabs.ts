/** A project's tabs: one per sub-collection the group grants (docs/access-model.md), with the columns the contact may read. */
import { type QuerySort, readItems, type RestCommand } from '@directus/sdk';
import { strings } from '../strings.ts';
import type { PortalSchema, ProjectPartCollection } from './portal-schema.ts';
import type { Capabilities } from './portal-types.ts';

type PartRow<C extends ProjectPartCollection> = PortalSchema[C][number];

/** A tab over one project-part collection: its columns and sort are fields of that collection. */
interface ProjectTabOf<C extends ProjectPartCollection> {
	key: string;
	label: string;
	collection: C;
	columns: {
		field: Exclude<keyof PartRow<C>, 'id' | 'project'>;
		label: string;
		kind?: 'date' | 'datetime' | 'money' | 'status' | 'file';
	}[];
	sort: QuerySort<PortalSchema, PartRow<C>>[];
	/** What a contact may add here, if anything (the server pins the author). */
	adds?: 'note' | 'issue';
}

export type ProjectTab = { [C in ProjectPartCollection]: ProjectTabOf<C> }[ProjectPartCollection];

/** A row of a tab, whichever collection it lists: shown cell by cell by its columns' fields. */
export type ProjectPartRow = { id: number } & Record<string, unknown>;

export function projectTabs(c: Capabilities): ProjectTab[] {
	const p = strings.projects;
	const tabs: (ProjectTab | false)[] = [
		c['projects.schedule'] && {
			key: 'tasks',
			label: p.tabs['tasks'] ?? 'tasks',
			collection: 'project_tasks',
			columns: [
				{ field: 'name', label: p.task },
				{ field: 'status', label: p.columns.status, kind: 'status' },
				{ field: 'start_date', label: p.columns.start, kind: 'date' },
				{ field: 'due_date', label: p.due, kind: 'date' },
				...(c['projects.estimated_hours'] ? ([{ field: 'estimated_hours', label: p.columns.hours }] as const) : []),
			],
			sort: ['sort', 'id'],
		},
		c['projects.notes'] && {
			key: 'notes',
			label: p.tabs['notes'] ?? 'notes',
			collection: 'project_notes',
			columns: [
				{ field: 'body', label: p.note },
				{ field: 'date_created', label: p.when, kind: 'datetime' },
			],
			sort: ['-date_created'],
			adds: 'note',
		},
		c['projects.issues'] && {
			key: 'issues',
			label: p.tabs['issues'] ?? 'issues',
			collection: 'project_issues',
			columns: [
				{ field: 'title', label: p.issueTitle },
				{ field: 'status', label: p.columns.status, kind: 'status' },
				{ field: 'description', label: p.issueDescription },
				{ field: 'date_created', label: p.when, kind: 'date' },
			],
			sort: ['-date_created'],
			adds: 'issue',
		},
		c['projects.charges'] && {
			key: 'charges',
			label: p.tabs['charges'] ?? 'charges',
			collection: 'project_charges',
			columns: [
				{ field: 'description', label: p.issueDescription },
				{ field: 'quantity', label: p.quantity },
				{ field: 'amount', label: p.amount, kind: 'money' },
				{ field: 'charged_on', label: p.when, kind: 'date' },
			],
			sort: ['-charged_on'],
		},
		c['projects.calendar'] && {
			key: 'calendar',
			label: p.tabs['calendar'] ?? 'calendar',
			collection: 'project_calendar_items',
			columns: [
				{ field: 'title', label: p.issueTitle },
				{ field: 'starts_at', label: p.when, kind: 'datetime' },
				{ field: 'place', label: p.place },
			],
			sort: ['starts_at'],
		},
		c['projects.attachments'] && {
			key: 'attachments',
			label: p.tabs['attachments'] ?? 'attachments',
			collection: 'project_attachments',
			columns: [
				{ field: 'file', label: p.tabs['attachments'] ?? '', kind: 'file' },
				{ field: 'date_created', label: p.when, kind: 'date' },
			],
			sort: ['-date_created'],
		},
	];
	return tabs.filter((tab): tab is ProjectTab => tab !== false);
}

/**
 * Reads a tab's rows of one project: its columns, with a file's id and names instead of the bare id.
 * The SDK types a read of one collection, so each collection is named here on its own.
 */
export function readProjectPart(tab: ProjectTab, project: number): RestCommand<ProjectPartRow[], PortalSchema> {
	const filter = { project: { _eq: project } };
	switch (tab.collection) {
		case 'project_tasks':
			return readItems(tab.collection, {
				fields: ['id', ...tab.columns.map((column) => column.field)],
				filter,
				sort: tab.sort,
				limit: -1,
			});
		case 'project_notes':
			return readItems(tab.collection, {
				fields: ['id', ...tab.columns.map((column) => column.field)],
				filter,
				sort: tab.sort,
				limit: -1,
			});
		case 'project_issues':
			return readItems(tab.collection, {
				fields: ['id', ...tab.columns.map((column) => column.field)],
				filter,
				sort: tab.sort,
				limit: -1,
			});
		case 'project_charges':
			return readItems(tab.collection, {
				fields: ['id', ...tab.columns.map((column) => column.field)],
				filter,
				sort: tab.sort,
				limit: -1,
			});
		case 'project_calendar_items':
			return readItems(tab.collection, {
				fields: ['id', ...tab.columns.map((column) => column.field)],
				filter,
				sort: tab.sort,
				limit: -1,
			});
		case 'project_attachments':
			return readItems(tab.collection, {
				fields: [
					'id',
					...tab.columns.map((column) =>
						column.field === 'file' ? { file: ['id', 'title', 'filename_download'] as const } : column.field,
					),
				],
				filter,
				sort: tab.sort,
				limit: -1,
			});
	}
}
