/**
 * One world of the leak oracle, start to finish: generate it from its seed, seed it into the Directus
 * under test, sign every contact with a login in (or check they cannot), compare everything each one
 * reads with the reference model, then attempt writes as a sample of them. Reads all come first:
 * writes change the world, and the model follows only the writes it allowed.
 *
 * A world is a function of its seed: each world prints its seed as it starts, and every difference and every
 * failure names it. `PORTAL_ORACLE_SEED=<seed>` replays that one world (test/integration/leak-oracle.test.ts and
 * test/integration/upgrade.test.ts draw a fresh seed otherwise).
 */
import { randomInt } from 'node:crypto';
import type { DifferenceLog } from './difference-log.ts';
import { checkAggregates } from './check-aggregates.ts';
import { checkAssets } from './check-assets.ts';
import { checkExpansions } from './check-expansions.ts';
import { checkFilters } from './check-filters.ts';
import { checkPredicates } from './check-predicates.ts';
import { checkGraphql } from './check-graphql.ts';
import { checkRestItems, checkRestLists, checkUnreadable, checkUsersMe } from './check-rest-lists.ts';
import type { Id } from './world.ts';
import { checkSearch } from './check-search.ts';
import { checkWrites, emptyTally, type WriteTally } from './check-writes.ts';
import { inPool } from './in-pool.ts';
import type { ContactSession, OracleContext } from './oracle-context.ts';
import type { OracleHttp } from './oracle-http.ts';
import { Random } from '../support/random.ts';
import { accessOf, type ContactAccess, keyOf, readableCollections } from './reference-model.ts';
import { type SeededWorld, seedWorld } from './seed-world.ts';
import { describeContact, signIn } from './sign-in.ts';
import { mutateWorld } from './mutate-world.ts';
import { generateWorld } from './world.ts';
import { groupGrantsNothing, normalisePermissions } from './normalise-permissions.ts';
import { accessOnMap, worldOnMap } from './on-map.ts';
import { checkStoredSchema, readStoredRows, readStoredSchema } from './check-stored-schema.ts';

export interface WorldOptions {
	size: number;
	/** Contacts with a login that also get a password and sign in with POST /auth/login (all: Infinity). */
	passwordSample: number;
	/** Share of signed-in contacts that get the expensive read checks (expansions, search, filters, …). */
	deepShare: number;
	/** Contacts per world queried over GraphQL (Directus builds and caches a schema per user: ~1–2 s each). */
	graphqlContacts: number;
	/** Contacts that attempt writes, and writes each. */
	writers: number;
	writesEach: number;
	log?: (line: string) => void;
	/** Capability keys the product being seeded does not know (a released version's catalogue is older): left out of the world's groups. */
	unknownCapabilities?: readonly string[];
	/** Called once a world is seeded, before anything is checked (values the world itself does not hold). */
	afterSeed?: (seeded: SeededWorld) => Promise<void>;
}

export interface WorldStats {
	seed: number;
	contacts: number;
	withLogin: number;
	signedIn: number;
	refusedSignIn: number;
	notJudged: number;
	/** Contacts checked again after staff changed the world. */
	rechecked: number;
	writes: number;
	tally: WriteTally;
	requests: number;
	seconds: { seed: number; reads: number; recheck: number; writes: number };
}

/** A world seeded into a Directus, and the randomness its checks go on with. */
export interface SeededOracleWorld {
	seeded: SeededWorld;
	random: Random;
	requestsBefore: number;
}

/** The seeds of `count` fresh worlds, or the one world `PORTAL_ORACLE_SEED` replays. */
export function oracleSeeds(count: number): number[] {
	const replay = process.env['PORTAL_ORACLE_SEED'];
	if (replay !== undefined) return [Number(replay)];
	const base = randomInt(1, 2 ** 31);
	return Array.from({ length: count }, (_, index) => (base + index * 7919) % 2 ** 31);
}

