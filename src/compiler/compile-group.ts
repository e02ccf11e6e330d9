/**
 * Compiles a portal group's capabilities into Directus permission rows for the group's policy.
 * Deterministic: the same permissions and settings give the same rows, in the same order, every time.
 * Each row says which capabilities it comes from, so a row nothing explains can be spotted.
 *
 * What Directus enforces with these rows, and what it cannot: item filters hold for reads, updates and
 * deletes on every path (REST, GraphQL, relational expansion, aggregates, /assets). Create rows have no
 * item filter in Directus, only validation of the payload, so creates that must point at something the
 * contact can see (a reply on a ticket) are also checked by the product's hooks; see
 * `extensions/hooks/portal/portal-writes.ts`.
 */
import type { CapabilityKey, GroupPermissions } from '../catalogue/capabilities.ts';
import {
	customersInScope,
	isAtMyLocation,
	isByMe,
	isMyContact,
	isOfMyCustomer,
	myContactIds,
	myCustomerIds,
	ofCustomersInScope,
	projectsInScope,
	ticketRowsInScope,
	ticketsInScope,
	type CompileSettings,
	type Filter,
} from './filters.ts';
import { attachmentAliases, findSystemPermission, ownUserRow, type SystemPermission } from '../access/system-permissions.ts';
import { boundWritesByReads } from './bound-writes-by-reads.ts';

export type PermissionAction = 'create' | 'read' | 'update' | 'delete';

export interface CompiledPermission {
	collection: string;
	action: PermissionAction;
	fields: string[];
	permissions: Filter | null;
	validation: Filter | null;
	presets: Record<string, unknown> | null;
	/** The capabilities this row exists for; empty for what every portal user needs (their own records). */
	capabilities: CapabilityKey[];
}

function row(
	collection: string,
	action: PermissionAction,
	fields: string[],
	capabilities: CapabilityKey[],
	{ permissions = null, validation = null, presets = null }: { permissions?: Filter | null; validation?: Filter | null; presets?: Record<string, unknown> | null } = {},
): CompiledPermission {
	return { collection, action, fields, permissions, validation, presets, capabilities };
}

/** A row on a Directus system collection, from the allowlist in `src/access/system-permissions.ts` only. */
function systemRow(collection: string, action: PermissionAction, capabilities: CapabilityKey[], pick: (allowed: SystemPermission) => { fields?: string[]; permissions: Filter }): CompiledPermission {
	const allowed = findSystemPermission(collection, action);
	if (!allowed) throw new Error(`${action} on ${collection} is not in the portal's system-permission allowlist.`);
	const { fields = [...allowed.fields], permissions } = pick(allowed);
	return row(collection, action, fields, capabilities, { permissions });
}

const allOf = (...filters: Filter[]): Filter => (filters.length === 1 ? (filters[0] as Filter) : { _and: filters });
const anyOf = (...filters: Filter[]): Filter => (filters.length === 1 ? (filters[0] as Filter) : { _or: filters });

/**
 * Compiles normalized permissions (see `normalizeGroupPermissions`); a group that grants nothing compiles to no rows.
 * Every update row is bounded by its collection's read row (`boundWritesByReads`): what a contact may change,
 * they may see.
 */
export function compileGroup(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	return boundWritesByReads(compileRows(permissions, settings));
}

function compileRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const rows: CompiledPermission[] = [];
	const grantsAnything = Object.values(permissions).some((value) => value !== 'none' && value !== false && !(Array.isArray(value) && value.length === 0));
	if (!grantsAnything) return rows;

	// Who they are: their own user row, contact, customer, and the people and sites the portal names.
	const treeWide = permissions['tickets.view'] === 'customer_tree' || permissions['projects.view'] === 'customer_tree';
	const peopleScope = treeWide ? 'customer_tree' : 'customer';
	const readableCustomers = customersInScope(peopleScope, settings) as Filter;
	rows.push(systemRow('directus_users', 'read', [], () => ({ permissions: ownUserRow })));
	// O2M aliases are listed too: Directus's GraphQL keeps a relation only when its alias on the other
	// side is readable, and the rows behind an alias stay filtered by their own collection's rule.
	const customerAliases = [
		['tickets', permissions['tickets.view'] !== 'none'],
		['projects', permissions['projects.view'] !== 'none'],
		['devices', permissions['devices.scope'] !== 'none'],
		['invoices', permissions['invoices.view']],
		['quotes', permissions['quotes.decide']],
	] as const;
	const customerFields = ['id', 'name', 'parent', 'status', 'children', 'contacts', 'locations', ...customerAliases.filter(([, granted]) => granted).map(([alias]) => alias)];
	rows.push(row('customers', 'read', customerFields, [], { permissions: readableCustomers }));
	const ofReadableCustomers = ofCustomersInScope(peopleScope, settings) as Filter;
	rows.push(row('contacts', 'read', ['id', 'first_name', 'last_name', 'email', 'phone', 'customer', 'location'], [], { permissions: ofReadableCustomers }));
	rows.push(row('locations', 'read', ['id', 'name', 'customer', 'contacts'], [], { permissions: ofReadableCustomers }));

	if (permissions['profile.edit']) {
		rows.push(row('contacts', 'update', ['first_name', 'last_name', 'phone'], ['profile.edit'], { permissions: isMyContact }));
		rows.push(systemRow('directus_users', 'update', ['profile.edit'], () => ({ permissions: ownUserRow })));
	}

	rows.push(...compileTickets(permissions, settings));
	rows.push(...compileProjects(permissions, settings));
	rows.push(...compileFiles(permissions, settings));
	rows.push(...compileDevices(permissions));

	const published: Filter = {
		_and: [{ status: { _eq: 'published' } }, { _or: [{ audience: { _eq: 'all' } }, { customers: isOfMyCustomer() }] }],
	};
	const articleFields = ['id', 'title', 'body', 'audience', 'date_created', 'date_updated'];
	if (permissions['kb.view']) rows.push(row('kb_articles', 'read', articleFields, ['kb.view'], { permissions: published }));
	if (permissions['docs.view']) rows.push(row('documents', 'read', articleFields, ['docs.view'], { permissions: published }));

	if (permissions['invoices.view']) {
		rows.push(row('invoices', 'read', ['id', 'number', 'status', 'total', 'issued_on', 'due_date', 'customer', 'date_created'], ['invoices.view'], { permissions: isOfMyCustomer() }));
	}
	if (permissions['quotes.decide']) {
		const quoteFields = ['id', 'title', 'description', 'total', 'status', 'valid_until', 'decided_at', 'decided_by', 'customer', 'date_created'];
		rows.push(row('quotes', 'read', quoteFields, ['quotes.decide'], { permissions: isOfMyCustomer() }));
		rows.push(
			row('quotes', 'update', ['status', 'decided_by', 'decided_at'], ['quotes.decide'], {
				permissions: { _and: [isOfMyCustomer(), { status: { _eq: 'pending' } }] },
				// A decision comes whole: the status, and who decided when (pinned to the contact and now by the product's
				// hook), never the fields of a decision without one. Directus tests a rule only on fields a payload holds,
				// so each is required outright (`_submitted`; one operator per entry, the only one Directus reads).
				validation: {
					_and: [
						{ status: { _submitted: true } },
						{ status: { _in: ['approved', 'declined'] } },
						{ decided_by: { _submitted: true } },
						{ decided_by: { _in: myContactIds } },
						{ decided_at: { _submitted: true } },
						{ decided_at: { _nnull: true } },
					],
				},
			}),
		);
	}
	return rows;
}

