/**
 * A random help desk for the leak oracle, as plain data: customers in trees, their people and sites,
 * portal groups, tickets with their conversation and files, projects with every sub-collection,
 * devices, knowledge, invoices and quotes. Field names are Directus's, so a row is (nearly) its REST
 * payload. Ids are local numbers until `seedWorld` swaps them for the ids Directus gave.
 *
 * Every text carries a word found nowhere else (`wordOf`), so a search can ask for exactly one row.
 */
import { capabilities, type Capability } from '../../src/catalogue/capabilities.ts';
import { Random } from '../support/random.ts';

/** A row's key: a local number in a generated world, Directus's own key (number or uuid) once seeded. */
export type Id = number | string;

export const systemGroupNames = ['No Portal Access', 'Basic', 'Manager', 'Administrator'] as const;
export const noPortalAccess = 'No Portal Access';

export interface StaffRow {
	id: Id;
	email: string;
	first_name: string;
	last_name: string;
}

export interface GroupRow {
	id: Id;
	name: string;
	is_system: boolean;
	assignable_by_client: boolean;
	/** The group's capabilities as stored. Null for a system group until read from the Directus under test. */
	permissions: Record<string, unknown> | null;
	/** The Directus policy the product compiled the group into, once read back (for write probes). */
	policy?: Id | null;
}

export interface CustomerRow {
	id: Id;
	name: string;
	parent: Id | null;
	visible_to_parent: boolean;
	status: 'active' | 'inactive';
}

export interface LocationRow {
	id: Id;
	customer: Id;
	name: string;
	address: string;
}

export interface ContactRow {
	id: Id;
	customer: Id;
	location: Id | null;
	first_name: string;
	last_name: string;
	email: string;
	phone: string;
	portal_group: Id | null;
	/** Whether the contact gets a Directus user to sign in with. */
	login: boolean;
	/** The Directus user, once seeded (always null in a generated world). */
	user: Id | null;
}

export interface PriorityRow {
	id: Id;
	name: string;
	sort: number;
	color: string;
	is_default: boolean;
}

export interface TicketRow {
	id: Id;
	customer: Id;
	contact: Id | null;
	priority: Id | null;
	/** A staff user (see `World.staff`). */
	assignee: Id | null;
	subject: string;
	description: string;
	status: 'new' | 'open' | 'pending' | 'resolved' | 'closed';
}

export interface ParticipantRow {
	id: Id;
	ticket: Id;
	contact: Id;
	kind: 'contact' | 'approver' | 'cc';
}

export interface CommentRow {
	id: Id;
	ticket: Id;
	body: string;
	is_internal: boolean;
	author_contact: Id | null;
	author_user: Id | null;
}

export interface FileRow {
	id: Id;
	title: string;
	filename_download: string;
	content: string;
}

export interface TicketAttachmentRow {
	id: Id;
	ticket: Id;
	file: Id;
	is_public: boolean;
}

export interface ProjectRow {
	id: Id;
	customer: Id;
	name: string;
	description: string;
	status: 'planned' | 'active' | 'on_hold' | 'completed' | 'cancelled';
	start_date: string;
	end_date: string;
	estimated_hours: number;
}

export interface ProjectMemberRow {
	id: Id;
	project: Id;
	contact: Id;
}

export interface ProjectTaskRow {
	id: Id;
	project: Id;
	name: string;
	status: 'todo' | 'in_progress' | 'done';
	estimated_hours: number;
	sort: number;
}

export interface ProjectNoteRow {
	id: Id;
	project: Id;
	body: string;
	is_internal: boolean;
	author_contact: Id | null;
	author_user: Id | null;
}

export interface ProjectIssueRow {
	id: Id;
	project: Id;
	title: string;
	description: string;
	status: 'open' | 'resolved';
	reported_by_contact: Id | null;
}

export interface ProjectChargeRow {
	id: Id;
	project: Id;
	description: string;
	quantity: number;
	unit_price: number;
	amount: number;
	charged_on: string;
}

export interface ProjectCalendarItemRow {
	id: Id;
	project: Id;
	title: string;
	starts_at: string;
	ends_at: string;
	place: string;
}

export interface ProjectAttachmentRow {
	id: Id;
	project: Id;
	file: Id;
	is_public: boolean;
}

export interface DeviceRow {
	id: Id;
	customer: Id;
	location: Id | null;
	created_by_contact: Id | null;
	name: string;
	type: 'computer' | 'server' | 'printer' | 'network' | 'phone' | 'other';
	serial: string;
	manufacturer: string;
	model: string;
	ip_address: string;
	warranty_expires: string;
	notes: string;
	admin_password: string;
}