export async function checkWorld(
	http: OracleHttp,
	log: DifferenceLog,
	seed: number,
	options: WorldOptions,
): Promise<WorldStats> {
	return checkSeededWorld(http, log, await seedOracleWorld(http, log, seed, options), options);
}

/** Generates the world of `seed` and seeds it; what the product refused while seeding is logged as a difference. */
export async function seedOracleWorld(
	http: OracleHttp,
	log: DifferenceLog,
	seed: number,
	options: WorldOptions,
): Promise<SeededOracleWorld> {
	const say = options.log ?? (() => undefined);
	const requestsBefore = http.requests;
	// On a data map (`http.map`) the world holds only what the map has.
	const generated = generateWorld(seed, options.size);
	const local = http.map ? worldOnMap(generated, http.map) : generated;
	for (const group of local.portal_groups)
		for (const key of options.unknownCapabilities ?? []) if (group.permissions) delete group.permissions[key];
	console.info(`World ${local.tag}: seed ${seed} (replay it with PORTAL_ORACLE_SEED=${seed})`);
	const random = new Random(seed ^ 0x5bd1e995);
	const passwordContacts = new Set(
		random
			.sample(
				local.contacts.filter((contact) => contact.login),
				options.passwordSample,
			)
			.map((contact) => contact.id),
	);
	const npaIds = new Set(
		local.portal_groups
			.filter((group) => groupGrantsNothing(normalisePermissions(group.permissions)))
			.map((group) => group.id),
	);
	const seeded = await seedWorld(http, local, {
		passwordFor: (contact) =>
			passwordContacts.has(contact.id) || (contact.portal_group !== null && npaIds.has(contact.portal_group)),
		log: say,
	});
	if (http.map) seeded.world = worldOnMap(seeded.world, http.map);
	await options.afterSeed?.(seeded);
	for (const problem of seeded.problems)
		log.add({
			severity: 'deviation',
			seed,
			who: '(seeding)',
			check: 'seed',
			request: 'seeding through REST',
			expected: 'the product accepts the world',
			got: problem,
		});
	return { seeded, random, requestsBefore };
}

/**
 * Checks a seeded world: reads of every contact with a login, staff changes and reads again, then writes.
 * The world may have been seeded by another version of the product (the upgrade test).
 */