function compileTickets(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const rows: CompiledPermission[] = [];
	const visible = ticketsInScope(permissions['tickets.view'], settings);
	const visibleRows = ticketRowsInScope(permissions['tickets.view'], settings);
	const seesPriority = permissions['tickets.view_priority'];
	const setsPriority = permissions['tickets.set_priority'];
	const publicAttachments = permissions['tickets.attachments'] === 'public';

	if (visible) {
		const fields = ['id', 'status', 'subject', 'description', 'customer', 'contact', 'date_created', 'date_updated', 'participants', 'comments'];
		if (seesPriority) fields.push('priority');
		if (publicAttachments) fields.push('attachments');
		const because: CapabilityKey[] = seesPriority ? ['tickets.view', 'tickets.view_priority'] : ['tickets.view'];
		rows.push(row('tickets', 'read', fields, because, { permissions: visibleRows }));
		rows.push(row('ticket_participants', 'read', ['id', 'ticket', 'contact', 'kind'], ['tickets.view'], { permissions: { ticket: visible } }));
		rows.push(
			row('ticket_comments', 'read', ['id', 'ticket', 'body', 'is_internal', 'author_contact', 'author_user', 'date_created'], ['tickets.view'], {
				permissions: { _and: [{ is_internal: { _eq: false } }, { ticket: visible }] },
			}),
		);
		if (publicAttachments) {
			rows.push(
				row('ticket_attachments', 'read', ['id', 'ticket', 'file', 'is_public', 'date_created'], ['tickets.attachments'], {
					permissions: { _and: [{ is_public: { _eq: true } }, { ticket: visible }] },
				}),
			);
		}
	}
	if (seesPriority || setsPriority) {
		rows.push(row('ticket_priorities', 'read', ['id', 'name', 'sort', 'color', 'is_default'], seesPriority ? ['tickets.view_priority'] : ['tickets.set_priority']));
	}

	if (permissions['tickets.create']) {
		rows.push(
			row('tickets', 'create', setsPriority ? ['subject', 'description', 'customer', 'contact', 'priority'] : ['subject', 'description', 'customer', 'contact'], setsPriority ? ['tickets.create', 'tickets.set_priority'] : ['tickets.create'], {
				validation: { _and: [{ customer: { _in: myCustomerIds } }, { contact: { _in: myContactIds } }] },
			}),
		);
	}

	const editable = ticketRowsInScope(permissions['tickets.edit'], settings);
	if (editable) {
		rows.push(
			row('tickets', 'update', setsPriority ? ['subject', 'description', 'status', 'priority'] : ['subject', 'description', 'status'], setsPriority ? ['tickets.edit', 'tickets.set_priority'] : ['tickets.edit'], {
				permissions: editable,
				validation: { status: { _in: ['new', 'open', 'pending', 'resolved', 'closed'] } },
			}),
		);
	}

	if (permissions['tickets.reply']) {
		rows.push(
			row('ticket_comments', 'create', ['ticket', 'body', 'is_internal', 'author_contact'], ['tickets.reply'], {
				validation: { _and: [{ is_internal: { _eq: false } }, { author_contact: { _in: myContactIds } }] },
			}),
		);
	}
	return rows;
}

