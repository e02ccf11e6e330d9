/**
 * Creates a generated world in the Directus under test through REST as the admin, the way staff would:
 * batch POSTs per collection, then one Directus user per contact with a login, linked by
 * `PATCH /items/contacts/<id> { user, portal_group }` (the product then puts the user under its portal
 * role with the group's policy). Returns the world again with Directus's ids, and with what only the
 * Directus under test knows: the system groups' permissions, the settings, and the rows of every world
 * a contact may see (priorities, articles, documents), since one Directus serves all test files.
 */
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually.ts';
import { inPool } from './in-pool.ts';
import { objectOfBundled } from '../../src/data-map/to-stored-request.ts';
import type { OracleHttp } from './oracle-http.ts';
import type {
	ArticleCustomerRow,
	ArticleRow,
	ContactRow,
	DocumentCustomerRow,
	GroupRow,
	Id,
	PriorityRow,
	World,
	WorldCollection,
} from './world.ts';

/** For each collection, its foreign keys and the world collection they point at. */
const references: Partial<Record<WorldCollection, Record<string, WorldCollection>>> = {
	customers: { parent: 'customers' },
	locations: { customer: 'customers' },
	contacts: { customer: 'customers', location: 'locations', portal_group: 'portal_groups' },
	tickets: { customer: 'customers', contact: 'contacts', priority: 'ticket_priorities', assignee: 'staff' },
	ticket_participants: { ticket: 'tickets', contact: 'contacts' },
	ticket_comments: { ticket: 'tickets', author_contact: 'contacts', author_user: 'staff' },
	ticket_attachments: { ticket: 'tickets', file: 'directus_files' },
	projects: { customer: 'customers' },
	project_members: { project: 'projects', contact: 'contacts' },
	project_tasks: { project: 'projects' },
	project_notes: { project: 'projects', author_contact: 'contacts', author_user: 'staff' },
	project_issues: { project: 'projects', reported_by_contact: 'contacts' },
	project_charges: { project: 'projects' },
	project_calendar_items: { project: 'projects' },
	project_attachments: { project: 'projects', file: 'directus_files' },
	devices: { customer: 'customers', location: 'locations', created_by_contact: 'contacts' },
	kb_article_customers: { article: 'kb_articles', customer: 'customers' },
	document_customers: { document: 'documents', customer: 'customers' },
	invoices: { customer: 'customers' },
	quotes: { customer: 'customers', decided_by: 'contacts' },
};

/** Plain item collections inserted with one batch POST each, in an order that satisfies their references. */
const batchOrder = [
	'ticket_priorities',
	'locations',
	'contacts',
	'tickets',
	'ticket_participants',
	'ticket_comments',
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
] as const satisfies readonly WorldCollection[];

/** Fields of a world row that are bookkeeping, not Directus fields. */
const notStored: Partial<Record<WorldCollection, string[]>> = {
	contacts: ['login', 'user'],
	directus_files: ['content'],
};

/** How a contact with a login signs in: every one has a static token; some also a password. */
export interface Login {
	email: string;
	token: string;
	/** Whether the user has the world's password (hashing one costs Directus about 0.2 s, so only a sample does). */
	password: boolean;
}

export interface SeedOptions {
	/** Which contacts with a login also get a password for POST /auth/login. */
	passwordFor?: (contact: ContactRow) => boolean;
	/** How many contacts are linked to their users at the same time (staff working in parallel). */
	linkConcurrency?: number;
	log?: (line: string) => void;
}

export interface SeededWorld {
	/** The generated world, with local ids. */
	local: World;
	/** The world as the reference model sees it: Directus's ids, stored permissions and settings, shared rows. */
	world: World;
	/** Directus's id of a local row. */
	real(collection: WorldCollection, local: Id): Id;
	/** The local id of a row Directus created for the world (what a replay keys its randomness on). */
	localOf(collection: WorldCollection, real: Id): Id | undefined;
	admin: { userId: string; roleId: string | null; policyId: string | null };
	/** Logins by Directus contact id. */
	logins: Map<string, Login>;
	/** Contacts whose link the product never completed (reported in `problems`): not judged further. */
	unlinked: Set<string>;
	/** What the product refused or did differently while seeding: reported as differences. */
	problems: string[];
	seconds: number;
}

