/**
 * The help-desk schema the product ships, as Directus definitions. `npm run schema:snapshot` creates
 * these on a fresh Directus and writes `schema-snapshot/snapshot.json`, which is what installs apply.
 * Every foreign key the portal filters by is indexed (see `manyToOne`).
 */
import {
	boolean,
	type Choice,
	collection,
	type CollectionDefinition,
	date,
	dateTime,
	decimal,
	email,
	type FieldDefinition,
	folder,
	integer,
	json,
	manyToMany,
	manyToOne,
	oneToMany,
	presentation,
	primaryKey,
	select,
	singleton,
	stamp,
	string,
	text,
} from './fields.ts';
import { staffDisplayNameField, staffDisplayNameMaxLength } from '../../src/conversation/parse-staff-display-name.ts';

const customerTemplate = '{{name}}';
const contactTemplate = '{{first_name}} {{last_name}}';
const ticketTemplate = '#{{id}} {{subject}}';
const projectTemplate = '{{name}}';

const activeInactive: Choice[] = [
	{ value: 'active', text: 'Active', color: '#2ECDA7' },
	{ value: 'inactive', text: 'Inactive', color: '#A2B5CD' },
];
const inboxStatuses: Choice[] = [
	{ text: 'Accepted', value: 'accepted', color: '#2ECDA7' },
	{ text: 'Ignored', value: 'ignored', color: '#A2B5CD' },
	{ text: 'Refused', value: 'refused', color: '#E35169' },
];

const ticketRatings: Choice[] = [
	{ value: 'good', text: 'Good', color: '#2ECDA7' },
	{ value: 'bad', text: 'Bad', color: '#E35169' },
];
const outboxStatuses: Choice[] = [
	{ value: 'queued', text: 'Waiting', color: '#FFA439' },
	{ value: 'sending', text: 'Sending', color: '#3399FF' },
	{ value: 'sent', text: 'Sent', color: '#2ECDA7' },
	{ value: 'failed', text: 'Failed', color: '#E35169' },
	{ value: 'cancelled', text: 'Cancelled', color: '#A2B5CD' },
];

const publishedDraft: Choice[] = [
	{ value: 'published', text: 'Published', color: '#2ECDA7' },
	{ value: 'draft', text: 'Draft', color: '#A2B5CD' },
];
const audience: Choice[] = [
	{ value: 'all', text: 'All customers', color: '#6644FF' },
	{ value: 'selected', text: 'Selected customers', color: '#FFA439' },
];

/** A junction between an article-like collection and customers, for `audience = selected`. */
function audienceJunction(name: string, owner: string, ownerField: string, group: string): CollectionDefinition {
	const ownerSide = manyToOne(name, ownerField, owner, {
		template: '{{title}}',
		onDelete: 'CASCADE',
		required: true,
		oneField: 'customers',
	});
	const customerSide = manyToOne(name, 'customer', 'customers', {
		template: customerTemplate,
		onDelete: 'CASCADE',
		required: true,
	});
	ownerSide.relation.meta = { ...ownerSide.relation.meta, junction_field: 'customer' };
	customerSide.relation.meta = { ...customerSide.relation.meta, junction_field: ownerField };
	return collection(
		name,
		{
			icon: 'import_export',
			note: `Customers who may read a ${owner === 'kb_articles' ? 'knowledge-base article' : 'document'} whose audience is "Selected customers".`,
			group,
			hidden: true,
		},
		[primaryKey()],
		[ownerSide, customerSide],
	);
}

/** A junction from an item to directus_files that says whether portal contacts may see the file. */
function attachmentJunction(
	name: string,
	owner: string,
	ownerField: string,
	template: string,
	group: string,
): CollectionDefinition {
	const ownerSide = manyToOne(name, ownerField, owner, {
		template,
		onDelete: 'CASCADE',
		required: true,
		oneField: 'attachments',
	});
	const fileSide = manyToOne(name, 'file', 'directus_files', {
		template: '{{title}}',
		onDelete: 'CASCADE',
		required: true,
		oneField: name,
	});
	ownerSide.relation.meta = { ...ownerSide.relation.meta, junction_field: 'file' };
	fileSide.relation.meta = { ...fileSide.relation.meta, junction_field: ownerField };
	return collection(
		name,
		{
			icon: 'attach_file',
			note: 'Files attached to an item; only public ones can ever reach the portal.',
			group,
			hidden: true,
		},
		[primaryKey(), boolean('is_public', 'Visible in the portal', false), stamp('date_created')],
		[ownerSide, fileSide],
	);
}

