/**
 * What the portal needs of a help desk's data, object by object: for each object (customers, contacts,
 * tickets, …) the roles its fields play, what kind of field fits each role, and the name the role has in the
 * bundled help-desk schema. A data map (`DataMap`) names, for one Directus, the collection that plays each
 * object and the field that plays each role; the bundled schema's names are the default map. The validator
 * reads these specs, the compiler reads a map's names, and nothing else names a help desk's fields.
 *
 * Roles owned by the product (`owner: 'product'`) are fields the portal adds and keeps itself (a customer's
 * badge and tree path, a ticket's followers): they are named in the map so an adopted collection can hold
 * them under names of the product's, and are never offered to staff to choose.
 */

/** The objects of the portal's model, in the order the studio shows them. */
export const objectNames = [
	'customers',
	'contacts',
	'locations',
	'tickets',
	'ticket_followers',
	'ticket_priorities',
	'ticket_participants',
	'ticket_replies',
	'ticket_attachments',
	'projects',
	'project_members',
	'project_tasks',
	'project_notes',
	'project_issues',
	'project_charges',
	'project_calendar_items',
	'project_attachments',
	'devices',
	'kb_articles',
	'kb_article_customers',
	'documents',
	'document_customers',
	'invoices',
	'quotes',
] as const;

export type ObjectName = (typeof objectNames)[number];

/** Collections a role may point at that no map moves: Directus's own, and the product's portal groups. */
export type FixedTarget = 'directus_users' | 'directus_files' | 'directus_policies' | 'portal_groups';

export type RoleKind =
	/** The collection's primary key. */
	| { kind: 'key' }
	/** A string or text field. */
	| { kind: 'text' }
	| { kind: 'boolean' }
	| { kind: 'number' }
	/** A date, date-time or timestamp field. */
	| { kind: 'date' }
	/** A list of strings (`csv` or `json`). */
	| { kind: 'list' }
	/** A many-to-one to another object's collection or to a fixed one. */
	| { kind: 'm2o'; to: ObjectName | FixedTarget }
	/**
	 * A one-to-many alias listing another object's rows (`of`), through that object's role `via`; on the
	 * object's collection, or on a fixed one (`on`: the contacts of a Directus user).
	 */
	| { kind: 'o2m'; of: ObjectName; via: string; on?: FixedTarget }
	/** A chain of many-to-one fields (`site.account`) from the object to a row of `to`. */
	| { kind: 'path'; to: ObjectName };

export type RoleSpec = RoleKind & {
	/** The field's name in the bundled help-desk schema. */
	bundled: string;
	/** A role left unmapped (null) takes no part: its field is neither read nor written. */
	optional?: boolean;
	/** A field the portal adds and keeps; never chosen by staff. */
	owner?: 'product';
};

export interface ObjectSpec {
	/** The collection's name in the bundled help-desk schema. */
	bundled: string;
	/** Words for staff. */
	label: string;
	/** An object that is required for the portal to exist at all (customers, contacts); others may stay unmapped. */
	required?: boolean;
	/** An object that exists only when this one is mapped (a ticket's replies need tickets). */
	within?: ObjectName;
	roles: Record<string, RoleSpec>;
	/** Portal states stored in a role's field: by role, for each state the values that mean it, the first written. */
	states?: Record<string, Record<string, readonly string[]>>;
}

const key = { kind: 'key', bundled: 'id' } as const;
const text = (bundled: string, optional = false) => ({ kind: 'text', bundled, optional }) as const;
const flag = (bundled: string, optional = false) => ({ kind: 'boolean', bundled, optional }) as const;
const number = (bundled: string, optional = false) => ({ kind: 'number', bundled, optional }) as const;
const date = (bundled: string, optional = false) => ({ kind: 'date', bundled, optional }) as const;
const m2o = (bundled: string, to: ObjectName | FixedTarget, optional = false) =>
	({ kind: 'm2o', bundled, to, optional }) as const;
const o2m = (bundled: string, of: ObjectName, via: string, optional = true) =>
	({ kind: 'o2m', bundled, of, via, optional }) as const;
const toCustomer = { kind: 'path', bundled: 'customer', to: 'customers' } as const;

/**
 * Knowledge-base articles and documents, alike: published ones are read by everyone (`audience` all) or by the
 * customers their `audience` junction lists (selected).
 */
function publishedTexts<Junction extends ObjectName, Via extends string>(
	bundled: string,
	label: string,
	junction: Junction,
	via: Via,
) {
	return {
		bundled,
		label,
		roles: {
			id: key,
			title: text('title'),
			body: text('body'),
			status: text('status'),
			audience: text('audience'),
			customers: o2m('customers', junction, via, false),
			date_created: date('date_created', true),
			date_updated: date('date_updated', true),
		},
		states: {
			status: { published: ['published'] },
			audience: { all: ['all'], selected: ['selected'] },
		},
	} as const;
}

