/** A project's tabs: one per sub-collection the group grants (docs/access-model.md), with the columns the contact may read. */
import { strings } from '../strings.ts';
import type { Capabilities } from './portal-types.ts';

export interface ProjectTab {
	key: string;
	label: string;
	collection: string;
	columns: { field: string; label: string; kind?: 'date' | 'datetime' | 'money' | 'status' | 'file' }[];
	sort: string[];
	/** What a contact may add here, if anything (the server pins the author). */
	adds?: 'note' | 'issue';
}

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
				...(c['projects.estimated_hours'] ? [{ field: 'estimated_hours', label: p.columns.hours }] : []),
			],
			sort: ['sort', 'id'],
		},
		c['projects.notes'] && { key: 'notes', label: p.tabs['notes'] ?? 'notes', collection: 'project_notes', columns: [{ field: 'body', label: p.note }, { field: 'date_created', label: p.when, kind: 'datetime' }], sort: ['-date_created'], adds: 'note' },
		c['projects.issues'] && {
			key: 'issues',
			label: p.tabs['issues'] ?? 'issues',
			collection: 'project_issues',
			columns: [{ field: 'title', label: p.issueTitle }, { field: 'status', label: p.columns.status, kind: 'status' }, { field: 'description', label: p.issueDescription }, { field: 'date_created', label: p.when, kind: 'date' }],
			sort: ['-date_created'],
			adds: 'issue',
		},
		c['projects.charges'] && {
			key: 'charges',
			label: p.tabs['charges'] ?? 'charges',
			collection: 'project_charges',
			columns: [{ field: 'description', label: p.issueDescription }, { field: 'quantity', label: p.quantity }, { field: 'amount', label: p.amount, kind: 'money' }, { field: 'charged_on', label: p.when, kind: 'date' }],
			sort: ['-charged_on'],
		},
		c['projects.calendar'] && {
			key: 'calendar',
			label: p.tabs['calendar'] ?? 'calendar',
			collection: 'project_calendar_items',
			columns: [{ field: 'title', label: p.issueTitle }, { field: 'starts_at', label: p.when, kind: 'datetime' }, { field: 'place', label: p.place }],
			sort: ['starts_at'],
		},
		c['projects.attachments'] && { key: 'attachments', label: p.tabs['attachments'] ?? 'attachments', collection: 'project_attachments', columns: [{ field: 'file', label: p.tabs['attachments'] ?? '', kind: 'file' }, { field: 'date_created', label: p.when, kind: 'date' }], sort: ['-date_created'] },
	];
	return tabs.filter((tab): tab is ProjectTab => tab !== false);
}

/** The fields to ask for a tab: its columns, with a file's name and id instead of the bare id. */
export function projectTabFields(tab: ProjectTab): string[] {
	return ['id', ...tab.columns.flatMap((column) => (column.kind === 'file' ? ['file.id', 'file.title', 'file.filename_download'] : [column.field]))];
}
