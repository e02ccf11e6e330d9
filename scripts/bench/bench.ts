/**
 * `npm run bench -- --tickets 10000|100000|1000000 [--rounds 15] [--quick] [--schema bundled|second]`: what the
 * portal's permission filters cost. Boots its own Directus with the bundle on a fresh PostgreSQL database, seeds a
 * help desk in bulk — the bundled one, or with `--schema second` the second help desk of the tests (organizations,
 * people, cases: test/support/second-schema/) with its data map saved — and measures, side by side in one run, portal contacts' requests against the same request
 * by an admin and against hand-written SQL; ticket writes; throughput at 32 concurrent users; group edits with 10 and
 * 10,000 members; the doctor's access checks; moving a 2,000-customer subtree; importing 10,000
 * customers; 1,000 invitations.
 * Writes `bench-results/<tickets>.json` and `.md` and a plot, `bench-results/latency.svg`.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import knex, { type Knex } from 'knex';
import { readPortalUserAccess } from '../../src/doctor/read-portal-user-access.ts';
import { bundledDataMap, type DataMap } from '../../src/data-map/data-map.ts';
import type { ObjectName } from '../../src/data-map/object-specs.ts';
import { toStoredRequest } from '../../src/data-map/to-stored-request.ts';
import { fromStoredRow } from '../../src/data-map/from-stored-row.ts';
import { createSecondSchema } from '../../test/support/second-schema/create-second-schema.ts';
import { secondSchemaMap } from '../../test/support/second-schema/second-schema-map.ts';
import {
	bootstrap,
	freePort,
	installBundle,
	mailSinkEnv,
	startDirectus,
	throwAwayInstanceOptions,
} from '../lib/directus-instance.ts';
import { startMailSink } from '../lib/mail-sink.ts';
import { createPostgresDatabase } from '../lib/throw-away-postgres.ts';
import { compare, round, summarise, timeOnce } from './measure.ts';
import { type BenchResult, writeReport } from './report.ts';
import { chainHeads, parentChild, parentCustomer, seed, sizesFor } from './seed.ts';

const { values } = parseArgs({
	options: {
		tickets: { type: 'string', default: '10000' },
		rounds: { type: 'string', default: '15' },
		// CI: fewer rounds, shorter load, smaller group and import.
		quick: { type: 'boolean', default: false },
		schema: { type: 'string', default: 'bundled' },
	},
});
if (values.schema !== 'bundled' && values.schema !== 'second') throw new Error('--schema must be bundled or second');
/** The map the portal runs on: every collection, field and request below is named through it. */
const second = values.schema === 'second';
const map: DataMap = second ? secondSchemaMap() : bundledDataMap();
/** The stored name of an object's collection, and of the field playing one of its roles. */
const table = (object: ObjectName): string => map[object]?.collection ?? object;
const column = (object: ObjectName, role: string): string => {
	const stored = (map[object]?.fields as Record<string, string | null> | undefined)?.[role];
	if (!stored) throw new Error(`The ${values.schema} map has no ${object}.${role}`);
	return stored;
};
/** In an INSERT of contacts: the second help desk's people are keyed by uuids Directus would generate; the bundled contacts by the database. */
const generatedKey = second
	? { column: `"${column('contacts', 'id')}", `, value: 'gen_random_uuid(), ' }
	: { column: '', value: '' };
const tickets = Number(values.tickets);
if (!Number.isSafeInteger(tickets) || tickets < 1_000)
	throw new Error('--tickets must be a whole number of at least 1000');
const rounds = Number(values.rounds);
const quick = values.quick;
const sizes = sizesFor(tickets);
const log = (message: string) => console.log(`› ${message}`);

