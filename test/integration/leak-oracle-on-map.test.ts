/**
 * The leak oracle on a team's own collections: the second help desk (`test/support/second-schema/`: organizations
 * with `parent_org`, people keyed by uuid with `org` and `directus_user`, cases with `account` and `opened_by`,
 * watchers as a junction, `case_messages.private`) built in a Directus of its own, its map saved, and random worlds
 * seeded into it and checked as on the bundled schema (test/integration/leak-oracle.test.ts): every contact's
 * reads, items, expansions, aggregates, search, filters and predicates in the portal's names, translated to the
 * stored ones; staff changes and reads again; writes. Then the stored schema asked as it is: predicates through
 * each of its relations, the team's own too, and the fields no role names (which no capability grants), on REST
 * and GraphQL; and no answer may carry a field that plays no role. The worlds take turns at how the organizations
 * are keyed: by integers the database numbers, then by uuids (each kind in a Directus of its own).
 *
 *   PORTAL_ORACLE_MAP_WORLDS  how many worlds (default 2)
 *   PORTAL_ORACLE_MAP_SIZE    about how many contacts per world (default 50)
 *   PORTAL_ORACLE_MAP_KEY     `integer` or `uuid`: every world's organizations keyed so (to replay a world)
 *   PORTAL_ORACLE_SEED        replay the one world of this seed
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkWorld, oracleSeeds, type WorldStats } from '../oracle/check-world.ts';
import { DifferenceLog } from '../oracle/difference-log.ts';
import { OracleHttp } from '../oracle/oracle-http.ts';
import type { SeededWorld } from '../oracle/seed-world.ts';
import { type DirectusOfItsOwn, startDirectusOfItsOwn } from '../support/directus-of-its-own.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';
import { Random } from '../support/random.ts';
import { createSecondSchema } from '../support/second-schema/create-second-schema.ts';
import { type OrganizationKey, secondSchemaFacts } from '../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';

const env = process.env;
const size = Number(env['PORTAL_ORACLE_MAP_SIZE'] ?? 50);
const seeds = oracleSeeds(Number(env['PORTAL_ORACLE_MAP_WORLDS'] ?? 2));
const map = secondSchemaMap();
const organizationKeys: readonly OrganizationKey[] = ['integer', 'uuid'];
const chosenKey = env['PORTAL_ORACLE_MAP_KEY'] as OrganizationKey | undefined;
if (chosenKey !== undefined && !organizationKeys.includes(chosenKey))
	throw new Error(`PORTAL_ORACLE_MAP_KEY must be one of ${organizationKeys.join(', ')}, not ${chosenKey}`);
/** How the organizations of the world at `index` are keyed. */
const keyOfWorld = (index: number): OrganizationKey =>
	chosenKey ?? (organizationKeys[index % organizationKeys.length] as OrganizationKey);

let directus: DirectusOfItsOwn | undefined;
let directusKey: OrganizationKey | undefined;
let http: OracleHttp;
const log = new DifferenceLog();
const stats: WorldStats[] = [];
/** Requests made by the Directus instances already removed. */
let requests = 0;
const started = Date.now();
let currentSeed = seeds[0] ?? 0;

showLogOnFailure('its own Directus', () => directus?.options.logFile);

console.log(
	`Leak oracle on the second schema: ${seeds.length} world(s) of about ${size} contacts, seed(s) ${seeds.join(', ')}, organizations keyed by ${seeds.map((_, index) => keyOfWorld(index)).join(', ')} (replay one with PORTAL_ORACLE_SEED=<seed> PORTAL_ORACLE_MAP_KEY=<key>)`,
);

/**
 * What the second help desk holds beyond the portal's model, filled into the rows of a seeded world: an API token,
 * founding date and account manager of each organization, a secret note and a billing organization (often another
 * one) of each person, a reopen count of each case. No role names these fields; no contact may learn them.
 */