type Row = Record<string, unknown> & { id: Id };

/**
 * A uuid that is a function of the world's seed, the collection and a row's local id, so a replay keys its rows
 * alike, and no two collections share a key (a rule comparing a contact's key with a customer's must not match
 * by chance).
 */
function uuidOf(seed: number, collection: WorldCollection, local: Id): string {
	const hex = (value: number, length: number) => (value >>> 0).toString(16).padStart(length, '0').slice(-length);
	const code = [...collection].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 0x10000, 7);
	return `${hex(seed, 8)}-${hex(code, 4)}-4000-8000-${hex(Number(local), 12)}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
	const result: T[][] = [];
	for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
	return result;
}

export async function seedWorld(
	http: OracleHttp,
	local: World,
	{ passwordFor = () => true, linkConcurrency = 4, log = () => undefined }: SeedOptions = {},
): Promise<SeededWorld> {
	const started = Date.now();
	const problems: string[] = [];
	const ids = new Map<string, Id>();
	/** Directus user of each contact with a login, by local contact id. */
	const users = new Map<string, string>();
	const mapKey = (collection: WorldCollection, id: Id): string => `${collection}:${String(id)}`;
	const real = (collection: WorldCollection, id: Id): Id => {
		const found = ids.get(mapKey(collection, id));
		if (found === undefined)
			throw new Error(`World ${local.tag} (seed ${local.seed}): no Directus id for ${collection} ${String(id)}.`);
		return found;
	};
	const payloadOf = (collection: WorldCollection, row: Row): Record<string, unknown> => {
		const payload: Record<string, unknown> = {};
		const foreign = references[collection] ?? {};
		for (const [field, value] of Object.entries(row)) {
			if (field === 'id' || notStored[collection]?.includes(field)) continue;
			const target = foreign[field];
			payload[field] = target && value !== null ? real(target, value as Id) : value;
		}
		return payload;
	};
	/**
	 * One batch POST; Directus creates in order, so ascending new ids line up with the rows. Rows keyed by uuids
	 * (on a data map) are given their keys: those do not ascend.
	 */
	const insert = async (
		collection: WorldCollection,
		rows: Row[],
		payloads = rows.map((row) => payloadOf(collection, row)),
	): Promise<void> => {
		if (await keyedByUuid(collection)) {
			const keyed = payloads.map((payload, index) => ({
				...payload,
				id: uuidOf(local.seed, collection, (rows[index] as Row).id),
			}));
			for (const part of chunks(keyed, 400)) await http.admin('POST', `/items/${collection}?fields=id&limit=-1`, part);
			rows.forEach((row, index) => ids.set(mapKey(collection, row.id), (keyed[index] as { id: string }).id));
			return;
		}
		for (const [index, part] of chunks(payloads, 400).entries()) {
			const created = await http.admin<{ id: Id }[]>('POST', `/items/${collection}?fields=id&sort=id&limit=-1`, part);
			if (created.length !== part.length)
				throw new Error(
					`World ${local.tag} (seed ${local.seed}): POST /items/${collection} created ${created.length} of ${part.length} rows.`,
				);
			created.forEach((row, offset) => ids.set(mapKey(collection, (rows[index * 400 + offset] as Row).id), row.id));
		}
	};

	const uuidKeyed = new Map<string, boolean>();
	/** Whether the collection the map gives the oracle's `collection` is keyed by uuids (Directus generates them). */
	const keyedByUuid = async (collection: WorldCollection): Promise<boolean> => {
		const object = objectOfBundled(collection);
		const mapped = http.map && object ? http.map[object] : null;
		if (!mapped) return false;
		if (!uuidKeyed.has(collection)) {
			const key = (mapped.fields as Record<string, string | null>)['id'] ?? 'id';
			const field = await http.admin<{ type: string }>('GET', `/fields/${mapped.collection}/${key}`);
			uuidKeyed.set(collection, field.type === 'uuid');
		}
		return uuidKeyed.get(collection) === true;
	};

	const adminUser = await http.admin<{ id: string; role: string | null }>('GET', '/users/me?fields=id,role');
	const adminPolicies = await http.admin<{ id: string }[]>(
		'GET',
		'/policies?filter[admin_access][_eq]=true&fields=id&limit=1',
	);

	// Settings first: the product may compile parent visibility into what it builds next.
	await http.admin('PATCH', '/items/portal_settings', { parent_visibility: local.settings.parent_visibility });

	const staff = await http.admin<{ id: string; email: string }[]>(
		'POST',
		'/users?fields=id,email',
		local.staff.map(({ email, first_name, last_name }) => ({ email, first_name, last_name, status: 'active' })),
	);
	for (const row of local.staff)
		ids.set(mapKey('staff', row.id), (staff.find((user) => user.email === row.email) as { id: string }).id);

	const storedGroups = await http.admin<GroupRow[]>(
		'GET',
		'/items/portal_groups?fields=id,name,is_system,assignable_by_client,permissions&limit=-1',
	);
	for (const group of local.portal_groups.filter((row) => row.is_system)) {
		const stored = storedGroups.find((row) => row.name === group.name);
		if (!stored)
			throw new Error(
				`The Directus under test has no system portal group "${group.name}": is the product's portal hook loaded?`,
			);
		ids.set(mapKey('portal_groups', group.id), stored.id);
	}
	for (const group of local.portal_groups.filter((row) => !row.is_system)) {
		const payload = {
			name: group.name,
			permissions: group.permissions,
			assignable_by_client: group.assignable_by_client,
		};
		const answer = await http.call('POST', '/items/portal_groups?fields=id', { body: payload });
		if (answer.status >= 300)
			throw new Error(
				`World ${local.tag} (seed ${local.seed}): POST /items/portal_groups ${JSON.stringify(group.permissions)} answered ${answer.status}: ${answer.text.slice(0, 400)}`,
			);
		ids.set(mapKey('portal_groups', group.id), (answer.json as { data: { id: Id } }).data.id);
	}

	// Customers level by level, parents first.
	let level = local.customers.filter((row) => row.parent === null);
	while (level.length > 0) {
		await insert('customers', level as unknown as Row[]);
		const done = new Set(level.map((row) => row.id));
		level = local.customers.filter((row) => row.parent !== null && done.has(row.parent));
	}

	// Files: multipart, 20 at a time; each title is unique, which maps them back.
	for (const part of chunks(local.directus_files, 20)) {
		const form = new FormData();
		for (const file of part) {
			form.append('title', file.title);
			form.append('file', new Blob([file.content], { type: 'text/plain' }), file.filename_download);
		}
		const uploaded = await http.admin<{ id: string; title: string }[] | { id: string; title: string }>(
			'POST',
			'/files?fields=id,title',
			undefined,
			form,
		);
		for (const row of Array.isArray(uploaded) ? uploaded : [uploaded]) {
			const file = part.find((candidate) => candidate.title === row.title);
			if (file) ids.set(mapKey('directus_files', file.id), row.id);
		}
	}

	for (const collection of batchOrder) {
		const rows = local[collection] as unknown as Row[];
		if (rows.length === 0) continue;
		if (collection === 'contacts') {
			// Contacts with a login get their group together with their user below, as the contract says.
			await insert(
				collection,
				rows,
				rows.map((row) => ({ ...payloadOf(collection, row), ...(row['login'] ? { portal_group: null } : {}) })),
			);
		} else await insert(collection, rows);
	}

	// One Directus user per contact with a login, then the link that makes them a portal user.
	const withLogin = local.contacts.filter((contact) => contact.login);
	const logins = new Map<string, Login>();
	for (const part of chunks(withLogin, 40)) {
		const payloads = part.map((contact) => {
			const login: Login = {
				email: contact.email,
				token: `${local.tag}-${String(contact.id)}-${randomBytes(12).toString('hex')}`,
				password: passwordFor(contact),
			};
			logins.set(String(real('contacts', contact.id)), login);
			return {
				email: contact.email,
				token: login.token,
				status: 'active',
				...(login.password ? { password: local.password } : {}),
			};
		});
		const created = await http.admin<{ id: string; email: string }[]>(
			'POST',
			'/users?fields=id,email&limit=-1',
			payloads,
		);
		for (const contact of part)
			users.set(String(contact.id), (created.find((user) => user.email === contact.email) as { id: string }).id);
	}
	const linkFailures: string[] = [];
	await inPool(withLogin, linkConcurrency, async (contact) => {
		const body = {
			user: users.get(String(contact.id)),
			portal_group: contact.portal_group === null ? null : real('portal_groups', contact.portal_group),
		};
		const answer = await http.call('PATCH', `/items/contacts/${String(real('contacts', contact.id))}`, { body });
		if (answer.status >= 300)
			linkFailures.push(`contact ${String(contact.id)}: ${answer.status} ${answer.text.slice(0, 200)}`);
	});
	if (linkFailures.length > 0)
		problems.push(
			`Linking users to contacts failed for ${linkFailures.length} contact(s): ${linkFailures.slice(0, 5).join('; ')}`,
		);

	const unlinkedLocal = await settle(http, local, users, problems);
	// A new group gets its policy from an action hook, in one transaction with the policy's permissions: wait
	// until every group of the world has one. (Settings and the customer tree are applied before an admin's write
	// is answered.)
	const groupIds = local.portal_groups.map((group) => real('portal_groups', group.id));
	await eventually(async () => {
		const groups = await http.admin<{ id: Id; policy: string | null }[]>(
			'GET',
			`/items/portal_groups?filter[id][_in]=${groupIds.join(',')}&fields=id,policy&limit=-1`,
		);
		const waiting = groups.filter((group) => group.policy === null).map((group) => group.id);
		if (waiting.length > 0)
			throw new Error(`World ${local.tag} (seed ${local.seed}): group(s) ${waiting.join(', ')} still without a policy`);
	});

	const world = await modelWorld(http, local, real, users);
	log(`seeded world ${local.tag} (seed ${local.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const locals = new Map(
		[...ids].map(([key, value]) => [`${key.split(':')[0] ?? ''}:${String(value)}`, key.slice(key.indexOf(':') + 1)]),
	);
	return {
		local,
		world,
		real,
		localOf: (collection, id) => {
			const found = locals.get(`${collection}:${String(id)}`);
			return found === undefined ? undefined : Number(found);
		},
		admin: { userId: adminUser.id, roleId: adminUser.role, policyId: adminPolicies[0]?.id ?? null },
		logins,
		unlinked: new Set(
			local.contacts
				.filter((contact) => unlinkedLocal.has(String(contact.id)))
				.map((contact) => String(real('contacts', contact.id))),
		),
		problems,
		seconds: (Date.now() - started) / 1000,
	};
}

/**
 * Waits until the product has taken every new user in: under a role, or suspended. Directus runs action
 * hooks after answering, so a link may still be in progress when its PATCH returns.
 */
async function settle(
	http: OracleHttp,
	local: World,
	users: Map<string, string>,
	problems: string[],
): Promise<Set<string>> {
	let pending: { id: string; role: string | null; status: string }[] = [];
	// Still pending after the wait is a finding of this world, reported with its details, not a crash of the run.
	const settled = await eventually(
		async () => {
			pending = [];
			for (const part of chunks([...users.values()], 100)) {
				const rows = await http.admin<{ id: string; role: string | null; status: string }[]>(
					'GET',
					`/users?filter[id][_in]=${part.join(',')}&fields=id,role,status&limit=-1`,
				);
				pending.push(...rows.filter((row) => row.role === null && row.status !== 'suspended'));
			}
			if (pending.length > 0) throw new Error(`${pending.length} user(s) not taken in yet`);
		},
		{ timeoutMs: 20_000, intervalMs: 250 },
	).then(
		() => true,
		() => false,
	);
	if (!settled) {
		const contactOf = new Map([...users].map(([contact, user]) => [user, contact]));
		const details = await Promise.all(
			pending.map(async (user) => {
				const access = await http.admin<{ policy: string | null }[]>(
					'GET',
					`/access?filter[user][_eq]=${user.id}&fields=policy&limit=-1`,
				);
				const contact = local.contacts.find((row) => String(row.id) === contactOf.get(user.id));
				const group = local.portal_groups.find((row) => row.id === contact?.portal_group);
				return `${contact?.email ?? '?'} (group "${group?.name ?? 'default'}"): user ${user.id} role ${String(user.role)}, status ${user.status}, ${access.length} policy link(s)`;
			}),
		);
		problems.push(
			`World ${local.tag} (seed ${local.seed}): ${pending.length} user(s) linked with PATCH /items/contacts/<id> { user, portal_group } (answered 2xx) still had no role and were not suspended 20 s later: ${details.join('; ')}`,
		);
	}
	const contactOf = new Map([...users].map(([contact, user]) => [user, contact]));
	return new Set(pending.map((user) => contactOf.get(user.id) ?? ''));
}

/** The world with Directus's ids, plus what is stored in the Directus under test. */
async function modelWorld(
	http: OracleHttp,
	local: World,
	real: (collection: WorldCollection, local: Id) => Id,
	users: Map<string, string>,
): Promise<World> {
	const mapRows = <T extends { id: Id }>(collection: WorldCollection, rows: T[]): T[] =>
		rows.map((row) => {
			const mapped: Record<string, unknown> = { ...row, id: real(collection, row.id) };
			for (const [field, target] of Object.entries(references[collection] ?? {})) {
				const value = (row as Record<string, unknown>)[field];
				if (value !== null && value !== undefined) mapped[field] = real(target, value as Id);
			}
			return mapped as T;
		});

	const world: World = { ...local };
	for (const collection of Object.keys(local) as (keyof World)[]) {
		const rows = local[collection];
		if (!Array.isArray(rows)) continue;
		(world as unknown as Record<string, unknown>)[collection] = mapRows(
			collection as WorldCollection,
			rows as { id: Id }[],
		);
	}

	// Contacts as stored: the product may have filled in a group; users as created.
	const contactIds = world.contacts.map((row) => row.id);
	const storedContacts = new Map<string, { user: Id | null; portal_group: Id | null }>();
	for (const part of chunks(contactIds, 200)) {
		const rows = await http.admin<{ id: Id; user: Id | null; portal_group: Id | null }[]>(
			'GET',
			`/items/contacts?filter[id][_in]=${part.join(',')}&fields=id,user,portal_group&limit=-1`,
		);
		for (const row of rows) storedContacts.set(String(row.id), row);
	}
	world.contacts = world.contacts.map((row, index) => {
		const stored = storedContacts.get(String(row.id));
		const localRow = local.contacts[index];
		const created = localRow ? (users.get(String(localRow.id)) ?? null) : null;
		return { ...row, user: stored?.user ?? created, portal_group: stored ? stored.portal_group : row.portal_group };
	});

	const settings = await http.admin<{ parent_visibility: boolean | null; default_group: Id | null }>(
		'GET',
		'/items/portal_settings?fields=parent_visibility,default_group',
	);
	world.settings = {
		parent_visibility: settings.parent_visibility ?? true,
		default_group: settings.default_group ?? null,
	};
	world.portal_groups = await http.admin<GroupRow[]>(
		'GET',
		'/items/portal_groups?fields=id,name,is_system,assignable_by_client,permissions,policy&limit=-1',
	);

	// Rows any contact of any world may see: as they are in the whole database.
	world.ticket_priorities = await http.admin<PriorityRow[]>(
		'GET',
		'/items/ticket_priorities?fields=id,name,sort,color,is_default&limit=-1',
	);
	world.kb_articles = await http.admin<ArticleRow[]>(
		'GET',
		'/items/kb_articles?fields=id,status,audience,title,body&limit=-1',
	);
	world.documents = await http.admin<ArticleRow[]>(
		'GET',
		'/items/documents?fields=id,status,audience,title,body&limit=-1',
	);
	world.kb_article_customers = await http.admin<ArticleCustomerRow[]>(
		'GET',
		'/items/kb_article_customers?fields=id,article,customer&limit=-1',
	);
	world.document_customers = await http.admin<DocumentCustomerRow[]>(
		'GET',
		'/items/document_customers?fields=id,document,customer&limit=-1',
	);
	return world;
}