function compileProjects(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const visible = projectsInScope(permissions['projects.view'], settings);
	if (!visible) return [];
	const rows: CompiledPermission[] = [];
	const ofVisibleProject = { project: visible };
	const hours = permissions['projects.estimated_hours'];
	const fields = ['id', 'name', 'description', 'status', 'start_date', 'end_date', 'customer', 'date_created', 'date_updated', 'members'];
	const subCollections: [CapabilityKey, string, string, string[], Filter | null][] = [
		['projects.schedule', 'tasks', 'project_tasks', ['id', 'project', 'name', 'status', 'start_date', 'due_date', 'sort', ...(hours ? ['estimated_hours'] : [])], null],
		['projects.notes', 'notes', 'project_notes', ['id', 'project', 'body', 'is_internal', 'author_contact', 'author_user', 'date_created'], { is_internal: { _eq: false } }],
		['projects.issues', 'issues', 'project_issues', ['id', 'project', 'title', 'description', 'status', 'reported_by_contact', 'date_created'], null],
		['projects.charges', 'charges', 'project_charges', ['id', 'project', 'description', 'quantity', 'unit_price', 'amount', 'charged_on'], null],
		['projects.calendar', 'calendar_items', 'project_calendar_items', ['id', 'project', 'title', 'starts_at', 'ends_at', 'place'], null],
		['projects.attachments', 'attachments', 'project_attachments', ['id', 'project', 'file', 'is_public', 'date_created'], { is_public: { _eq: true } }],
	];
	for (const [capability, alias, collection, childFields, condition] of subCollections) {
		if (!permissions[capability]) continue;
		fields.push(alias);
		rows.push(row(collection, 'read', childFields, [capability], { permissions: condition ? allOf(condition, ofVisibleProject) : ofVisibleProject }));
	}
	if (hours) fields.push('estimated_hours');
	rows.unshift(
		row('projects', 'read', fields, hours ? ['projects.view', 'projects.estimated_hours'] : ['projects.view'], { permissions: visible }),
		row('project_members', 'read', ['id', 'project', 'contact'], ['projects.view'], { permissions: ofVisibleProject }),
	);
	if (permissions['projects.notes']) {
		rows.push(
			row('project_notes', 'create', ['project', 'body', 'is_internal', 'author_contact'], ['projects.notes'], {
				validation: { _and: [{ is_internal: { _eq: false } }, { author_contact: { _in: myContactIds } }] },
			}),
		);
	}
	if (permissions['projects.issues']) {
		rows.push(
			row('project_issues', 'create', ['project', 'title', 'description', 'reported_by_contact'], ['projects.issues'], {
				validation: { reported_by_contact: { _in: myContactIds } },
			}),
		);
	}
	return rows;
}

/** Files are readable only through an attachment row the contact may read. */
function compileFiles(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
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
	const aliases: string[] = because.map((capability) => (capability === 'tickets.attachments' ? 'ticket_attachments' : 'project_attachments'));
	const granted = (field: string) => !(attachmentAliases as readonly string[]).includes(field) || aliases.includes(field);
	return [systemRow('directus_files', 'read', because, (allowed) => ({ fields: allowed.fields.filter(granted), permissions: anyOf(...through) }))];
}

function compileDevices(permissions: GroupPermissions): CompiledPermission[] {
	const access = permissions['devices.access'];
	const scope = permissions['devices.scope'];
	const rows: CompiledPermission[] = [];
	// Registering a device needs edit access only; seeing devices (and so editing them) needs a scope too.
	if (access === 'edit') {
		rows.push(
			row('devices', 'create', ['name', 'type', 'serial', 'location', 'customer', 'created_by_contact'], ['devices.access'], {
				validation: { _and: [{ customer: { _in: myCustomerIds } }, { created_by_contact: { _in: myContactIds } }] },
			}),
		);
	}
	if (access === 'none' || scope === 'none') return rows;
	const mine: Filter[] = [isByMe('created_by_contact'), isAtMyLocation];
	if (scope === 'created_location_or_unlocated') mine.push({ location: { _null: true } });
	const visible = scope === 'all' ? isOfMyCustomer() : allOf(isOfMyCustomer(), anyOf(...mine));
	const fields = ['id', 'name', 'type', 'serial', 'customer', 'location', 'created_by_contact', 'date_created', 'date_updated', ...permissions['devices.extra_fields']];
	const because: CapabilityKey[] = permissions['devices.extra_fields'].length > 0 ? ['devices.access', 'devices.scope', 'devices.extra_fields'] : ['devices.access', 'devices.scope'];
	rows.unshift(row('devices', 'read', fields, because, { permissions: visible }));
	if (access === 'edit') rows.push(row('devices', 'update', ['name', 'type', 'serial', 'location'], ['devices.access'], { permissions: visible }));
	return rows;
}