export const collections: CollectionDefinition[] = [
	folder('helpdesk_customers', 'corporate_fare', 'Client companies, their people and sites.', 1),
	folder('helpdesk_tickets', 'support_agent', 'Requests from customers and the conversation on them.', 2),
	folder('helpdesk_projects', 'assignment', 'Projects run for customers.', 3),
	folder('helpdesk_assets', 'devices', "Customers' devices.", 4),
	folder('helpdesk_knowledge', 'menu_book', 'Knowledge base and documentation.', 5),
	folder('helpdesk_financials', 'receipt_long', 'Invoices and quotes.', 6),

	collection(
		'customers',
		{
			icon: 'corporate_fare',
			note: 'Client companies. A customer may sit below a parent customer, to any depth.',
			template: customerTemplate,
			group: 'helpdesk_customers',
			archive: { field: 'status', value: 'inactive', unarchive: 'active' },
			sort: 1,
		},
		[
			primaryKey(),
			select('status', activeInactive, 'active'),
			string('name', { required: true, width: 'half', indexed: true }),
			boolean('visible_to_parent', 'Visible to the customers above it', true, {
				note: 'Off for a subsidiary whose tickets and projects its parent must not see in the portal.',
			}),
			text('tree_path', {
				readonly: true,
				hidden: true,
				note: 'Kept by the portal: the customers this one is visible to, top first (/1/5/17/). Portal rules read it to find a customer’s subtree.',
			}),
			{
				field: 'email_domains',
				type: 'csv',
				meta: {
					interface: 'tags',
					options: { placeholder: 'example.com', lowercase: true, trim: true, alphabetize: true },
					special: ['cast-csv'],
					display: 'labels',
					width: 'half',
					note: "E-mail domains of this customer's people: public requests and self sign-ups from them are filed here.",
				},
				schema: { is_nullable: true },
			},
			stamp('date_created'),
			stamp('date_updated'),
		],
		[
			manyToOne('customers', 'parent', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				oneField: 'children',
				note: 'The customer this one belongs to. Contacts of a parent may be allowed to see what is below it.',
			}),
			manyToOne('customers', 'portal_badge', 'directus_policies', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				readonly: true,
				hidden: true,
				// One customer per badge: a badge shared by two customers would show each one's contacts the other's records.
				unique: true,
				note: 'Kept by the portal: the policy (its badge) its signed-in contacts hold so portal rules know their customer. It grants nothing.',
			}),
		],
		[
			oneToMany('children', { template: customerTemplate, note: 'Customers directly below this one.' }),
			oneToMany('contacts', { template: contactTemplate }),
			oneToMany('locations', { template: '{{name}}' }),
			oneToMany('tickets', { template: ticketTemplate }),
			oneToMany('projects', { template: projectTemplate }),
			oneToMany('devices', { template: '{{name}}' }),
			oneToMany('invoices', { template: '{{number}}' }),
			oneToMany('quotes', { template: '{{title}}' }),
			oneToMany('ancestors', { template: '{{ancestor.name}}', readonly: true, hidden: true }),
		],
	),

	collection(
		'customer_tree',
		{
			icon: 'account_tree',
			note: 'Maintained by the portal: each customer with every customer above it that may see it (itself included). Never edit by hand.',
			template: '{{customer.name}} ← {{ancestor.name}}',
			group: 'helpdesk_customers',
			hidden: true,
		},
		[primaryKey(), integer('depth', { required: true, note: '0 for the customer itself, 1 for its parent, …' })],
		[
			manyToOne('customer_tree', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'ancestors',
			}),
			manyToOne('customer_tree', 'ancestor', 'customers', {
				template: customerTemplate,
				onDelete: 'CASCADE',
				required: true,
			}),
		],
	),

	collection(
		'locations',
		{
			icon: 'location_on',
			note: "A customer's sites; devices and contacts may belong to one.",
			template: '{{name}}',
			group: 'helpdesk_customers',
			sort: 3,
		},
		[primaryKey(), string('name', { required: true, width: 'half' }), text('address')],
		[
			manyToOne('locations', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'locations',
			}),
		],
		[oneToMany('contacts', { template: contactTemplate })],
	),

	collection(
		'contacts',
		{
			icon: 'contact_mail',
			note: "A customer's people. A contact linked to a Directus user can sign in to the portal.",
			template: contactTemplate,
			group: 'helpdesk_customers',
			archive: { field: 'status', value: 'inactive', unarchive: 'active' },
			sort: 2,
		},
		[
			primaryKey(),
			select('status', activeInactive, 'active'),
			string('first_name', { width: 'half' }),
			string('last_name', { width: 'half', required: true }),
			email('email', { required: true, unique: true, width: 'half' }),
			string('phone', { width: 'half' }),
			boolean('login_suspended', 'Portal login suspended', false, {
				note: 'The contact cannot sign in while this is on, whatever their group.',
			}),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[
			manyToOne('contacts', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'contacts',
			}),
			manyToOne('contacts', 'location', 'locations', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				oneField: 'contacts',
			}),
			manyToOne('contacts', 'user', 'directus_users', {
				template: '{{email}}',
				onDelete: 'SET NULL',
				unique: true,
				oneField: 'portal_contacts',
				note: 'The Directus user this contact signs in as. Linking puts the user under the portal role and the group below.',
			}),
			manyToOne('contacts', 'portal_group', 'portal_groups', {
				template: '{{name}}',
				onDelete: 'NO ACTION',
				oneField: 'contacts',
				note: 'What the contact may see and do in the portal. Empty means the default group of the portal settings.',
			}),
		],
	),

	collection(
		'ticket_priorities',
		{
			icon: 'priority_high',
			note: 'Ticket priorities, in order. The default one is given to new tickets.',
			template: '{{name}}',
			group: 'helpdesk_tickets',
			sortField: 'sort',
			sort: 2,
		},
		[
			primaryKey(),
			string('name', { required: true, width: 'half' }),
			{
				field: 'color',
				type: 'string',
				meta: { interface: 'select-color', display: 'color', width: 'half' },
				schema: { max_length: 16, is_nullable: true },
			},
			integer('sort', { hidden: true }),
			boolean('is_default', 'Default for new tickets', false),
		],
	),

	collection(
		'tickets',
		{
			icon: 'confirmation_number',
			note: 'Requests raised by or for a customer.',
			template: ticketTemplate,
			group: 'helpdesk_tickets',
			archive: { field: 'status', value: 'closed', unarchive: 'open' },
			sort: 1,
		},
		[
			primaryKey(),
			select(
				'status',
				[
					{ value: 'new', text: 'New', color: '#3399FF' },
					{ value: 'open', text: 'Open', color: '#6644FF' },
					{ value: 'pending', text: 'Waiting on customer', color: '#FFA439' },
					{ value: 'resolved', text: 'Resolved', color: '#2ECDA7' },
					{ value: 'closed', text: 'Closed', color: '#A2B5CD' },
				],
				'new',
			),
			string('subject', { required: true }),
			text('description', { markdown: true }),
			stamp('date_created'),
			stamp('date_updated'),
			text('customer_path', {
				readonly: true,
				hidden: true,
				note: 'Kept by the portal on PostgreSQL: its customer’s tree path, so portal rules find a subtree’s tickets without looking up each ticket’s customer.',
			}),
		],
		[
			manyToOne('tickets', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'tickets',
			}),
			manyToOne('tickets', 'contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
				note: 'The requester.',
			}),
			manyToOne('tickets', 'priority', 'ticket_priorities', { template: '{{name}}', onDelete: 'SET NULL' }),
			manyToOne('tickets', 'assignee', 'directus_users', {
				template: '{{first_name}} {{last_name}}',
				onDelete: 'SET NULL',
				note: 'The staff member working on it.',
			}),
		],
		[
			// The staff's way from the item page to answering the ticket (the bundle's interface).
			presentation('portal_conversation', 'portal-conversation-link'),
			oneToMany('participants', {
				template: '{{kind}}: {{contact.first_name}} {{contact.last_name}}',
				note: 'Contacts who follow the ticket besides the requester.',
			}),
			oneToMany('comments', { template: '{{body}}' }),
			manyToMany('attachments', 'files', null, 'Only attachments marked "Visible in the portal" can reach contacts.'),
			oneToMany('followers', {
				template: '{{contact.first_name}} {{contact.last_name}}',
				readonly: true,
				hidden: true,
			}),
		],
	),

	collection(
		'ticket_followers',
		{
			icon: 'visibility',
			note: "Maintained by the portal: a ticket's requester and each of its participants, the contacts whose own tickets it is. Never edit by hand.",
			template: '{{ticket.subject}} ← {{contact.first_name}} {{contact.last_name}}',
			group: 'helpdesk_tickets',
			hidden: true,
		},
		[primaryKey()],
		[
			manyToOne('ticket_followers', 'ticket', 'tickets', {
				template: ticketTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'followers',
			}),
			manyToOne('ticket_followers', 'contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'CASCADE',
				required: true,
			}),
			manyToOne('ticket_followers', 'participant', 'ticket_participants', {
				template: '{{kind}}',
				onDelete: 'CASCADE',
				note: 'The participant row it follows from; empty for the requester.',
			}),
		],
	),

	collection(
		'ticket_participants',
		{
			icon: 'group',
			note: 'Contacts who follow a ticket: another contact, an approver or a copy.',
			template: '{{contact.first_name}} {{contact.last_name}} ({{kind}})',
			group: 'helpdesk_tickets',
			sort: 3,
		},
		[
			primaryKey(),
			select(
				'kind',
				[
					{ value: 'contact', text: 'Contact', color: '#3399FF' },
					{ value: 'approver', text: 'Approver', color: '#6644FF' },
					{ value: 'cc', text: 'Copy', color: '#A2B5CD' },
				],
				'contact',
			),
		],
		[
			manyToOne('ticket_participants', 'ticket', 'tickets', {
				template: ticketTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'participants',
			}),
			manyToOne('ticket_participants', 'contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'CASCADE',
				required: true,
			}),
		],
	),

	collection(
		'ticket_comments',
		{
			icon: 'forum',
			note: 'The conversation on a ticket. Internal comments are for staff only and never reach the portal.',
			template: '{{body}}',
			group: 'helpdesk_tickets',
			sort: 4,
		},
		[
			primaryKey(),
			text('body', { required: true, markdown: true }),
			boolean('is_internal', 'Internal (staff only)', true),
			stamp('date_created'),
		],
		[
			manyToOne('ticket_comments', 'ticket', 'tickets', {
				template: ticketTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'comments',
			}),
			manyToOne('ticket_comments', 'author_user', 'directus_users', {
				template: '{{first_name}} {{last_name}}',
				onDelete: 'SET NULL',
				note: 'Set when staff wrote it.',
			}),
			manyToOne('ticket_comments', 'author_contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
				note: 'Set when a contact wrote it.',
			}),
		],
	),

	attachmentJunction('ticket_attachments', 'tickets', 'ticket', ticketTemplate, 'helpdesk_tickets'),

	collection(
		'projects',
		{
			icon: 'assignment',
			note: 'Projects run for a customer.',
			template: projectTemplate,
			group: 'helpdesk_projects',
			sort: 1,
		},
		[
			primaryKey(),
			select(
				'status',
				[
					{ value: 'planned', text: 'Planned', color: '#3399FF' },
					{ value: 'active', text: 'Active', color: '#6644FF' },
					{ value: 'on_hold', text: 'On hold', color: '#FFA439' },
					{ value: 'completed', text: 'Completed', color: '#2ECDA7' },
					{ value: 'cancelled', text: 'Cancelled', color: '#A2B5CD' },
				],
				'planned',
			),
			string('name', { required: true }),
			text('description', { markdown: true }),
			date('start_date'),
			date('end_date'),
			decimal('estimated_hours', { suffix: ' h', width: 'half' }),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[
			manyToOne('projects', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'projects',
			}),
		],
		[
			oneToMany('members', { template: '{{contact.first_name}} {{contact.last_name}}' }),
			oneToMany('tasks', { template: '{{name}}' }),
			oneToMany('notes', { template: '{{body}}' }),
			oneToMany('issues', { template: '{{title}}' }),
			oneToMany('charges', { template: '{{description}}' }),
			oneToMany('calendar_items', { template: '{{title}}' }),
			manyToMany('attachments', 'files', null, 'Only attachments marked "Visible in the portal" can reach contacts.'),
		],
	),

	collection(
		'project_members',
		{
			icon: 'group',
			note: "The customer's contacts on a project team.",
			template: '{{contact.first_name}} {{contact.last_name}}',
			group: 'helpdesk_projects',
			hidden: true,
		},
		[primaryKey()],
		[
			manyToOne('project_members', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'members',
			}),
			manyToOne('project_members', 'contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'CASCADE',
				required: true,
			}),
		],
	),

	collection(
		'project_tasks',
		{
			icon: 'event_note',
			note: "A project's schedule.",
			template: '{{name}}',
			group: 'helpdesk_projects',
			sortField: 'sort',
		},
		[
			primaryKey(),
			string('name', { required: true }),
			select(
				'status',
				[
					{ value: 'todo', text: 'To do', color: '#A2B5CD' },
					{ value: 'in_progress', text: 'In progress', color: '#6644FF' },
					{ value: 'done', text: 'Done', color: '#2ECDA7' },
				],
				'todo',
			),
			date('start_date'),
			date('due_date'),
			decimal('estimated_hours', { suffix: ' h', width: 'half' }),
			integer('sort', { hidden: true }),
		],
		[
			manyToOne('project_tasks', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'tasks',
			}),
		],
	),

	collection(
		'project_notes',
		{
			icon: 'sticky_note_2',
			note: 'Notes on a project. Internal notes are for staff only.',
			template: '{{body}}',
			group: 'helpdesk_projects',
		},
		[
			primaryKey(),
			text('body', { required: true, markdown: true }),
			boolean('is_internal', 'Internal (staff only)', true),
			stamp('date_created'),
		],
		[
			manyToOne('project_notes', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'notes',
			}),
			manyToOne('project_notes', 'author_user', 'directus_users', {
				template: '{{first_name}} {{last_name}}',
				onDelete: 'SET NULL',
			}),
			manyToOne('project_notes', 'author_contact', 'contacts', { template: contactTemplate, onDelete: 'SET NULL' }),
		],
	),

	collection(
		'project_issues',
		{ icon: 'report', note: 'Issues raised on a project.', template: '{{title}}', group: 'helpdesk_projects' },
		[
			primaryKey(),
			string('title', { required: true }),
			text('description', { markdown: true }),
			select(
				'status',
				[
					{ value: 'open', text: 'Open', color: '#FFA439' },
					{ value: 'resolved', text: 'Resolved', color: '#2ECDA7' },
				],
				'open',
			),
			stamp('date_created'),
		],
		[
			manyToOne('project_issues', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'issues',
			}),
			manyToOne('project_issues', 'reported_by_contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
			}),
		],
	),

	collection(
		'project_charges',
		{
			icon: 'payments',
			note: 'Billable charges on a project.',
			template: '{{description}}',
			group: 'helpdesk_projects',
		},
		[
			primaryKey(),
			string('description', { required: true }),
			decimal('quantity', { width: 'half' }),
			decimal('unit_price', { width: 'half' }),
			decimal('amount', { width: 'half' }),
			date('charged_on'),
		],
		[
			manyToOne('project_charges', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'charges',
			}),
		],
	),

	collection(
		'project_calendar_items',
		{
			icon: 'calendar_month',
			note: 'Meetings and milestones of a project.',
			template: '{{title}}',
			group: 'helpdesk_projects',
		},
		[
			primaryKey(),
			string('title', { required: true }),
			dateTime('starts_at', { required: true }),
			dateTime('ends_at'),
			string('place'),
		],
		[
			manyToOne('project_calendar_items', 'project', 'projects', {
				template: projectTemplate,
				onDelete: 'CASCADE',
				required: true,
				oneField: 'calendar_items',
			}),
		],
	),

	attachmentJunction('project_attachments', 'projects', 'project', projectTemplate, 'helpdesk_projects'),

	collection(
		'devices',
		{
			icon: 'devices',
			note: "Customers' devices. Protected fields such as the admin password never reach the portal.",
			template: '{{name}}',
			group: 'helpdesk_assets',
			sort: 1,
		},
		[
			primaryKey(),
			string('name', { required: true, width: 'half' }),
			select(
				'type',
				[
					{ value: 'computer', text: 'Computer', color: '#3399FF' },
					{ value: 'server', text: 'Server', color: '#6644FF' },
					{ value: 'printer', text: 'Printer', color: '#FFA439' },
					{ value: 'network', text: 'Network', color: '#2ECDA7' },
					{ value: 'phone', text: 'Phone', color: '#E35169' },
					{ value: 'other', text: 'Other', color: '#A2B5CD' },
				],
				'other',
			),
			string('serial', { width: 'half', indexed: true }),
			string('manufacturer', { width: 'half' }),
			string('model', { width: 'half' }),
			string('ip_address', { width: 'half' }),
			date('warranty_expires'),
			text('notes'),
			string('admin_password', { width: 'half', masked: true, note: 'Protected: never visible in the portal.' }),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[
			manyToOne('devices', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'devices',
			}),
			manyToOne('devices', 'location', 'locations', { template: '{{name}}', onDelete: 'SET NULL' }),
			manyToOne('devices', 'created_by_contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
				note: 'The contact who registered the device.',
			}),
		],
	),

	collection(
		'kb_articles',
		{
			icon: 'menu_book',
			note: 'Knowledge-base articles. Published articles reach the portal for their audience.',
			template: '{{title}}',
			group: 'helpdesk_knowledge',
			archive: { field: 'status', value: 'draft', unarchive: 'published' },
			sort: 1,
		},
		[
			primaryKey(),
			select('status', publishedDraft, 'draft'),
			select('audience', audience, 'all'),
			string('title', { required: true }),
			text('body', { markdown: true }),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[],
		[
			manyToMany(
				'customers',
				'list-m2m',
				'{{customer.name}}',
				'Who may read it when the audience is "Selected customers".',
			),
		],
	),
	audienceJunction('kb_article_customers', 'kb_articles', 'article', 'helpdesk_knowledge'),

	collection(
		'documents',
		{
			icon: 'description',
			note: 'Documentation for customers. Published documents reach the portal for their audience.',
			template: '{{title}}',
			group: 'helpdesk_knowledge',
			archive: { field: 'status', value: 'draft', unarchive: 'published' },
			sort: 2,
		},
		[
			primaryKey(),
			select('status', publishedDraft, 'draft'),
			select('audience', audience, 'all'),
			string('title', { required: true }),
			text('body', { markdown: true }),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[],
		[
			manyToMany(
				'customers',
				'list-m2m',
				'{{customer.name}}',
				'Who may read it when the audience is "Selected customers".',
			),
		],
	),
	audienceJunction('document_customers', 'documents', 'document', 'helpdesk_knowledge'),

	collection(
		'invoices',
		{
			icon: 'receipt_long',
			note: 'Invoices sent to a customer.',
			template: '{{number}}',
			group: 'helpdesk_financials',
			sort: 1,
		},
		[
			primaryKey(),
			string('number', { required: true, unique: true, width: 'half' }),
			select(
				'status',
				[
					{ value: 'draft', text: 'Draft', color: '#A2B5CD' },
					{ value: 'sent', text: 'Sent', color: '#3399FF' },
					{ value: 'paid', text: 'Paid', color: '#2ECDA7' },
					{ value: 'overdue', text: 'Overdue', color: '#E35169' },
					{ value: 'void', text: 'Void', color: '#18222F' },
				],
				'draft',
			),
			decimal('total', { width: 'half', required: true }),
			date('issued_on'),
			date('due_date'),
			stamp('date_created'),
		],
		[
			manyToOne('invoices', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'invoices',
			}),
		],
	),

	collection(
		'quotes',
		{
			icon: 'request_quote',
			note: 'Quotes a customer may approve or decline.',
			template: '{{title}}',
			group: 'helpdesk_financials',
			sort: 2,
		},
		[
			primaryKey(),
			string('title', { required: true }),
			text('description', { markdown: true }),
			decimal('total', { width: 'half', required: true }),
			select(
				'status',
				[
					{ value: 'pending', text: 'Pending', color: '#FFA439' },
					{ value: 'approved', text: 'Approved', color: '#2ECDA7' },
					{ value: 'declined', text: 'Declined', color: '#E35169' },
				],
				'pending',
			),
			date('valid_until'),
			dateTime('decided_at', { readonly: true, note: 'Recorded when a contact approves or declines.' }),
			stamp('date_created'),
		],
		[
			manyToOne('quotes', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'NO ACTION',
				required: true,
				oneField: 'quotes',
			}),
			manyToOne('quotes', 'decided_by', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
				readonly: true,
				note: 'The contact who approved or declined.',
			}),
		],
	),

	folder('portal', 'admin_panel_settings', 'The customer portal: groups and settings.', 7),

	collection(
		'portal_groups',
		{
			icon: 'shield_person',
			note: 'Portal groups: what their contacts may see and do. System groups cannot be changed; make a copy instead.',
			template: '{{name}}',
			group: 'portal',
			sort: 1,
		},
		[
			primaryKey(),
			string('name', { required: true, unique: true, width: 'half' }),
			boolean('is_system', 'System group (read-only)', false, { readonly: true }),
			boolean('assignable_by_client', 'A client administrator may assign it', false),
			text('description'),
			json('permissions', {
				note: 'Capabilities by key, e.g. {"tickets.view": "own", "tickets.create": true}. Keys left out grant nothing.',
			}),
			stamp('date_created'),
			stamp('date_updated'),
		],
		[
			manyToOne('portal_groups', 'policy', 'directus_policies', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				readonly: true,
				note: 'The Directus policy this group is compiled into. Managed by the portal.',
			}),
		],
		[oneToMany('contacts', { template: contactTemplate, readonly: true })],
	),

	singleton(
		'portal_settings',
		{ icon: 'tune', note: 'How the customer portal behaves.', group: 'portal' },
		[
			primaryKey(),
			string('portal_name', {
				width: 'half',
				placeholder: 'Customer portal',
				note: 'Shown in the portal and its e-mails. Empty: the project name.',
			}),
			{
				field: 'accent_color',
				type: 'string',
				meta: {
					interface: 'select-color',
					display: 'color',
					width: 'half',
					note: 'The portal’s buttons and links. Empty: the project colour.',
				},
				schema: { max_length: 16, is_nullable: true },
			},
			select(
				'access_mode',
				[
					{ value: 'registered_only', text: 'Registered contacts only', color: '#6644FF' },
					{ value: 'public', text: 'Public knowledge base and requests', color: '#2ECDA7' },
				],
				'registered_only',
				{
					note: 'Public: anyone may read articles meant for everyone and submit a request; signing in is needed to track it.',
				},
			),
			boolean('parent_visibility', 'Contacts of a parent customer may see the customers below it', true, {
				note: 'Off: groups that see "their customer and the customers below it" see only their own customer.',
			}),
			integer('invite_ttl_hours', {
				required: true,
				defaultValue: 72,
				width: 'half',
				note: 'How long an invitation link stays valid.',
			}),
			select(
				'self_signup',
				[
					{ value: 'off', text: 'Off', color: '#A2B5CD' },
					{ value: 'matching_domain', text: "E-mail domain matches a customer's", color: '#2ECDA7' },
				],
				'off',
				{ note: 'Let people whose e-mail domain is listed on a customer ask for a login.' },
			),
			select(
				'staff_names',
				[
					{ value: 'full_name', text: 'Full name (Ana Rivera)', color: '#6644FF' },
					{ value: 'first_name_initial', text: 'First name and initial (Ana R.)', color: '#2ECDA7' },
					{ value: 'first_name', text: 'First name (Ana)', color: '#FFA439' },
					{ value: 'team', text: 'No names: "Service team"', color: '#A2B5CD' },
				],
				'full_name',
				{
					note: 'How staff who answer tickets are named to contacts, in the portal and in e-mails.',
					onlyChoices: true,
				},
			),
			json('data_map', {
				readonly: true,
				hidden: true,
				note: 'Which collections and fields play customers, contacts, tickets and the rest. Empty: the bundled help-desk collections. Changed on the Data map page of the Customer Portal module, which checks it first.',
			}),
		],
		[
			manyToOne('portal_settings', 'default_group', 'portal_groups', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				note: 'The group of new portal contacts.',
			}),
			manyToOne('portal_settings', 'notify_role', 'directus_roles', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				note: 'Who hears of a contact’s new ticket or reply when the ticket has no assignee: the users of this role and of the roles below it. Empty: the holders of the Portal staff policy.',
			}),
			manyToOne('portal_settings', 'portal_role', 'directus_roles', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				readonly: true,
				note: 'The Directus role every portal user is under. Managed by the portal.',
			}),
			manyToOne('portal_settings', 'staff_policy', 'directus_policies', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				readonly: true,
				note: 'The "Portal staff" policy: give it to staff who manage the portal without being admins. Managed by the portal.',
			}),
			manyToOne('portal_settings', 'public_policy', 'directus_policies', {
				template: '{{name}}',
				onDelete: 'SET NULL',
				readonly: true,
				note: 'What visitors who are not signed in may read, following the access mode. Managed by the portal.',
			}),
			manyToOne('portal_settings', 'unassigned_customer', 'customers', {
				template: customerTemplate,
				onDelete: 'SET NULL',
				note: 'Where public requests from unknown e-mail domains are filed for staff to sort.',
			}),
		],
	),

	collection(
		'portal_invitations',
		{
			icon: 'forward_to_inbox',
			note: 'Invitations to sign up for the portal. The link itself is never stored, only a hash of it.',
			template: '{{contact.email}}',
			group: 'portal',
			sort: 3,
		},
		[
			primaryKey(),
			{
				field: 'token_hash',
				type: 'string',
				meta: { hidden: true, readonly: true, interface: 'input', note: 'SHA-256 of the link token.' },
				schema: { max_length: 64, is_nullable: false, is_unique: true, is_indexed: true },
			},
			dateTime('expires_at', { required: true, readonly: true }),
			dateTime('last_sent_at', { readonly: true }),
			integer('sent_count', { defaultValue: 0, readonly: true, width: 'half' }),
			dateTime('accepted_at', { readonly: true }),
			dateTime('revoked_at', { readonly: true }),
			stamp('date_created'),
		],
		[
			manyToOne('portal_invitations', 'contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'CASCADE',
				required: true,
				readonly: true,
			}),
			manyToOne('portal_invitations', 'invited_by', 'directus_users', {
				template: '{{first_name}} {{last_name}}',
				onDelete: 'SET NULL',
				readonly: true,
			}),
		],
	),

	collection(
		'portal_audit',
		{
			icon: 'policy',
			note: 'What happened in the portal and who did it. Written by the portal; read-only.',
			template: '{{action}}',
			group: 'portal',
			sort: 4,
		},
		[
			primaryKey(),
			{ ...string('action', { required: true, readonly: true, indexed: true, width: 'half' }) },
			string('target_collection', { readonly: true, width: 'half' }),
			string('target_id', { readonly: true, width: 'half', indexed: true }),
			json('details', { readonly: true }),
			string('ip', { readonly: true, width: 'half' }),
			stamp('date_created'),
		],
		[
			manyToOne('portal_audit', 'actor_user', 'directus_users', {
				template: '{{email}}',
				onDelete: 'SET NULL',
				readonly: true,
			}),
			manyToOne('portal_audit', 'actor_contact', 'contacts', {
				template: contactTemplate,
				onDelete: 'SET NULL',
				readonly: true,
			}),
			manyToOne('portal_audit', 'customer', 'customers', {
				template: customerTemplate,
				onDelete: 'SET NULL',
				readonly: true,
			}),
		],
	),

	collection(
		'portal_outbox',
		{
			icon: 'outbox',
			note: 'E-mails the portal sends: what waits, what was sent and what failed. Written and sent by the portal; a sign-in link a mail carries is stored sealed, and only until it is sent.',
			template: '{{subject}}',
			group: 'portal',
			sort: 5,
		},
		[
			primaryKey(),
			string('kind', {
				required: true,
				readonly: true,
				width: 'half',
				note: 'What the mail is for: invitation, welcome, request_received, already_registered.',
			}),
			select('status', outboxStatuses, 'queued', { readonly: true }),
			string('recipient', { required: true, readonly: true, width: 'half' }),
			text('subject', { required: true, readonly: true }),
			text('body_text', { readonly: true, note: 'The mail as plain text; a sign-in link shows as [link].' }),
			text('body_html', { readonly: true, hidden: true }),
			json('headers', { readonly: true, hidden: true }),
			{
				field: 'sealed_link',
				type: 'text',
				meta: {
					hidden: true,
					readonly: true,
					interface: 'input',
					note: 'The sign-in link, encrypted with the project’s SECRET; removed once sent.',
				},
				schema: { is_nullable: true },
			},
			integer('attempts', { defaultValue: 0, readonly: true, width: 'half' }),
			{ ...dateTime('next_attempt_at', { readonly: true }), schema: { is_nullable: true, is_indexed: true } },
			dateTime('lease_until', { readonly: true, hidden: true }),
			text('last_error', { readonly: true }),
			dateTime('sent_at', { readonly: true }),
			stamp('date_created'),
		],
		[
			manyToOne('portal_outbox', 'invitation', 'portal_invitations', {
				template: '{{contact.email}}',
				onDelete: 'SET NULL',
				readonly: true,
			}),
		],
	),

	collection(
		'portal_mail_optouts',
		{
			icon: 'unsubscribe',
			note: 'Kinds of e-mail a contact turned off, in the portal profile or with the unsubscribe link of a mail. Written by the portal.',
			template: '{{contact_key}} {{kind}}',
			group: 'portal',
			sort: 6,
		},
		[
			primaryKey(),
			string('contact_key', {
				required: true,
				readonly: true,
				indexed: true,
				width: 'half',
				note: 'The contact’s key.',
			}),
			string('kind', { required: true, readonly: true, width: 'half', note: 'replies, status or account.' }),
			stamp('date_created'),
		],
	),

	collection(
		'portal_inbox',
		{
			icon: 'move_to_inbox',
			note: 'E-mails the service desk received: the reply or ticket each became, or why it was ignored or refused. Written by the portal.',
			template: '{{sender}}: {{subject}}',
			group: 'portal',
			sort: 7,
		},
		[
			primaryKey(),
			select('status', inboxStatuses, 'accepted', { readonly: true }),
			text('outcome', { readonly: true, note: 'What became of the e-mail, or why nothing did.' }),
			string('sender', { readonly: true, indexed: true, width: 'half' }),
			text('subject', { readonly: true }),
			string('message_id', { readonly: true, indexed: true, note: 'Its Message-ID: a message is taken once.' }),
			string('ticket_key', { readonly: true, width: 'half', note: 'The ticket it reached or named.' }),
			string('contact_key', { readonly: true, width: 'half', note: 'The contact it came from.' }),
			{ ...dateTime('date_created', { readonly: true }), schema: { is_nullable: true, is_indexed: true } },
		],
	),

	collection(
		'portal_ticket_ratings',
		{
			icon: 'sentiment_satisfied',
			note: 'How contacts rated the service on their resolved tickets: good or bad, with an optional comment. Written by the portal.',
			template: '{{rating}} {{ticket_key}}',
			group: 'portal',
			sort: 8,
		},
		[
			primaryKey(),
			string('ticket_key', {
				required: true,
				readonly: true,
				indexed: true,
				width: 'half',
				note: 'The rated ticket’s key.',
			}),
			string('contact_key', {
				required: true,
				readonly: true,
				indexed: true,
				width: 'half',
				note: 'The key of the contact who rated it (the ticket’s requester).',
			}),
			select('rating', ticketRatings, null, { readonly: true, required: true }),
			text('comment', { readonly: true }),
			stamp('date_created'),
			stamp('date_updated'),
		],
	),
];