async function fillTeamFields(seeded: SeededWorld): Promise<void> {
	const { local, real } = seeded;
	const random = new Random(local.seed ^ 0x2545f491);
	const word = (code: string, id: unknown) => `${local.tag}z${code}${String(id)}q`;
	const staff = local.staff.map((row) => real('staff', row.id));
	const organizations = local.customers.map((row) => ({
		id: real('customers', row.id),
		api_token: word('token', row.id),
		founded: `20${String(10 + (Number(row.id) % 20))}-01-01`,
		account_manager: random.maybePick(staff) ?? null,
	}));
	const people = local.contacts.map((row) => ({
		uuid: real('contacts', row.id),
		secret_note: word('note', row.id),
		billing_org: random.pick(organizations).id,
	}));
	const cases = local.tickets.map((row) => ({ id: real('tickets', row.id), reopen_count: random.int(0, 5) }));
	for (const [collection, rows] of [
		['organizations', organizations],
		['people', people],
		['cases', cases],
	] as const)
		if (rows.length > 0) await http.admin('PATCH', `/items/${collection}`, rows);
}

/** The Directus whose second help desk keys its organizations by `key`: the running one, or a new one in its place. */
async function directusKeyed(key: OrganizationKey): Promise<void> {
	if (directus && directusKey === key) return;
	requests += http?.requests ?? 0;
	await directus?.remove();
	directus = undefined;
	directus = await startDirectusOfItsOwn(`oracle-map-${key}`);
	directusKey = key;
	await createSecondSchema(directus.call, secondSchemaFacts('pg', key));
	const saved = await directus.call('PUT', '/portal/api/studio/data-map', { body: { map } });
	if (saved.status !== 200)
		throw new Error(`Saving the second schema's map: ${saved.status} ${JSON.stringify(saved.body)}`);
	http = new OracleHttp(directus.running?.url ?? '', directus.adminToken);
	http.map = map;
	http.onStray = (request, fields, token) => {
		if (token === null) return;
		log.add(
			{
				severity: 'leak',
				seed: currentSeed,
				who: `the contact of token ${token.slice(0, 12)}…`,
				check: 'stray-fields',
				request,
				expected: 'only fields that play a role of the data map',
				got: fields.join(', '),
			},
			`stray|${request.split('?')[0]}|${fields.join(',')}`,
		);
	};
}

afterAll(async () => {
	const contacts = stats.reduce((sum, world) => sum + world.withLogin, 0);
	const writes = stats.reduce((sum, world) => sum + world.writes, 0);
	if (log.count() > 0) {
		const file = join(tmpdir(), `portal-leak-oracle-map-${seeds[0]}.json`);
		writeFileSync(file, JSON.stringify({ seeds, stats, differences: log.differences }, null, '\t'));
		console.log(`${log.format()}\n\nFull report: ${file}`);
	}
	console.log(
		`Leak oracle on the second schema: ${stats.length} world(s), ${contacts} contacts with a login, ${writes} writes, ` +
			`${requests + (http?.requests ?? 0)} requests, ${log.count()} difference(s) (${log.count('leak')} leak(s)) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
	);
	await directus?.remove();
});

describe('The leak oracle on a team’s own collections', () => {
	test.each(seeds.map((seed, index) => [seed, keyOfWorld(index)] as const))(
		'World of seed %i, organizations keyed by %s: every person reads and writes exactly what the access model allows, on the stored schema too',
		async (seed, key) => {
			await directusKeyed(key);
			currentSeed = seed;
			const before = log.count();
			stats.push(
				await checkWorld(http, log, seed, {
					size,
					passwordSample: 6,
					deepShare: 0.3,
					graphqlContacts: 3,
					writers: 10,
					writesEach: 8,
					log: (line) => console.log(`  ${line}`),
					afterSeed: fillTeamFields,
				}),
			);
			const found = log.printSince(before, seed);
			expect(
				found,
				`differences in the world of seed ${seed} (replay with PORTAL_ORACLE_SEED=${seed} PORTAL_ORACLE_MAP_KEY=${key})`,
			).toBe(0);
		},
		900_000,
	);
});