export const objectSpecs = {
	customers: {
		bundled: 'customers',
		label: 'Customers',
		required: true,
		roles: {
			id: key,
			name: text('name'),
			parent: m2o('parent', 'customers', true),
			status: text('status', true),
			visible_to_parent: flag('visible_to_parent', true),
			email_domains: { kind: 'list', bundled: 'email_domains', optional: true },
			children: o2m('children', 'customers', 'parent'),
			contacts: o2m('contacts', 'contacts', 'customer'),
			locations: o2m('locations', 'locations', 'customer'),
			tickets: o2m('tickets', 'tickets', 'customer'),
			projects: o2m('projects', 'projects', 'customer'),
			devices: o2m('devices', 'devices', 'customer'),
			invoices: o2m('invoices', 'invoices', 'customer'),
			quotes: o2m('quotes', 'quotes', 'customer'),
			badge: { ...m2o('portal_badge', 'directus_policies'), owner: 'product' },
			tree_path: { ...text('tree_path'), owner: 'product' },
		},
	},
	contacts: {
		bundled: 'contacts',
		label: 'Contacts',
		required: true,
		roles: {
			id: key,
			first_name: text('first_name', true),
			last_name: text('last_name'),
			email: text('email'),
			phone: text('phone', true),
			customer: m2o('customer', 'customers'),
			location: m2o('location', 'locations', true),
			status: text('status', true),
			user: m2o('user', 'directus_users'),
			portal_group: { ...m2o('portal_group', 'portal_groups', true), owner: 'product' },
			// What rules read a signed-in user's contact through (`$CURRENT_USER.portal_contacts.customer`).
			user_contacts: {
				kind: 'o2m',
				bundled: 'portal_contacts',
				of: 'contacts',
				via: 'user',
				on: 'directus_users',
				owner: 'product',
			},
			login_suspended: { ...flag('login_suspended'), owner: 'product' },
		},
	},
	locations: {
		bundled: 'locations',
		label: 'Locations',
		roles: {
			id: key,
			name: text('name'),
			customer: m2o('customer', 'customers'),
			contacts: o2m('contacts', 'contacts', 'location'),
		},
	},
	tickets: {
		bundled: 'tickets',
		label: 'Tickets',
		roles: {
			id: key,
			subject: text('subject'),
			description: text('description', true),
			status: text('status'),
			customer: toCustomer,
			requester: m2o('contact', 'contacts'),
			/** The staff user working on it: told when its contact writes (else the Portal staff are). */
			assignee: m2o('assignee', 'directus_users', true),
			priority: m2o('priority', 'ticket_priorities', true),
			date_created: date('date_created', true),
			date_updated: date('date_updated', true),
			participants: o2m('participants', 'ticket_participants', 'ticket'),
			replies: o2m('comments', 'ticket_replies', 'ticket'),
			attachments: o2m('attachments', 'ticket_attachments', 'ticket'),
			followers: { kind: 'o2m', bundled: 'followers', of: 'ticket_followers', via: 'ticket', owner: 'product' },
			customer_path: { ...text('customer_path'), owner: 'product' },
		},
		states: {
			status: { new: ['new'], open: ['open'], pending: ['pending'], resolved: ['resolved'], closed: ['closed'] },
		},
	},
	ticket_followers: {
		bundled: 'ticket_followers',
		label: 'Ticket followers (kept by the portal)',
		within: 'tickets',
		roles: {
			id: key,
			ticket: { ...m2o('ticket', 'tickets'), owner: 'product' },
			contact: { ...m2o('contact', 'contacts'), owner: 'product' },
			participant: { ...m2o('participant', 'ticket_participants', true), owner: 'product' },
		},
	},
	ticket_priorities: {
		bundled: 'ticket_priorities',
		label: 'Ticket priorities',
		within: 'tickets',
		roles: {
			id: key,
			name: text('name'),
			sort: number('sort', true),
			color: text('color', true),
			is_default: flag('is_default', true),
		},
	},
	ticket_participants: {
		bundled: 'ticket_participants',
		label: 'Ticket participants',
		within: 'tickets',
		roles: {
			id: key,
			ticket: m2o('ticket', 'tickets'),
			contact: m2o('contact', 'contacts'),
			kind: text('kind', true),
		},
	},
	ticket_replies: {
		bundled: 'ticket_comments',
		label: 'Ticket replies',
		within: 'tickets',
		roles: {
			id: key,
			ticket: m2o('ticket', 'tickets'),
			body: text('body'),
			internal: flag('is_internal'),
			author_contact: m2o('author_contact', 'contacts'),
			author_user: m2o('author_user', 'directus_users', true),
			date_created: date('date_created', true),
		},
	},
	ticket_attachments: {
		bundled: 'ticket_attachments',
		label: 'Ticket attachments',
		within: 'tickets',
		roles: {
			id: key,
			ticket: m2o('ticket', 'tickets'),
			file: m2o('file', 'directus_files'),
			public: flag('is_public'),
			date_created: date('date_created', true),
		},
	},
	projects: {
		bundled: 'projects',
		label: 'Projects',
		roles: {
			id: key,
			name: text('name'),
			description: text('description', true),
			status: text('status', true),
			start_date: date('start_date', true),
			end_date: date('end_date', true),
			estimated_hours: number('estimated_hours', true),
			customer: toCustomer,
			date_created: date('date_created', true),
			date_updated: date('date_updated', true),
			members: o2m('members', 'project_members', 'project', false),
			tasks: o2m('tasks', 'project_tasks', 'project'),
			notes: o2m('notes', 'project_notes', 'project'),
			issues: o2m('issues', 'project_issues', 'project'),
			charges: o2m('charges', 'project_charges', 'project'),
			calendar_items: o2m('calendar_items', 'project_calendar_items', 'project'),
			attachments: o2m('attachments', 'project_attachments', 'project'),
		},
	},
	project_members: {
		bundled: 'project_members',
		label: 'Project members',
		within: 'projects',
		roles: { id: key, project: m2o('project', 'projects'), contact: m2o('contact', 'contacts') },
	},
	project_tasks: {
		bundled: 'project_tasks',
		label: 'Project tasks',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			name: text('name'),
			status: text('status', true),
			start_date: date('start_date', true),
			due_date: date('due_date', true),
			sort: number('sort', true),
			estimated_hours: number('estimated_hours', true),
		},
	},
	project_notes: {
		bundled: 'project_notes',
		label: 'Project notes',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			body: text('body'),
			internal: flag('is_internal'),
			author_contact: m2o('author_contact', 'contacts'),
			author_user: m2o('author_user', 'directus_users', true),
			date_created: date('date_created', true),
		},
	},
	project_issues: {
		bundled: 'project_issues',
		label: 'Project issues',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			title: text('title'),
			description: text('description', true),
			status: text('status', true),
			reported_by_contact: m2o('reported_by_contact', 'contacts'),
			date_created: date('date_created', true),
		},
	},
	project_charges: {
		bundled: 'project_charges',
		label: 'Project charges',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			description: text('description'),
			quantity: number('quantity', true),
			unit_price: number('unit_price', true),
			amount: number('amount'),
			charged_on: date('charged_on', true),
		},
	},
	project_calendar_items: {
		bundled: 'project_calendar_items',
		label: 'Project calendar',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			title: text('title'),
			starts_at: date('starts_at'),
			ends_at: date('ends_at', true),
			place: text('place', true),
		},
	},
	project_attachments: {
		bundled: 'project_attachments',
		label: 'Project attachments',
		within: 'projects',
		roles: {
			id: key,
			project: m2o('project', 'projects'),
			file: m2o('file', 'directus_files'),
			public: flag('is_public'),
			date_created: date('date_created', true),
		},
	},
	devices: {
		bundled: 'devices',
		label: 'Devices',
		roles: {
			id: key,
			name: text('name'),
			type: text('type', true),
			serial: text('serial', true),
			customer: toCustomer,
			location: m2o('location', 'locations', true),
			created_by_contact: m2o('created_by_contact', 'contacts'),
			date_created: date('date_created', true),
			date_updated: date('date_updated', true),
			manufacturer: text('manufacturer', true),
			model: text('model', true),
			ip_address: text('ip_address', true),
			warranty_expires: date('warranty_expires', true),
			notes: text('notes', true),
		},
	},
	kb_articles: publishedTexts('kb_articles', 'Knowledge base', 'kb_article_customers', 'article'),
	kb_article_customers: {
		bundled: 'kb_article_customers',
		label: 'Knowledge base: selected customers',
		within: 'kb_articles',
		roles: { id: key, article: m2o('article', 'kb_articles'), customer: m2o('customer', 'customers') },
	},
	documents: publishedTexts('documents', 'Documents', 'document_customers', 'document'),
	document_customers: {
		bundled: 'document_customers',
		label: 'Documents: selected customers',
		within: 'documents',
		roles: { id: key, document: m2o('document', 'documents'), customer: m2o('customer', 'customers') },
	},
	invoices: {
		bundled: 'invoices',
		label: 'Invoices',
		roles: {
			id: key,
			number: text('number'),
			status: text('status', true),
			total: number('total'),
			issued_on: date('issued_on', true),
			due_date: date('due_date', true),
			customer: toCustomer,
			date_created: date('date_created', true),
		},
	},
	quotes: {
		bundled: 'quotes',
		label: 'Quotes',
		roles: {
			id: key,
			title: text('title'),
			description: text('description', true),
			total: number('total'),
			status: text('status'),
			valid_until: date('valid_until', true),
			decided_at: date('decided_at'),
			decided_by: m2o('decided_by', 'contacts'),
			customer: toCustomer,
			date_created: date('date_created', true),
		},
		states: { status: { pending: ['pending'], approved: ['approved'], declined: ['declined'] } },
	},
} as const satisfies Record<ObjectName, ObjectSpec>;

export type RoleName<O extends ObjectName> = keyof (typeof objectSpecs)[O]['roles'] & string;