export interface ArticleRow {
	id: Id;
	status: 'published' | 'draft';
	audience: 'all' | 'selected';
	title: string;
	body: string;
}

export interface ArticleCustomerRow {
	id: Id;
	article: Id;
	customer: Id;
}

export interface DocumentCustomerRow {
	id: Id;
	document: Id;
	customer: Id;
}

export interface InvoiceRow {
	id: Id;
	customer: Id;
	number: string;
	status: 'draft' | 'sent' | 'paid' | 'overdue' | 'void';
	total: number;
	issued_on: string;
	due_date: string;
}

export interface QuoteRow {
	id: Id;
	customer: Id;
	title: string;
	description: string;
	total: number;
	status: 'pending' | 'approved' | 'declined';
	valid_until: string;
	decided_by: Id | null;
	decided_at: string | null;
}

export interface PortalSettings {
	parent_visibility: boolean;
	/** The group of contacts without one. Read from the Directus under test; null in a generated world. */
	default_group: Id | null;
}

/** A whole help desk. Collections are named as in Directus. */
export interface World {
	seed: number;
	/** Short and unique per seed: prefixes every name, e-mail and search word of this world. */
	tag: string;
	/** The password of every contact with a login. */
	password: string;
	settings: PortalSettings;
	staff: StaffRow[];
	portal_groups: GroupRow[];
	customers: CustomerRow[];
	locations: LocationRow[];
	contacts: ContactRow[];
	ticket_priorities: PriorityRow[];
	tickets: TicketRow[];
	ticket_participants: ParticipantRow[];
	ticket_comments: CommentRow[];
	directus_files: FileRow[];
	ticket_attachments: TicketAttachmentRow[];
	projects: ProjectRow[];
	project_members: ProjectMemberRow[];
	project_tasks: ProjectTaskRow[];
	project_notes: ProjectNoteRow[];
	project_issues: ProjectIssueRow[];
	project_charges: ProjectChargeRow[];
	project_calendar_items: ProjectCalendarItemRow[];
	project_attachments: ProjectAttachmentRow[];
	devices: DeviceRow[];
	kb_articles: ArticleRow[];
	kb_article_customers: ArticleCustomerRow[];
	documents: ArticleRow[];
	document_customers: DocumentCustomerRow[];
	invoices: InvoiceRow[];
	quotes: QuoteRow[];
}

/** The collections of a world that hold rows (everything but settings and bookkeeping). */
export type WorldCollection = Exclude<keyof World, 'seed' | 'tag' | 'password' | 'settings'>;

/** The tag of a seed's world: letters and digits only, so it stays one word for Directus's search. */
export function tagOf(seed: number): string {
	return `o${(seed >>> 0).toString(36)}`;
}

/**
 * The search word of one row: the world's tag, a short code for the collection and the local id, ended
 * by `q` so that the word of row 1 is not a prefix of the word of row 17.
 */
export function wordOf(tag: string, code: string, id: Id): string {
	return `${tag}z${code}${id}q`;
}

const firstNames = [
	'Ada',
	'Grace',
	'Alan',
	'Edsger',
	'Barbara',
	'Donald',
	'Frances',
	'Ken',
	'Radia',
	'Margaret',
	'Linus',
	'Tim',
] as const;
const lastNames = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Dijkstra',
	'Liskov',
	'Knuth',
	'Allen',
	'Thompson',
	'Perlman',
	'Hamilton',
	'Torvalds',
	'Berners',
] as const;
const ticketStatuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
const projectStatuses = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
const deviceTypes = ['computer', 'server', 'printer', 'network', 'phone', 'other'] as const;
const invoiceStatuses = ['draft', 'sent', 'paid', 'overdue', 'void'] as const;
const participantKinds = ['contact', 'approver', 'cc'] as const;