/**
 * The name a staff member is shown to contacts by, on their Directus user: set in the studio's conversation page or
 * in the User Directory; the product's hook trims it and refuses what `parseStaffDisplayName` refuses.
 */
function staffDisplayNameDefinition(): FieldDefinition {
	const definition = string(staffDisplayNameField, {
		width: 'half',
		note: `Customer portal: the name customers see on this staff member's replies and in their e-mails, instead of the style the portal settings choose. At most ${staffDisplayNameMaxLength} characters, never an e-mail address.`,
	});
	Object.assign(definition.meta ?? {}, {
		options: { trim: true, softLength: staffDisplayNameMaxLength, placeholder: 'Ana from Support' },
		validation: { [staffDisplayNameField]: { _regex: '^[^@]*$' } },
		validation_message: 'A name shown to customers, not an e-mail address.',
	});
	definition.schema = { ...definition.schema, max_length: staffDisplayNameMaxLength };
	return definition;
}

/**
 * Fields the product adds to Directus's own collections: O2M aliases for permission filters that start
 * there, the tree path a customer badge carries (src/badges/ensure-customer-badge.ts), and the name staff
 * are shown to contacts by.
 */
export const systemFields: { collection: string; field: FieldDefinition }[] = [
	{
		collection: 'directus_users',
		field: oneToMany('portal_contacts', { template: contactTemplate, readonly: true, hidden: true }),
	},
	{
		collection: 'directus_files',
		field: oneToMany('ticket_attachments', { template: '{{ticket.subject}}', readonly: true, hidden: true }),
	},
	{
		collection: 'directus_files',
		field: oneToMany('project_attachments', { template: '{{project.name}}', readonly: true, hidden: true }),
	},
	{
		collection: 'directus_policies',
		field: text('portal_tree_path', {
			readonly: true,
			hidden: true,
			note: 'Kept by Customer Portal on customer badges: the tree path of the badge’s customer, which the customer_tree rule reads. Empty on every other policy.',
		}),
	},
	{ collection: 'directus_users', field: staffDisplayNameDefinition() },
];