export async function checkSeededWorld(
	http: OracleHttp,
	log: DifferenceLog,
	{ seeded, random, requestsBefore }: SeededOracleWorld,
	options: WorldOptions,
): Promise<WorldStats> {
	const say = options.log ?? (() => undefined);
	const local = seeded.local;
	const seed = local.seed;

	const readsStarted = Date.now();
	const judged = (contact: { id: Id; user: Id | null }): boolean =>
		contact.user !== null && !seeded.unlinked.has(keyOf(contact.id));
	// On a data map the model reads only what the map has.
	const { map } = http;
	const accessOfContact = (contact: { id: Id }) =>
		map ? accessOnMap(accessOf(seeded.world, contact.id), map) : accessOf(seeded.world, contact.id);
	const accesses = seeded.world.contacts.filter(judged).map(accessOfContact);
	const sessions = (await inPool(accesses, 6, (access) => signIn(http, log, seeded, access))).filter(
		(session): session is ContactSession => session !== null,
	);

	// The expensive checks for a share of contacts, and at least one contact of every group.
	const deep = new Set(
		random
			.sample(sessions, Math.ceil(sessions.length * options.deepShare))
			.map((session) => keyOf(session.access.contact.id)),
	);
	const groupsCovered = new Set<string>();
	for (const session of sessions) {
		const group = keyOf(session.access.group?.id ?? '');
		if (groupsCovered.has(group)) continue;
		groupsCovered.add(group);
		deep.add(keyOf(session.access.contact.id));
	}

	// GraphQL for a few of the deep contacts, of different groups first.
	const graphql = new Set<string>();
	const byGroup = new Set<string>();
	for (const session of random.shuffle(sessions.filter((candidate) => deep.has(keyOf(candidate.access.contact.id))))) {
		const group = keyOf(session.access.group?.id ?? '');
		if (graphql.size >= options.graphqlContacts || byGroup.has(group)) continue;
		byGroup.add(group);
		graphql.add(keyOf(session.access.contact.id));
	}

	// …and the team's schema is asked as it is stored, too.
	const storedSchema = map ? await readStoredSchema(http, map) : null;
	const storedRows = storedSchema ? await readStoredRows(http, storedSchema) : null;
	await inPool(sessions, 3, async (session) => {
		const context: OracleContext = {
			http,
			log,
			session,
			random: new Random(seed ^ (localNumber(seeded.localOf('contacts', session.access.contact.id)) * 2_654_435_761)),
		};
		await checkUsersMe(context);
		await checkRestLists(context);
		await checkRestItems(context);
		if (!deep.has(keyOf(session.access.contact.id))) return;
		await checkUnreadable(context);
		const asksGraphql = graphql.has(keyOf(session.access.contact.id));
		if (asksGraphql) await checkGraphql(context);
		await checkExpansions(context);
		await checkAggregates(context);
		await checkSearch(context);
		await checkFilters(context);
		await checkPredicates(context, asksGraphql && !map);
		if (map && storedSchema && storedRows) await checkStoredSchema(context, map, storedSchema, storedRows, asksGraphql);
		await checkAssets(context);
	});
	const readSeconds = (Date.now() - readsStarted) / 1000;

	// Staff change the world; contacts whose access changed, and a few others, are checked again.
	const recheckStarted = Date.now();
	const mutations = await mutateWorld(http, seeded.world, random);
	say(`staff changes in ${local.tag}: ${mutations.changes.join('; ') || '(none)'}`);
	const before = new Map(accesses.map((access) => [keyOf(access.contact.id), access]));
	const after = seeded.world.contacts.filter(judged).map(accessOfContact);
	const changed = after.filter((access) => accessChanged(before.get(keyOf(access.contact.id)), access));
	const others = random.sample(
		after.filter((access) => !changed.includes(access)),
		6,
	);
	const sessionOf = new Map(sessions.map((session) => [keyOf(session.access.contact.id), session]));
	const recheck = [...changed, ...others].filter((access) => access.specified);
	await inPool(recheck, 3, async (access) => {
		const id = keyOf(access.contact.id);
		const login = seeded.logins.get(id);
		if (!login) return;
		const previous = sessionOf.get(id);
		const session: ContactSession = {
			seeded,
			access,
			token: previous?.token ?? login.token,
			signedInWith: previous?.signedInWith ?? 'static token',
			who: `${describeContact(seeded, access)} (after: ${mutations.changes.join('; ')})`,
		};
		const context: OracleContext = {
			http,
			log,
			session,
			random: new Random(seed ^ (localNumber(seeded.localOf('contacts', access.contact.id)) * 69_069)),
		};
		if (!access.canSignIn) {
			await checkLockedOut(context, login.token);
			return;
		}
		sessionOf.set(id, session);
		await checkUsersMe(context);
		await checkRestLists(context);
	});
	const recheckSeconds = (Date.now() - recheckStarted) / 1000;

	const writesStarted = Date.now();
	let writes = 0;
	let markers = 0;
	const tally = emptyTally();
	const marker = (): string => `${local.tag}zw${++markers}q`;
	const writers = after.filter((access) => access.canSignIn && sessionOf.has(keyOf(access.contact.id)));
	for (const access of random.sample(writers, options.writers)) {
		const previous = sessionOf.get(keyOf(access.contact.id)) as ContactSession;
		const session: ContactSession = { ...previous, access, who: describeContact(seeded, access) };
		const context: OracleContext = {
			http,
			log,
			session,
			random: new Random(seed ^ (localNumber(seeded.localOf('contacts', access.contact.id)) * 40_503)),
		};
		writes += await checkWrites(context, options.writesEach, { url: http.url, marker, tally });
	}
	const writeSeconds = (Date.now() - writesStarted) / 1000;

	const withLogin = accesses.length + seeded.unlinked.size;
	const stats: WorldStats = {
		seed,
		contacts: local.contacts.length,
		withLogin,
		signedIn: sessions.length,
		refusedSignIn: accesses.filter((access) => access.specified && !access.canSignIn).length,
		notJudged: accesses.filter((access) => !access.specified).length + seeded.unlinked.size,
		rechecked: recheck.length,
		writes,
		tally,
		requests: http.requests - requestsBefore,
		seconds: { seed: seeded.seconds, reads: readSeconds, recheck: recheckSeconds, writes: writeSeconds },
	};
	say(
		`world ${local.tag} (seed ${seed}): ${stats.contacts} contacts, ${withLogin} with a login: ${stats.signedIn} signed in ` +
			`(${[...sessions].filter((session) => session.signedInWith === 'password').length} with a password), ${stats.refusedSignIn} refused, ${stats.notJudged} not judged; ` +
			`${writes} writes (allowed ${tally.allowed}: ${tally.allowedSucceeded} succeeded; refused ${tally.refused}: ${tally.refusedWith4xx} with 4xx; pinned fields ${tally.coercible}); ${stats.requests} requests; ${recheck.length} rechecked after staff changes; seed ${stats.seconds.seed.toFixed(1)} s, reads ${readSeconds.toFixed(1)} s, recheck ${recheckSeconds.toFixed(1)} s, writes ${writeSeconds.toFixed(1)} s`,
	);
	return stats;
}

