/**
 * The portal's collections as the app reads and writes them through the SDK: each a row type with the
 * fields the app asks for or sends, typed as the shipped schema snapshot (schema-snapshot/) defines them.
 * A relation is its key or the related row, as Directus answers with or without nested fields; a one-to-many
 * is the related keys or rows. What a contact may read of these is up to their group (lib/fields.ts).
 */
/** A file in Directus's own `directus_files`, with the fields the app shows of an attachment. */
export interface PortalFile {
	id: string;
	title: string | null;
	filename_download: string;
	filesize: number | null;
	type: string | null;
}

export interface Customer {
	id: number;
	name: string;
}

export interface Contact {
	id: number;
	first_name: string | null;
	last_name: string;
	email: string;
	phone: string | null;
	customer: number | Customer;
	location: number | Location | null;
}

export interface Location {
	id: number;
	name: string;
	customer: number | Customer;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'resolved' | 'closed';

export interface Ticket {
	id: number;
	subject: string;
	description: string | null;
	status: TicketStatus;
	date_created: string;
	date_updated: string | null;
	customer: number | Customer;
	contact: number | Contact | null;
	priority: number | TicketPriority | null;
	participants: number[] | TicketParticipant[];
}

export interface TicketPriority {
	id: number;
	name: string;
	color: string | null;
	sort: number | null;
	is_default: boolean;
}

export interface TicketParticipant {
	id: number;
	kind: 'contact' | 'approver' | 'cc';
	ticket: number | Ticket;
	contact: number | Contact;
}

export interface TicketComment {
	id: number;
	body: string;
	date_created: string;
	ticket: number | Ticket;
	author_contact: number | Contact | null;
}

export interface TicketAttachment {
	id: number;
	date_created: string;
	ticket: number | Ticket;
	file: string | PortalFile;
}

export interface Project {
	id: number;
	name: string;
	description: string | null;
	status: 'planned' | 'active' | 'on_hold' | 'completed' | 'cancelled';
	start_date: string | null;
	end_date: string | null;
	estimated_hours: number | null;
	customer: number | Customer;
	members: number[] | ProjectMember[];
}

export interface ProjectMember {
	id: number;
	project: number | Project;
	contact: number | Contact;
}

export interface ProjectTask {
	id: number;
	name: string;
	status: 'todo' | 'in_progress' | 'done';
	start_date: string | null;
	due_date: string | null;
	estimated_hours: number | null;
	sort: number | null;
	project: number | Project;
}

export interface ProjectNote {
	id: number;
	body: string;
	date_created: string;
	project: number | Project;
}

export interface ProjectIssue {
	id: number;
	title: string;
	description: string | null;
	status: 'open' | 'resolved';
	date_created: string;
	project: number | Project;
}

export interface ProjectCharge {
	id: number;
	description: string;
	quantity: number | null;
	amount: number | null;
	charged_on: string | null;
	project: number | Project;
}

export interface ProjectCalendarItem {
	id: number;
	title: string;
	starts_at: string;
	place: string | null;
	project: number | Project;
}

export interface ProjectAttachment {
	id: number;
	date_created: string;
	project: number | Project;
	file: string | PortalFile;
}

export interface Device {
	id: number;
	name: string;
	type: 'computer' | 'server' | 'printer' | 'network' | 'phone' | 'other';
	serial: string | null;
	manufacturer: string | null;
	model: string | null;
	ip_address: string | null;
	warranty_expires: string | null;
	notes: string | null;
	date_created: string;
	customer: number | Customer;
	location: number | Location | null;
}

export interface Invoice {
	id: number;
	number: string;
	status: 'draft' | 'sent' | 'paid' | 'overdue' | 'void';
	total: number;
	issued_on: string | null;
	due_date: string | null;
}

export interface Quote {
	id: number;
	title: string;
	description: string | null;
	total: number;
	status: 'pending' | 'approved' | 'declined';
	valid_until: string | null;
	decided_at: string | null;
}

/** A knowledge-base article or a document: the two collections share their shape. */
export interface Article {
	id: number;
	title: string;
	body: string | null;
	date_created: string;
	date_updated: string | null;
}

export interface PortalSchema {
	customers: Customer[];
	contacts: Contact[];
	locations: Location[];
	tickets: Ticket[];
	ticket_priorities: TicketPriority[];
	ticket_participants: TicketParticipant[];
	ticket_comments: TicketComment[];
	ticket_attachments: TicketAttachment[];
	projects: Project[];
	project_members: ProjectMember[];
	project_tasks: ProjectTask[];
	project_notes: ProjectNote[];
	project_issues: ProjectIssue[];
	project_charges: ProjectCharge[];
	project_calendar_items: ProjectCalendarItem[];
	project_attachments: ProjectAttachment[];
	devices: Device[];
	invoices: Invoice[];
	quotes: Quote[];
	kb_articles: Article[];
	documents: Article[];
	directus_files: PortalFile[];
}

/** The collections a project tab lists (lib/project-tabs.ts). */
export type ProjectPartCollection =
	| 'project_tasks'
	| 'project_notes'
	| 'project_issues'
	| 'project_charges'
	| 'project_calendar_items'
	| 'project_attachments';
