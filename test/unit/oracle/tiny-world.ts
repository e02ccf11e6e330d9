/**
 * A hand-built world for the reference model's unit tests, small enough to reason about by eye:
 *
 *   1 Root ── 2 Child (visible) ── 3 Grandchild (visible)
 *          └─ 4 Hidden (visible_to_parent = false) ── 5 Below hidden (visible)
 *   6 Other (a separate root)
 *
 * Contact 20 ("me", customer 1, location 10, user u20) is in group 100, whose permissions each test sets.
 */
import type { Id, World } from '../../oracle/world.ts';

export const me = 20;

export function tinyWorld(permissions: Record<string, unknown> = {}): World {
	const customer = (id: number, parent: number | null, visible = true) => ({
		id,
		name: `C${id}`,
		parent,
		visible_to_parent: visible,
		status: 'active' as const,
	});
	const contact = (id: number, customerId: number, location: number | null = null, user: Id | null = null) => ({
		id,
		customer: customerId,
		location,
		first_name: 'F',
		last_name: `L${id}`,
		email: `c${id}@example.com`,
		phone: '1',
		portal_group: 100 as Id | null,
		login: user !== null,
		user,
	});
	const ticket = (id: number, customerId: number, contactId: number | null) => ({
		id,
		customer: customerId,
		contact: contactId,
		priority: 60,
		assignee: 'staff',
		subject: `T${id}`,
		description: '',
		status: 'open' as const,
	});
	const project = (id: number, customerId: number) => ({
		id,
		customer: customerId,
		name: `P${id}`,
		description: '',
		status: 'active' as const,
		start_date: '2025-01-01',
		end_date: '2025-02-01',
		estimated_hours: 10,
	});
	const device = (id: number, customerId: number, location: number | null, createdBy: number | null) => ({
		id,
		customer: customerId,
		location,
		created_by_contact: createdBy,
		name: `D${id}`,
		type: 'other' as const,
		serial: '',
		manufacturer: '',
		model: '',
		ip_address: '',
		warranty_expires: '2026-01-01',
		notes: '',
		admin_password: 'secret',
	});
	const article = (id: number, status: 'published' | 'draft', audience: 'all' | 'selected') => ({
		id,
		status,
		audience,
		title: `A${id}`,
		body: '',
	});

	return {
		seed: 1,
		tag: 'tiny',
		password: 'pw',
		settings: { parent_visibility: true, default_group: null },
		staff: [{ id: 'staff', email: 'staff@example.com', first_name: 'S', last_name: 'S' }],
		portal_groups: [
			{ id: 100, name: 'Custom', is_system: false, assignable_by_client: false, permissions },
			{
				id: 101,
				name: 'No Portal Access',
				is_system: true,
				assignable_by_client: false,
				permissions: { 'tickets.view': 'customer' },
			},
			{ id: 102, name: 'Default', is_system: false, assignable_by_client: false, permissions: { 'kb.view': true } },
		],
		customers: [
			customer(1, null),
			customer(2, 1),
			customer(3, 2),
			customer(4, 1, false),
			customer(5, 4),
			customer(6, null),
		],
		locations: [
			{ id: 10, customer: 1, name: 'L10', address: '' },
			{ id: 11, customer: 1, name: 'L11', address: '' },
			{ id: 12, customer: 2, name: 'L12', address: '' },
			{ id: 13, customer: 6, name: 'L13', address: '' },
		],
		contacts: [
			contact(20, 1, 10, 'u20'),
			contact(21, 1, null, 'u21'),
			contact(22, 2),
			contact(23, 6),
			contact(24, 4),
			contact(25, 3),
		],
		ticket_priorities: [
			{ id: 60, name: 'Low', sort: 1, color: '', is_default: false },
			{ id: 61, name: 'Normal', sort: 2, color: '', is_default: true },
		],
		tickets: [
			ticket(30, 1, 21), // my customer, someone else's
			ticket(31, 1, 20), // mine
			ticket(32, 6, 23), // other customer, I follow it
			ticket(33, 2, 22), // child
			ticket(34, 3, 25), // grandchild
			ticket(35, 4, 24), // hidden child
			ticket(36, 5, null), // below the hidden child
			ticket(37, 6, 23), // other customer
		],
		ticket_participants: [
			{ id: 40, ticket: 32, contact: 20, kind: 'cc' },
			{ id: 41, ticket: 37, contact: 23, kind: 'contact' },
			{ id: 42, ticket: 31, contact: 23, kind: 'approver' },
		],
		ticket_comments: [
			{ id: 45, ticket: 31, body: 'public', is_internal: false, author_contact: 20, author_user: null },
			{ id: 46, ticket: 31, body: 'internal', is_internal: true, author_contact: null, author_user: 'staff' },
			{ id: 47, ticket: 37, body: 'other', is_internal: false, author_contact: null, author_user: 'staff' },
		],
		directus_files: [
			{ id: 'f1', title: 'public ticket file', filename_download: 'a.txt', content: '' },
			{ id: 'f2', title: 'internal ticket file', filename_download: 'b.txt', content: '' },
			{ id: 'f3', title: 'other ticket file', filename_download: 'c.txt', content: '' },
			{ id: 'f4', title: 'public project file', filename_download: 'd.txt', content: '' },
			{ id: 'f5', title: 'internal project file', filename_download: 'e.txt', content: '' },
		],
		ticket_attachments: [
			{ id: 48, ticket: 31, file: 'f1', is_public: true },
			{ id: 49, ticket: 31, file: 'f2', is_public: false },
			{ id: 50, ticket: 37, file: 'f3', is_public: true },
		],
		projects: [project(70, 1), project(71, 2), project(72, 6), project(73, 4)],
		project_members: [
			{ id: 74, project: 72, contact: 20 },
			{ id: 75, project: 70, contact: 21 },
		],
		project_tasks: [
			{ id: 76, project: 70, name: 't', status: 'todo', estimated_hours: 1, sort: 1 },
			{ id: 77, project: 73, name: 't', status: 'todo', estimated_hours: 1, sort: 1 },
		],
		project_notes: [
			{ id: 78, project: 70, body: 'public', is_internal: false, author_contact: 21, author_user: null },
			{ id: 79, project: 70, body: 'internal', is_internal: true, author_contact: null, author_user: 'staff' },
		],
		project_issues: [{ id: 80, project: 70, title: 'i', description: '', status: 'open', reported_by_contact: 21 }],
		project_charges: [
			{ id: 81, project: 70, description: 'c', quantity: 1, unit_price: 1, amount: 1, charged_on: '2025-01-01' },
		],
		project_calendar_items: [
			{
				id: 82,
				project: 70,
				title: 'm',
				starts_at: '2025-01-01T09:00:00Z',
				ends_at: '2025-01-01T10:00:00Z',
				place: '',
			},
		],
		project_attachments: [
			{ id: 83, project: 70, file: 'f4', is_public: true },
			{ id: 84, project: 70, file: 'f5', is_public: false },
		],
		devices: [
			device(90, 1, 10, null), // at my location
			device(91, 1, 11, 20), // registered by me elsewhere
			device(92, 1, null, null), // no location
			device(93, 1, 11, 21), // someone else's, elsewhere
			device(94, 2, 10, 20), // a child's device (never mine to see)
		],
		kb_articles: [
			article(110, 'published', 'all'),
			article(111, 'published', 'selected'),
			article(112, 'draft', 'all'),
			article(113, 'published', 'selected'),
		],
		kb_article_customers: [
			{ id: 114, article: 111, customer: 1 },
			{ id: 115, article: 113, customer: 2 },
		],
		documents: [article(120, 'published', 'selected'), article(121, 'published', 'all')],
		document_customers: [{ id: 122, document: 120, customer: 1 }],
		invoices: [
			{ id: 130, customer: 1, number: 'I1', status: 'sent', total: 1, issued_on: '2025-01-01', due_date: '2025-02-01' },
			{ id: 131, customer: 2, number: 'I2', status: 'sent', total: 1, issued_on: '2025-01-01', due_date: '2025-02-01' },
		],
		quotes: [
			{
				id: 140,
				customer: 1,
				title: 'Q1',
				description: '',
				total: 1,
				status: 'pending',
				valid_until: '2025-03-01',
				decided_by: null,
				decided_at: null,
			},
			{
				id: 141,
				customer: 1,
				title: 'Q2',
				description: '',
				total: 1,
				status: 'approved',
				valid_until: '2025-03-01',
				decided_by: 21,
				decided_at: '2025-01-02T00:00:00Z',
			},
			{
				id: 142,
				customer: 2,
				title: 'Q3',
				description: '',
				total: 1,
				status: 'pending',
				valid_until: '2025-03-01',
				decided_by: null,
				decided_at: null,
			},
		],
	};
}