function localNumber(id: Id | undefined): number {
	return typeof id === 'number' ? id : Number(id ?? 0);
}

/** Whether what a contact may read or do changed between two states of the world. */
function accessChanged(before: ContactAccess | undefined, after: ContactAccess): boolean {
	if (!before || before.canSignIn !== after.canSignIn) return true;
	return readableCollections.some((collection) => {
		const [a, b] = [before.reads[collection], after.reads[collection]];
		return (
			a.ids.size !== b.ids.size ||
			[...a.ids].some((id) => !b.ids.has(id)) ||
			a.fields.size !== b.fields.size ||
			[...a.fields].some((field) => !b.fields.has(field))
		);
	});
}

/** A contact who may no longer sign in: their static token is refused, and their session (if any) reads nothing. */
async function checkLockedOut(context: OracleContext, staticToken: string): Promise<void> {
	const { http, session } = context;
	const me = await http.call('GET', '/users/me', { token: staticToken });
	if (me.status !== 401 && me.status !== 403) {
		context.log.add({
			severity: me.status === 200 ? 'leak' : 'deviation',
			seed: session.seeded.local.seed,
			who: session.who,
			check: 'sign-in',
			request: 'GET /users/me with the static token of a contact who may no longer sign in',
			expected: '401',
			got: `${me.status} ${me.text.slice(0, 200)}`,
		});
	}
	if (session.token === staticToken) return;
	await Promise.all(
		readableCollections
			.filter((collection) => !collection.startsWith('directus_'))
			.map(async (collection) => {
				const answer = await http.call('GET', `/items/${collection}?limit=-1&fields=id`, { token: session.token });
				const rows = (answer.json as { data?: unknown } | undefined)?.data;
				if (answer.status === 200 && Array.isArray(rows) && rows.length > 0) {
					context.log.add({
						severity: 'leak',
						seed: session.seeded.local.seed,
						who: session.who,
						check: 'sign-in',
						request: `GET /items/${collection} with the session of a contact who may no longer sign in`,
						expected: '401, 403 or nothing',
						got: `${rows.length} row(s)`,
					});
				}
			}),
	);
}