/** A day relative to a fixed date, so a world does not depend on when it is generated. */
function day(offset: number): string {
	return new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A random value for one capability; choices lean towards granting something, to exercise the rules. */
function randomCapabilityValue(random: Random, capability: Capability): unknown {
	switch (capability.kind) {
		case 'flag':
			return random.chance(0.55);
		case 'choice':
			return random.chance(0.2) ? capability.values[0] : random.pick(capability.values);
		case 'fields':
			return random.sample(capability.values, random.int(0, capability.values.length));
	}
}

/** Random permissions drawn from the catalogue; some keys are left out, which means "the default". */
export function randomPermissions(random: Random): Record<string, unknown> {
	const permissions: Record<string, unknown> = {};
	for (const capability of capabilities as readonly Capability[]) {
		if (random.chance(0.15)) continue;
		permissions[capability.key] = randomCapabilityValue(random, capability);
	}
	return permissions;
}

/** Counts scale with `size`, about the number of contacts. */
export function generateWorld(seed: number, size: number): World {
	const random = new Random(seed);
	const tag = tagOf(seed);
	let nextId = 1;
	const id = (): number => nextId++;
	const word = (code: string, rowId: Id): string => wordOf(tag, code, rowId);

	const world: World = {
		seed,
		tag,
		password: `pw-${tag}-Portal-1`,
		settings: { parent_visibility: random.chance(0.6), default_group: null },
		staff: [],
		portal_groups: [],
		customers: [],
		locations: [],
		contacts: [],
		ticket_priorities: [],
		tickets: [],
		ticket_participants: [],
		ticket_comments: [],
		directus_files: [],
		ticket_attachments: [],
		projects: [],
		project_members: [],
		project_tasks: [],
		project_notes: [],
		project_issues: [],
		project_charges: [],
		project_calendar_items: [],
		project_attachments: [],
		devices: [],
		kb_articles: [],
		kb_article_customers: [],
		documents: [],
		document_customers: [],
		invoices: [],
		quotes: [],
	};

	for (let index = 0; index < 2; index++) {
		const staffId = id();
		world.staff.push({
			id: staffId,
			email: `staff${staffId}.${tag}@oracle.example.com`,
			first_name: 'Staff',
			last_name: word('st', staffId),
		});
	}

	for (const name of systemGroupNames) {
		world.portal_groups.push({ id: id(), name, is_system: true, assignable_by_client: false, permissions: null });
	}
	const customGroups = random.int(1, 3);
	for (let index = 0; index < customGroups; index++) {
		const groupId = id();
		world.portal_groups.push({
			id: groupId,
			name: `${tag} custom group ${groupId}`,
			is_system: false,
			assignable_by_client: random.chance(0.5),
			permissions: randomPermissions(random),
		});
	}

	// Customers: several roots, then each further customer below a random one at most four levels deep,
	// so trees reach depth five.
	const depth = new Map<Id, number>();
	const customerCount = Math.max(5, Math.round(size / 4));
	const roots = random.int(2, 4);
	for (let index = 0; index < customerCount; index++) {
		const customerId = id();
		const candidates = world.customers.filter((customer) => (depth.get(customer.id) ?? 0) < 4);
		const parent = index < roots ? undefined : random.maybePick(candidates);
		depth.set(customerId, parent ? (depth.get(parent.id) ?? 0) + 1 : 0);
		world.customers.push({
			id: customerId,
			name: `${tag} Customer ${customerId} ${word('cu', customerId)}`,
			parent: parent?.id ?? null,
			visible_to_parent: random.chance(0.8),
			status: random.chance(0.9) ? 'active' : 'inactive',
		});
	}
	const customerIds = world.customers.map((customer) => customer.id);

	for (const customer of world.customers) {
		const count = random.int(0, 2);
		for (let index = 0; index < count; index++) {
			const locationId = id();
			world.locations.push({
				id: locationId,
				customer: customer.id,
				name: `Site ${locationId} ${word('lo', locationId)}`,
				address: `${locationId} Main Street ${word('la', locationId)}`,
			});
		}
	}
	const locationsOf = (customer: Id): LocationRow[] =>
		world.locations.filter((location) => location.customer === customer);

	const groupWeights = world.portal_groups.map((group): [GroupRow, number] => [
		group,
		group.name === noPortalAccess ? 1 : group.is_system ? 2 : 2.5,
	]);
	for (let index = 0; index < size; index++) {
		const contactId = id();
		const customer = random.pick(customerIds);
		const location = random.chance(0.55) ? random.maybePick(locationsOf(customer)) : undefined;
		world.contacts.push({
			id: contactId,
			customer,
			location: location?.id ?? null,
			first_name: random.pick(firstNames),
			last_name: `${random.pick(lastNames)} ${word('co', contactId)}`,
			email: `c${contactId}.${tag}@oracle.example.com`,
			phone: `+44 20 7946 ${String(contactId).padStart(4, '0')}`,
			portal_group: random.chance(0.06) ? null : random.weighted(groupWeights).id,
			login: random.chance(0.88),
			user: null,
		});
	}
	const contactsOf = (customer: Id): ContactRow[] => world.contacts.filter((contact) => contact.customer === customer);
	const contactIds = world.contacts.map((contact) => contact.id);
	/** Mostly a contact of the customer, sometimes anybody's. */
	const someContact = (customer: Id, foreign: number): Id | undefined =>
		random.chance(foreign) ? random.maybePick(contactIds) : random.maybePick(contactsOf(customer))?.id;

	const priorityCount = random.int(3, 4);
	const defaultPriority = random.int(0, priorityCount - 1);
	for (let index = 0; index < priorityCount; index++) {
		const priorityId = id();
		world.ticket_priorities.push({
			id: priorityId,
			name: `${tag} P${index + 1}`,
			sort: index + 1,
			color: '#3399FF',
			is_default: index === defaultPriority,
		});
	}

	const newFile = (code: string): Id => {
		const fileId = id();
		world.directus_files.push({
			id: fileId,
			title: `${tag} file ${fileId} ${word(code, fileId)}`,
			filename_download: `${tag}-${fileId}.txt`,
			content: `Attachment ${fileId} of world ${tag}.\n`,
		});
		return fileId;
	};

	const ticketCount = Math.round(size * 1.2);
	for (let index = 0; index < ticketCount; index++) {
		const ticketId = id();
		const customer = random.pick(customerIds);
		const requester = random.chance(0.1) ? undefined : someContact(customer, 0.07);
		world.tickets.push({
			id: ticketId,
			customer,
			contact: requester ?? null,
			priority: random.chance(0.8) ? random.pick(world.ticket_priorities).id : null,
			assignee: random.chance(0.5) ? random.pick(world.staff).id : null,
			subject: `Ticket ${ticketId} ${word('ts', ticketId)}`,
			description: `Description ${word('td', ticketId)}`,
			status: random.pick(ticketStatuses),
		});
		const followers = new Set<Id>();
		for (let count = random.int(0, 3); count > 0; count--) {
			const follower = someContact(customer, 0.3);
			if (follower === undefined || followers.has(follower)) continue;
			followers.add(follower);
			world.ticket_participants.push({
				id: id(),
				ticket: ticketId,
				contact: follower,
				kind: random.pick(participantKinds),
			});
		}
		for (let count = random.int(0, 3); count > 0; count--) {
			const commentId = id();
			const isInternal = random.chance(0.35);
			const byContact = !isInternal && requester !== undefined && random.chance(0.5);
			world.ticket_comments.push({
				id: commentId,
				ticket: ticketId,
				body: `${isInternal ? 'Internal' : 'Public'} comment ${word('tc', commentId)}`,
				is_internal: isInternal,
				author_contact: byContact ? (requester ?? null) : null,
				author_user: byContact ? null : random.pick(world.staff).id,
			});
		}
		if (random.chance(0.25)) {
			for (let count = random.int(1, 2); count > 0; count--) {
				world.ticket_attachments.push({
					id: id(),
					ticket: ticketId,
					file: newFile('tf'),
					is_public: random.chance(0.6),
				});
			}
		}
	}

	const projectCount = Math.max(3, Math.round(size / 3));
	for (let index = 0; index < projectCount; index++) {
		const projectId = id();
		const customer = random.pick(customerIds);
		world.projects.push({
			id: projectId,
			customer,
			name: `Project ${projectId} ${word('pn', projectId)}`,
			description: `Project description ${word('pd', projectId)}`,
			status: random.pick(projectStatuses),
			start_date: day(random.int(0, 200)),
			end_date: day(random.int(201, 400)),
			estimated_hours: random.int(10, 500),
		});
		const members = new Set<Id>();
		for (let count = random.int(0, 3); count > 0; count--) {
			const member = someContact(customer, 0.2);
			if (member === undefined || members.has(member)) continue;
			members.add(member);
			world.project_members.push({ id: id(), project: projectId, contact: member });
		}
		for (let count = random.int(0, 3); count > 0; count--) {
			const taskId = id();
			world.project_tasks.push({
				id: taskId,
				project: projectId,
				name: `Task ${word('pt', taskId)}`,
				status: random.pick(['todo', 'in_progress', 'done'] as const),
				estimated_hours: random.int(1, 40),
				sort: count,
			});
		}
		for (let count = random.int(0, 3); count > 0; count--) {
			const noteId = id();
			const isInternal = random.chance(0.35);
			const author = isInternal ? undefined : random.maybePick([...members]);
			world.project_notes.push({
				id: noteId,
				project: projectId,
				body: `${isInternal ? 'Internal' : 'Public'} note ${word('pe', noteId)}`,
				is_internal: isInternal,
				author_contact: author ?? null,
				author_user: author === undefined ? random.pick(world.staff).id : null,
			});
		}
		for (let count = random.int(0, 2); count > 0; count--) {
			const issueId = id();
			world.project_issues.push({
				id: issueId,
				project: projectId,
				title: `Issue ${word('pi', issueId)}`,
				description: `Issue description ${word('pj', issueId)}`,
				status: random.chance(0.5) ? 'open' : 'resolved',
				reported_by_contact: someContact(customer, 0) ?? null,
			});
		}
		for (let count = random.int(0, 2); count > 0; count--) {
			const chargeId = id();
			const quantity = random.int(1, 20);
			world.project_charges.push({
				id: chargeId,
				project: projectId,
				description: `Charge ${word('pc', chargeId)}`,
				quantity,
				unit_price: 25,
				amount: quantity * 25,
				charged_on: day(random.int(0, 300)),
			});
		}
		for (let count = random.int(0, 2); count > 0; count--) {
			const itemId = id();
			const start = random.int(0, 300);
			world.project_calendar_items.push({
				id: itemId,
				project: projectId,
				title: `Meeting ${word('pk', itemId)}`,
				starts_at: `${day(start)}T09:00:00Z`,
				ends_at: `${day(start)}T10:00:00Z`,
				place: `Room ${itemId}`,
			});
		}
		if (random.chance(0.3)) {
			for (let count = random.int(1, 2); count > 0; count--) {
				world.project_attachments.push({
					id: id(),
					project: projectId,
					file: newFile('pf'),
					is_public: random.chance(0.6),
				});
			}
		}
	}

	const deviceCount = Math.round(size * 0.8);
	for (let index = 0; index < deviceCount; index++) {
		const deviceId = id();
		const customer = random.pick(customerIds);
		const location = random.chance(0.6) ? random.maybePick(locationsOf(customer)) : undefined;
		world.devices.push({
			id: deviceId,
			customer,
			location: location?.id ?? null,
			created_by_contact: random.chance(0.5) ? (someContact(customer, 0) ?? null) : null,
			name: `Device ${deviceId} ${word('dn', deviceId)}`,
			type: random.pick(deviceTypes),
			serial: `SN-${word('ds', deviceId)}`,
			manufacturer: `Maker ${word('dm', deviceId)}`,
			model: `Model ${deviceId}`,
			ip_address: `10.0.${deviceId % 250}.${(deviceId * 7) % 250}`,
			warranty_expires: day(random.int(100, 900)),
			notes: `Device notes ${word('do', deviceId)}`,
			// Random letters first, so that sorting by the password is not sorting by id.
			admin_password: `${Array.from({ length: 6 }, () => String.fromCharCode(97 + random.int(0, 25))).join('')}-${word('dp', deviceId)}`,
		});
	}

	const articles = (target: ArticleRow[], code: string, count: number): void => {
		for (let index = 0; index < count; index++) {
			const articleId = id();
			target.push({
				id: articleId,
				status: random.chance(0.7) ? 'published' : 'draft',
				audience: random.chance(0.45) ? 'all' : 'selected',
				title: `${code === 'ka' ? 'Article' : 'Document'} ${articleId} ${word(code, articleId)}`,
				body: `Body ${word(`${code}b`, articleId)}`,
			});
		}
	};
	articles(world.kb_articles, 'ka', random.int(5, 8));
	articles(world.documents, 'dc', random.int(4, 7));
	for (const article of world.kb_articles) {
		for (const customer of random.sample(customerIds, random.int(0, 3)))
			world.kb_article_customers.push({ id: id(), article: article.id, customer });
	}
	for (const document of world.documents) {
		for (const customer of random.sample(customerIds, random.int(0, 3)))
			world.document_customers.push({ id: id(), document: document.id, customer });
	}

	for (let index = Math.round(size / 2); index > 0; index--) {
		const invoiceId = id();
		world.invoices.push({
			id: invoiceId,
			customer: random.pick(customerIds),
			number: `INV-${tag}-${invoiceId}`,
			status: random.pick(invoiceStatuses),
			total: random.int(100, 9000),
			issued_on: day(random.int(0, 300)),
			due_date: day(random.int(301, 400)),
		});
	}
	for (let index = Math.round(size / 2); index > 0; index--) {
		const quoteId = id();
		const customer = random.pick(customerIds);
		const status = random.weighted([
			['pending', 2],
			['approved', 1],
			['declined', 1],
		] as const);
		const decider = status === 'pending' ? undefined : someContact(customer, 0);
		world.quotes.push({
			id: quoteId,
			customer,
			title: `Quote ${quoteId} ${word('qt', quoteId)}`,
			description: `Quote description ${word('qd', quoteId)}`,
			total: random.int(500, 20_000),
			status,
			valid_until: day(random.int(300, 500)),
			decided_by: decider ?? null,
			decided_at: status === 'pending' ? null : `${day(random.int(0, 200))}T12:00:00.000Z`,
		});
	}

	return world;
}
