/**
 * `npm test`: builds the bundle, type-checks (vue-tsc, so the Vue components too), lints (ESLint and Prettier, as `npm run lint`; `npm run format` fixes
 * what it can), then runs vitest.
 *
 * `PORTAL_TEST_DB` names the database of the tests that boot Directus: `sqlite` (the default) or `postgres`.
 * A list, `PORTAL_TEST_DB=sqlite,postgres` (what CI runs), runs the unit and component tests once, then the
 * Directus tests once per database, side by side: each lane boots its own Directus on its own database and
 * spends most of its time waiting on it (every sign-in lasts LOGIN_STALL_TIME, restarts, mail), so two lanes
 * on two cores finish in little more than the time of one. Each lane's lines are prefixed with its database.
 * Arguments go to vitest (`npm test -- test/integration/team.test.ts`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { projectRoot } from './lib/directus-instance.ts';

const databases = (process.env['PORTAL_TEST_DB'] ?? 'sqlite').split(',').map((name) => name.trim());
for (const database of databases) {
	if (database !== 'sqlite' && database !== 'postgres') {
		console.error(`✗ PORTAL_TEST_DB must be sqlite, postgres or both separated by a comma, not "${database}".`);
		process.exit(64);
	}
}
const vitest = join(projectRoot, 'node_modules/.bin/vitest');
const args = process.argv.slice(2);

function runInOrder(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs vitest for one database, its output prefixed; resolves to its exit code and duration. */
function runLane(database: string, laneArgs: string[]): Promise<{ database: string; code: number; seconds: number }> {
	const started = Date.now();
	const child = spawn(vitest, ['run', ...laneArgs], {
		cwd: projectRoot,
		// Both lanes named: a file that runs once (test/lanes.ts) runs in its own lane only.
		env: { ...process.env, PORTAL_TEST_DB: database, PORTAL_TEST_LANES: databases.join(',') },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const prefix = `[${database}] `;
	for (const stream of [child.stdout, child.stderr]) {
		createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
	}
	return new Promise((settle) =>
		child.once('close', (code) =>
			settle({ database, code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) }),
		),
	);
}

runInOrder(process.execPath, [join(projectRoot, 'scripts/build.ts')]);
console.log('› Type-checking, Vue components too');
runInOrder(join(projectRoot, 'node_modules/.bin/vue-tsc'), ['--noEmit', '-p', '.']);
console.log('› Linting (npm run format fixes most findings)');
runInOrder(join(projectRoot, 'node_modules/.bin/eslint'), ['.']);
runInOrder(join(projectRoot, 'node_modules/.bin/prettier'), ['--check', '--log-level', 'warn', '.']);

if (databases.length === 1) {
	runInOrder(vitest, ['run', ...args], { ...process.env, PORTAL_TEST_DB: databases[0] });
	process.exit(0);
}

let laneArgs = args;
if (args.length === 0) {
	console.log('› Unit and component tests');
	runInOrder(vitest, ['run', '--project', 'unit', '--project', 'components']);
	laneArgs = ['--project', 'integration'];
}
console.log(`› Directus tests on ${databases.join(' and ')}, side by side`);
const lanes = await Promise.all(databases.map((database) => runLane(database, laneArgs)));
for (const lane of lanes)
	console.log(
		`${lane.code === 0 ? '✓' : '✗'} ${lane.database}: ${lane.code === 0 ? 'passed' : 'failed'} in ${lane.seconds} s`,
	);
process.exit(lanes.every((lane) => lane.code === 0) ? 0 : 1);
