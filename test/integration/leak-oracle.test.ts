/**
 * The leak oracle, the acceptance test of the access model: random worlds (reproducible from their
 * seed) seeded into the Directus under test, and for every contact with a login, everything Directus
 * lets them read or write — REST, GraphQL, nested relations, aggregates, search, filters, /assets and
 * writes — compared with an independent reference model of docs/access-model.md.
 *
 *   PORTAL_ORACLE_WORLDS   how many worlds (default 4)
 *   PORTAL_ORACLE_SIZE     about how many contacts per world (default 75)
 *   PORTAL_ORACLE_SEED     replay the one world of this seed
 *   PORTAL_ORACLE_PASSWORDS  "all" signs every contact in with POST /auth/login (slow: Directus hashes
 *                          each password for ~0.2 s); by default a sample per world does, the rest use
 *                          their user's static token
 *   PORTAL_ORACLE_PROFILE  print where the time went, by request shape
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkWorld, oracleSeeds, type WorldStats } from '../oracle/check-world.ts';
import { cleanUpShared } from '../oracle/clean-up-shared.ts';
import { DifferenceLog } from '../oracle/difference-log.ts';
import { OracleHttp } from '../oracle/oracle-http.ts';
import { directusUnderTest } from '../support/directus-under-test.ts';

const env = process.env;
const size = Number(env['PORTAL_ORACLE_SIZE'] ?? 75);
const seeds = oracleSeeds(Number(env['PORTAL_ORACLE_WORLDS'] ?? 4));
const options = {
	size,
	passwordSample: env['PORTAL_ORACLE_PASSWORDS'] === 'all' ? Number.POSITIVE_INFINITY : 10,
	deepShare: 0.2,
	graphqlContacts: 3,
	writers: 12,
	writesEach: 8,
	log: (line: string) => console.log(`  ${line}`),
};

console.log(
	`Leak oracle: ${seeds.length} world(s) of about ${size} contacts, seed(s) ${seeds.join(', ')} (replay one with PORTAL_ORACLE_SEED=<seed>)`,
);

const log = new DifferenceLog();
const stats: WorldStats[] = [];
let http: OracleHttp;
let parentVisibility: unknown;
const started = Date.now();

beforeAll(async () => {
	const { url, adminToken } = directusUnderTest();
	http = new OracleHttp(url, adminToken);
	http.profiling = env['PORTAL_ORACLE_PROFILE'] !== undefined;
	parentVisibility = (
		await http.admin<{ parent_visibility: unknown }>('GET', '/items/portal_settings?fields=parent_visibility')
	).parent_visibility;
});

afterAll(async () => {
	// One Directus serves every test file: put the setting back and remove what every contact would see.
	if (http) {
		await http.call('PATCH', '/items/portal_settings', { body: { parent_visibility: parentVisibility ?? true } });
		await cleanUpShared(http, seeds);
	}
	if (http?.profiling) {
		const top = [...http.profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
		console.log(
			`Time by request shape:\n${top.map(([shape, { count, ms }]) => `${String(ms).padStart(8)} ms ${String(count).padStart(6)} × ${shape}`).join('\n')}`,
		);
	}
	const contacts = stats.reduce((sum, world) => sum + world.withLogin, 0);
	const signedIn = stats.reduce((sum, world) => sum + world.signedIn, 0);
	const writes = stats.reduce((sum, world) => sum + world.writes, 0);
	if (log.count() > 0) {
		const file = join(tmpdir(), `portal-leak-oracle-${seeds[0]}.json`);
		writeFileSync(file, JSON.stringify({ seeds, stats, differences: log.differences }, null, '\t'));
		console.log(
			`${log.format()}\n\nFull report: ${file}\nSeed(s): ${seeds.join(', ')} (replay one with PORTAL_ORACLE_SEED=<seed>)`,
		);
	}
	console.log(
		`Leak oracle summary: ${stats.length} world(s), ${contacts} contacts with a login (${signedIn} signed in), ${writes} writes, ` +
			`${http?.requests ?? 0} requests (${http?.retriedUnderPressure ?? 0} sent again after 503 Under pressure), ${log.count()} difference(s) (${log.count('leak')} leak(s)) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
	);
});

describe('The leak oracle', () => {
	test.each(seeds)(
		'World of seed %i: every contact reads and writes exactly what the access model allows',
		async (seed) => {
			const before = log.count();
			stats.push(await checkWorld(http, log, seed, options));
			const found = log.printSince(before, seed);
			expect(found, `differences in the world of seed ${seed} (replay with PORTAL_ORACLE_SEED=${seed})`).toBe(0);
		},
		600_000,
	);
});
