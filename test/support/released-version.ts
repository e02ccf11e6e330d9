/**
 * A released version of the product, rebuilt from this repository's history for upgrade tests: the
 * commit's tree extracted with `git archive`, this project's node_modules linked in, and the bundle built
 * with that version's own build script. Built once per commit into a folder under the OS temp dir and
 * reused by later runs (the SQLite and the PostgreSQL run share it).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DatabaseConfig, projectRoot } from '../../scripts/lib/directus-instance.ts';

export interface ReleasedVersion {
	/** The full commit id the version was built from. */
	commit: string;
	/** Its package version (package.json `version`). */
	version: string;
	folder: string;
	dist: string;
	packageJson: string;
	/** Its schema snapshot for each database vendor, as its install applied them with `directus schema apply`. */
	snapshots: Record<DatabaseConfig['client'], string>;
	/** Seconds the build took in this run, or null when an earlier run's build was reused. */
	buildSeconds: number | null;
}

/** Marks a folder whose build finished: a folder without it is a build that was interrupted. */
const builtMarker = '.built';

function git(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The full id of `commit`, or an error that says how to get it when this clone does not have it. */
function resolveCommit(commit: string): string {
	const resolved = git(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`]);
	if (resolved.status === 0 && resolved.stdout) return resolved.stdout;
	const shallow = git(['rev-parse', '--is-shallow-repository']).stdout === 'true';
	throw new Error(
		`Commit ${commit} (the released version the upgrade test installs first) is not in this repository` +
			`${shallow ? ', which is a shallow clone' : ''}. Fetch the full history with \`git fetch --unshallow\` (or \`git fetch origin ${commit}\`) and run the test again.`,
	);
}

function run(command: string, args: string[], cwd: string, what: string): void {
	// The version's build script and the SDK's CLI run with the Node running this test (Directus needs 22).
	const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };
	const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(
			`${what} failed (exit ${String(result.status)}):\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`,
		);
	}
}

function describe(commit: string, folder: string, version: string, buildSeconds: number | null): ReleasedVersion {
	return {
		commit,
		version,
		folder,
		dist: join(folder, 'dist'),
		packageJson: join(folder, 'package.json'),
		snapshots: {
			sqlite3: join(folder, 'schema-snapshot/snapshot.json'),
			pg: join(folder, 'schema-snapshot/snapshot.postgres.json'),
		},
		buildSeconds,
	};
}

async function versionIn(folder: string): Promise<string> {
	return (JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Extracts `commit` and builds its bundle, or reuses an earlier build of it. Concurrent callers each build
 * in a folder of their own and the first to finish publishes it; the others use that one.
 */
export async function buildReleasedVersion(commit: string): Promise<ReleasedVersion> {
	const full = resolveCommit(commit);
	const folder = join(tmpdir(), `portal-release-${full.slice(0, 12)}`);
	if (existsSync(join(folder, builtMarker))) return describe(full, folder, await versionIn(folder), null);

	const started = Date.now();
	const work = `${folder}.building-${randomBytes(4).toString('hex')}`;
	await mkdir(work, { recursive: true });
	try {
		const archive = join(work, 'tree.tar');
		run('git', ['archive', '--format=tar', '-o', archive, full], projectRoot, `git archive ${full}`);
		run('tar', ['-xf', archive, '-C', work], work, 'Extracting the archive');
		await rm(archive);
		await symlink(join(projectRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
		run(
			process.execPath,
			[join(work, 'scripts/build.ts')],
			work,
			`Building the bundle of ${full.slice(0, 12)} with its scripts/build.ts`,
		);
		for (const required of [
			'dist/api.js',
			'dist/app.js',
			'schema-snapshot/snapshot.json',
			'schema-snapshot/snapshot.postgres.json',
		]) {
			if (!existsSync(join(work, required))) throw new Error(`The build of ${full.slice(0, 12)} has no ${required}.`);
		}
		await writeFile(join(work, builtMarker), new Date().toISOString());
		try {
			await rename(work, folder);
		} catch (error) {
			// Another run published the same commit first: use theirs.
			if (!existsSync(join(folder, builtMarker))) throw error;
			await rm(work, { recursive: true, force: true });
			return describe(full, folder, await versionIn(folder), (Date.now() - started) / 1000);
		}
	} catch (error) {
		await rm(work, { recursive: true, force: true });
		throw error;
	}
	return describe(full, folder, await versionIn(folder), (Date.now() - started) / 1000);
}

/**
 * Installs a released bundle the way that version's own harness did (its `installBundle`): a package.json
 * in Directus's working folder, and the bundle's dist/ with a trimmed package.json in
 * `<dataDir>/extensions/<package name>/`. Returns the bundle's folder.
 */
export async function installReleasedBundle(dataDir: string, released: ReleasedVersion): Promise<string> {
	const manifest = JSON.parse(await readFile(released.packageJson, 'utf8')) as {
		'name': string;
		'version': string;
		'directus:extension': unknown;
	};
	await writeFile(join(dataDir, 'package.json'), JSON.stringify({ name: 'customer-portal-data', private: true }));
	const target = join(dataDir, 'extensions', manifest.name);
	await rm(target, { recursive: true, force: true });
	await mkdir(target, { recursive: true });
	await cp(released.dist, join(target, 'dist'), { recursive: true });
	const installed = {
		'name': manifest.name,
		'version': manifest.version,
		'type': 'module',
		'directus:extension': manifest['directus:extension'],
	};
	await writeFile(join(target, 'package.json'), JSON.stringify(installed, null, '\t'));
	return target;
}