const database = await createPostgresDatabase('portal_bench');
const folder = await mkdtemp(join(tmpdir(), 'portal-bench-'));
const { client, ...connection } = database.config;
const db: Knex = knex({ client, connection, pool: { min: 0, max: 4 } });
const mail = await startMailSink(join(folder, 'mail'));
const adminToken = randomBytes(24).toString('hex');
const port = await freePort();
const options = throwAwayInstanceOptions(
	folder,
	database.config,
	port,
	{
		ADMIN_TOKEN: adminToken,
		LOG_LEVEL: 'warn',
		// The run outlasts Directus's default 15-minute access tokens.
		ACCESS_TOKEN_TTL: '24h',
		...mailSinkEnv(mail.port, port),
	},
	'directus',
);

let directus: Awaited<ReturnType<typeof startDirectus>> | undefined;
try {
	log(`Directus on PostgreSQL database ${database.config.database}`);
	await installBundle(folder);
	await bootstrap(options);
	directus = await startDirectus(options, { timeoutMs: 120_000 });
	const url = directus.url;

	/** A request in the portal's names, sent as the map stores things (the portal app's own translation). */
	const call = async <T = unknown>(
		method: string,
		portalPath: string,
		{ token = adminToken, body: portalBody }: { token?: string; body?: unknown } = {},
	): Promise<T> => {
		const { path, body, object } = second
			? toStoredRequest(map, portalPath, portalBody)
			: { path: portalPath, body: portalBody, object: null };
		const response = await fetch(`${url}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
		const data = text ? (JSON.parse(text) as { data: unknown }).data : undefined;
		if (!object || path.includes('aggregate') || typeof data !== 'object' || data === null) return data as T;
		// Rows come back in the portal's names, as the portal app reads them.
		const back = (row: unknown) => fromStoredRow(map, object, row as Record<string, unknown>);
		return (Array.isArray(data) ? data.map(back) : back(data)) as T;
	};

	log(
		`Seeding ${sizes.tickets.toLocaleString('en')} tickets, ${sizes.customers.toLocaleString('en')} customers, ${sizes.contacts.toLocaleString('en')} contacts`,
	);
	if (second) {
		await createSecondSchema(async (method, path, options = {}) => {
			const response = await fetch(`${url}${path}`, {
				method,
				headers: { 'Authorization': `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(options.body),
			});
			return { status: response.status, body: (await response.json()) as never };
		});
		// The save indexes the team's columns the rules filter by (`portal_ix_…`); nothing else is indexed for it.
		await call('PUT', '/portal/api/studio/data-map', { body: { map } });
		log('The second help desk created, its data map saved');
	}
	const seedStarted = Date.now();
	await seed(db, sizes, log, { map, uuidContacts: second });
	const seedSeconds = round((Date.now() - seedStarted) / 1000, 0);

	// Portal contacts who sign in: one group per ticket scope.
	const group = (name: string, permissions: Record<string, unknown>) =>
		call<{ id: number; policy: string }>('POST', '/items/portal_groups', { body: { name, permissions } });
	const everything = {
		'tickets.reply': true,
		'tickets.attachments': 'public',
		'projects.view': 'customer',
		'kb.view': true,
		'invoices.view': true,
	};
	const groups = {
		own: await group('Bench own', { 'tickets.view': 'own', ...everything }),
		customer: await group('Bench customer', { 'tickets.view': 'customer', ...everything }),
		tree: await group('Bench tree', {
			'tickets.view': 'customer_tree',
			...everything,
			'projects.view': 'customer_tree',
		}),
	};
	/** A new active user, `prepare`d (given a contact or a policy), then signed in. */
	const newUser = async <T>(label: string, prepare: (user: { id: string; email: string }) => Promise<T>) => {
		const email = `${label}-${randomBytes(3).toString('hex')}@bench.example.com`;
		const password = randomBytes(12).toString('hex');
		const user = await call<{ id: string }>('POST', '/users', { body: { email, password, status: 'active' } });
		const prepared = await prepare({ id: user.id, email });
		const login = await fetch(`${url}/auth/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email, password }),
		});
		const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
		return { prepared, token };
	};
	const signedIn = async (customer: number, groupId: number, label: string) => {
		const { prepared: contact, token } = await newUser(label, ({ id, email }) =>
			call<{ id: number }>('POST', '/items/contacts', {
				body: { customer, last_name: label, email, user: id, portal_group: groupId },
			}),
		);
		return { contact: contact.id, token };
	};
	const own = await signedIn(parentCustomer, groups.own.id, 'own');
	await db(table('tickets'))
		.whereIn(
			'id',
			db(table('tickets'))
				.select('id')
				.where(column('tickets', 'customer'), parentCustomer)
				.orderBy('id', 'desc')
				.limit(30),
		)
		.update({ [column('tickets', 'requester')]: own.contact });
	const users = {
		own,
		customer: await signedIn(parentCustomer, groups.customer.id, 'customer'),
		tree: await signedIn(parentCustomer, groups.tree.id, 'tree'),
		treeSmall: await signedIn(parentChild, groups.tree.id, 'tree-child'),
		treeChain: await signedIn(chainHeads[0] as number, groups.tree.id, 'tree-chain'),
	};
	// What any user without admin access pays in Directus (policies, permissions, field checks) before
	// a single filter: a staff user who may read every ticket, with no item rule.
	const staffPolicy = await call<{ id: string }>('POST', '/policies', {
		body: { name: 'Bench staff without admin', app_access: false, admin_access: false },
	});
	await call('POST', '/permissions', {
		body: { policy: staffPolicy.id, collection: table('tickets'), action: 'read', fields: ['*'], permissions: {} },
	});
	const { token: staffToken } = await newUser('staff', ({ id }) =>
		call('POST', '/access', { body: { user: id, policy: staffPolicy.id } }),
	);
	await db.raw('ANALYZE');

	// 1. The 25 newest tickets.
	const list = '/items/tickets?fields=id,subject,status,date_created,customer&sort=-date_created&limit=25';
	// The same lists in hand-written SQL, on the stored names.
	const listed = ['id', 'subject', 'status', 'date_created', 'customer'].map((role) => column('tickets', role));
	const newestWhere = (where: string, bindings: unknown[]) =>
		db.raw(`SELECT ${listed.map(() => '??').join(', ')} FROM ?? WHERE ${where} ORDER BY ?? DESC LIMIT 25`, [
			...listed,
			table('tickets'),
			...bindings,
			column('tickets', 'date_created'),
		]);
	const sqlNewest = {
		own: () =>
			newestWhere('?? IN (SELECT ?? FROM ?? WHERE ?? = ?)', [
				'id',
				column('ticket_followers', 'ticket'),
				table('ticket_followers'),
				column('ticket_followers', 'contact'),
				own.contact,
			]),
		customer: () => newestWhere('?? = ?', [column('tickets', 'customer'), parentCustomer]),
		// By the ticket's own copy of its customer's tree path, which the product keeps on PostgreSQL.
		tree: () =>
			newestWhere(`?? LIKE (SELECT ?? FROM ?? WHERE id = ?) || '%'`, [
				column('tickets', 'customer_path'),
				column('customers', 'tree_path'),
				table('customers'),
				parentCustomer,
			]),
	};
	log('Measuring: the 25 newest tickets');
	const newest = await compare(
		{
			'admin': () => call('GET', list),
			'staff without admin': () => call('GET', list, { token: staffToken }),
			'own': () => call('GET', list, { token: users.own.token }),
			'customer': () => call('GET', list, { token: users.customer.token }),
			'tree': () => call('GET', list, { token: users.tree.token }),
			'sql own': sqlNewest.own,
			'sql customer': sqlNewest.customer,
			'sql tree': sqlNewest.tree,
		},
		{ rounds },
	);

	// Latency against the customers below the contact's customer.
	log('Measuring: customer_tree against the size of the subtree');
	const subtree = await compare(
		{
			'tree, 8 below': () => call('GET', list, { token: users.treeChain.token }),
			'tree, 119 below': () => call('GET', list, { token: users.treeSmall.token }),
			'tree, 2000 below': () => call('GET', list, { token: users.tree.token }),
		},
		{ rounds },
	);

	// 2. A ticket page, the dashboard's calls, a project page.
	log('Measuring: ticket page, dashboard, project page');
	const ticketOfTree = (await db(`${table('tickets')} as t`)
		.join(`${table('ticket_replies')} as r`, `r.${column('ticket_replies', 'ticket')}`, 't.id')
		.join('customer_tree', 'customer_tree.customer', `t.${column('tickets', 'customer')}`)
		.where('customer_tree.ancestor', parentChild)
		.where('customer_tree.depth', '>', 0)
		.first('t.id')) as { id: number };
	const project = map.projects
		? ((await db(table('projects')).where(column('projects', 'customer'), parentCustomer).first('id')) as
				{ id: number } | undefined)
		: undefined;
	const ticketPage = `/items/tickets/${ticketOfTree.id}?fields=id,subject,status,description,date_created,comments.id,comments.body,comments.date_created,attachments.id,participants.contact`;
	const dashboard = (token?: string) =>
		Promise.all([
			call('GET', '/portal/api/me', token ? { token } : {}).catch(() => undefined),
			call('GET', '/items/tickets?aggregate[count]=id&groupBy[]=status', token ? { token } : {}),
			call(
				'GET',
				'/items/tickets?fields=id,subject,status,date_created&sort=-date_updated&limit=5',
				token ? { token } : {},
			),
			...(map.projects ? [call('GET', '/items/projects?fields=id,name,status&limit=5', token ? { token } : {})] : []),
		]);
	const projectPage = project
		? `/items/projects/${project.id}?fields=id,name,status,description,customer,members.contact`
		: null;
	const pages = await compare(
		{
			'ticket page admin': () => call('GET', ticketPage),
			'ticket page tree': () => call('GET', ticketPage, { token: users.tree.token }),
			'dashboard admin': () => dashboard(),
			'dashboard tree': () => dashboard(users.tree.token),
			...(projectPage
				? {
						'project page admin': () => call('GET', projectPage),
						'project page tree': () => call('GET', projectPage, { token: users.tree.token }),
					}
				: {}),
		},
		{ rounds },
	);

	// 3. Throughput at 32 concurrent users, a mix of lists and pages.
	log('Measuring: throughput at 32 concurrent users');
	const require = createRequire(import.meta.url);
	const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<{
		requests: { average: number };
		latency: { p50: number; p97_5: number };
		non2xx: number;
		errors: number;
	}>;
	// Each user asks for what they may see: the ticket page only where the ticket is in scope.
	const stored = (path: string) => (second ? toStoredRequest(map, path).path : path);
	const mix = (tokens: string[]) =>
		tokens.flatMap((token) =>
			[
				list,
				'/items/tickets?fields=id,subject&filter[status][_eq]=open&limit=25&page=3',
				...(token === users.own.token || token === users.customer.token ? [] : [ticketPage]),
			].map((path) => ({ method: 'GET', path: stored(path), headers: { Authorization: `Bearer ${token}` } })),
		);
	const load = async (tokens: string[]) => {
		const result = await autocannon({ url, connections: 32, duration: quick ? 5 : 20, requests: mix(tokens) });
		return {
			requestsPerSecond: round(result.requests.average, 1),
			p50: result.latency.p50,
			p97_5: result.latency.p97_5,
			failures: result.non2xx + result.errors,
		};
	};
	const throughput = {
		admin: await load([adminToken]),
		portal: await load([users.own.token, users.customer.token, users.tree.token]),
	};

	// 4. A group edit with 10 members and with 10,000: time until a member's next request sees it.
	log('Measuring: group edits with 10 and 10,000 members');
	const portalRole = ((await db('portal_settings').first('portal_role')) as { portal_role: string }).portal_role;
	const groupWith = async (members: number, label: string) => {
		const created = await group(`Bench ${label}`, { 'tickets.view': 'own' });
		const member = await signedIn(parentChild, created.id, label);
		// The other members as bulk-imported portal users: a user, its access row, its contact.
		await db.raw(
			`WITH made AS (
				INSERT INTO directus_users (id, email, status, role) SELECT gen_random_uuid(), 'member-' || ? || '-' || g || '@bench.example.com', 'active', ? FROM generate_series(1, ?) g RETURNING id, email)
			, accessed AS (INSERT INTO directus_access (id, "user", policy) SELECT gen_random_uuid(), id, ? FROM made)
			INSERT INTO ?? (${generatedKey.column}??, ??, ??, ??, ??) SELECT ${generatedKey.value}'Member', email, ?, id, ? FROM made`,
			[
				label,
				portalRole,
				members - 1,
				created.policy,
				...contactColumns(['last_name', 'email', 'customer', 'user', 'portal_group']),
				parentChild,
				created.id,
			],
		);
		return { id: created.id, member };
	};
	const editRounds = quick ? 3 : 7;
	const small = await groupWith(10, 'ten');
	const large = await groupWith(quick ? 1_000 : 10_000, 'many');
	const untilEnforced = async (target: { id: number; member: { token: string } }, scope: 'own' | 'customer') =>
		timeOnce(async () => {
			await call('PATCH', `/items/portal_groups/${target.id}`, { body: { permissions: { 'tickets.view': scope } } });
			for (;;) {
				const rows = await call<unknown[]>('GET', '/items/tickets?fields=id&limit=1', { token: target.member.token });
				if (rows.length > 0 === (scope === 'customer')) return;
			}
		});
	const edits: Record<string, number[]> = { '10 members': [], [`${quick ? '1,000' : '10,000'} members`]: [] };
	for (let index = 0; index < editRounds; index++) {
		for (const scope of ['customer', 'own'] as const) {
			edits['10 members']?.push(await untilEnforced(small, scope));
			edits[`${quick ? '1,000' : '10,000'} members`]?.push(await untilEnforced(large, scope));
		}
	}
	const groupEdits = Object.fromEntries(Object.entries(edits).map(([name, samples]) => [name, summarise(samples)]));

	// The doctor's checks of who holds what among portal users, run every minute, with every portal user above in place.
	log('Measuring: the doctor’s access checks');
	const defaultGroup = ((await db('portal_settings').first('default_group')) as { default_group: number | null })
		.default_group;
	const portalUsers = Number(
		((await db('directus_users').where('role', portalRole).count({ count: '*' }).first()) as { count: string }).count,
	);
	const doctorChecks: number[] = [];
	for (let index = 0; index < rounds; index++) {
		doctorChecks.push(
			await timeOnce(async () => {
				const { foreignPolicies, drift, strayBadges } = await readPortalUserAccess(db, {
					portalRole,
					defaultGroup,
					badgesReady: true,
				});
				const wrong = foreignPolicies.length + drift.excess.length + drift.missing.length + strayBadges.length;
				if (wrong > 0)
					throw new Error(
						`The bench world's portal users hold access no contact asks for, or lack some: ${JSON.stringify({ foreignPolicies, drift, strayBadges }).slice(0, 300)}`,
					);
			}),
		);
	}

	// 5. Moving the 2,000-customer subtree (and back); importing 10,000 customers through Directus.
	log('Measuring: moving a 2,000-customer subtree, importing customers');
	const newRoot = sizes.customers;
	const moves: number[] = [];
	for (let index = 0; index < (quick ? 2 : 5); index++) {
		moves.push(
			await timeOnce(() => call('PATCH', `/items/customers/${parentCustomer}`, { body: { parent: newRoot } })),
		);
		moves.push(await timeOnce(() => call('PATCH', `/items/customers/${parentCustomer}`, { body: { parent: null } })));
	}
	const importCount = quick ? 1_000 : 10_000;
	const importSeconds = round(
		(await timeOnce(async () => {
			for (let from = 0; from < importCount; from += 1_000) {
				await call('POST', '/items/customers', {
					body: Array.from({ length: 1_000 }, (_unused, index) => ({
						name: `Imported ${from + index}`,
						parent: index % 10 === 0 ? null : newRoot,
					})),
				});
			}
		})) / 1000,
		1,
	);

	// Last, as the new tickets are the newest: writes to tickets pay for the product's triggers (followers, the customer path) and the check that they are installed.
	log('Measuring: ticket writes through Directus');
	const writtenTicket = await call<{ id: number }>('POST', '/items/tickets', {
		body: { subject: 'Bench write', status: 'open', customer: parentChild },
	});
	let customerOfWritten = parentChild;
	const ticketWrites = await compare(
		{
			'create admin': () =>
				call('POST', '/items/tickets', { body: { subject: 'Bench create', status: 'open', customer: parentChild } }),
			'change customer admin': () => {
				customerOfWritten = customerOfWritten === parentChild ? parentCustomer : parentChild;
				return call('PATCH', `/items/tickets/${writtenTicket.id}`, { body: { customer: customerOfWritten } });
			},
			'create sql': () =>
				db(table('tickets')).insert({
					[column('tickets', 'subject')]: 'Bench create',
					[column('tickets', 'status')]: 'open',
					[column('tickets', 'customer')]: parentChild,
				}),
		},
		{ rounds },
	);

	// 6. Invitations to everyone of one customer, through the local SMTP server.
	const invitationCount = quick ? 100 : 1_000;
	log(`Measuring: ${invitationCount} invitations`);
	const invited = (await call<{ id: number }>('POST', '/items/customers', { body: { name: 'Invited customer' } })).id;
	await db.raw(
		`INSERT INTO ?? (${generatedKey.column}??, ??, ??) SELECT ${generatedKey.value}'Invitee', 'invitee-' || g || '@bench.example.com', ? FROM generate_series(1, ?) g`,
		[...contactColumns(['last_name', 'email', 'customer']), invited, invitationCount],
	);
	const invitationSeconds = round(
		(await timeOnce(async () => {
			// Timed until the last mail arrives: the route answers when it has sent them all, which at a thousand
			// outlasts the client's five minutes of waiting for an answer (the mails keep coming).
			const answered = call('POST', '/portal/api/invitations', { body: { customer: invited } }).catch(
				(error: unknown) => error,
			);
			const deadline = Date.now() + 30 * 60_000;
			while ((await countInvitationMails(mail.folder)) < invitationCount) {
				if (Date.now() > deadline) throw new Error('The invitations did not all arrive within 30 minutes');
				await new Promise((done) => setTimeout(done, 500));
			}
			const answer = await answered;
			if (answer instanceof Error && !String(answer.cause).includes('Headers Timeout')) throw answer;
		})) / 1000,
		1,
	);

	const result: BenchResult = {
		date: new Date().toISOString(),
		schema: second ? 'second' : 'bundled',
		machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, PostgreSQL ${String(((await db.raw('SHOW server_version')) as { rows: { server_version: string }[] }).rows[0]?.server_version)}`,
		sizes,
		seedSeconds,
		rounds,
		newest,
		subtree,
		pages,
		ticketWrites,
		throughput,
		groupEdits,
		subtreeMove: summarise(moves),
		doctorAccessChecks: { portalUsers, timing: summarise(doctorChecks) },
		importCustomers: { count: importCount, seconds: importSeconds },
		invitations: { count: invitationCount, seconds: invitationSeconds },
	};
	const written = await writeReport(result);
	log(`Written ${written.join(', ')}`);
} finally {
	await directus?.stop();
	await mail.stop();
	await db.destroy();
	await database.drop();
	await rm(folder, { recursive: true, force: true });
}

/** The contacts' table and the stored names of `roles`, for an INSERT. */
function contactColumns(roles: string[]): string[] {
	return [table('contacts'), ...roles.map((role) => column('contacts', role))];
}

/** Every message the bench makes Directus send is an invitation: count the sink's files. */
async function countInvitationMails(mailFolder: string): Promise<number> {
	return (await readdir(mailFolder).catch(() => [] as string[])).filter((file) => file.endsWith('.eml')).length;
}
