/**
 * The product as the npm package a Directus team installs: what `npm pack` puts in it, what its
 * package.json promises, that the built bundles need nothing but Node, Directus and declared
 * dependencies at run time, and that the Directus under test loaded it from its own node_modules.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { packBundle, projectRoot } from '../../scripts/lib/directus-instance.ts';
import { api, directusUnderTest } from '../support/directus-under-test.ts';

const execFileAsync = promisify(execFile);

interface PackageManifest {
	'name': string;
	'private'?: boolean;
	'dependencies'?: Record<string, string>;
	'peerDependencies'?: Record<string, string>;
	'peerDependenciesMeta'?: Record<string, { optional?: boolean }>;
	'devDependencies'?: Record<string, string>;
	'directus:extension': { host: string };
}

/** What Directus's extension SDK leaves out of the bundles it builds, because Directus provides it at run time. */
async function sharedDependencies(): Promise<{ api: string[]; app: string[] }> {
	const sdk = createRequire(join(projectRoot, 'node_modules/@directus/extensions-sdk/package.json'));
	const extensions = (await import(pathToFileURL(sdk.resolve('@directus/extensions')).href)) as {
		API_SHARED_DEPS: string[];
		APP_SHARED_DEPS: string[];
	};
	return { api: extensions.API_SHARED_DEPS, app: extensions.APP_SHARED_DEPS };
}

/** The package names a built module imports (static imports, re-exports and `import()`), relative paths left out. */
function bareImports(source: string): string[] {
	// From the syntax tree: a light scan (`ts.preProcessFile`) took an import written in a bundled library's comment.
	const file = ts.createSourceFile('module.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
	const specifiers: string[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
			specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
		else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] &&
			ts.isStringLiteralLike(node.arguments[0])
		)
			specifiers.push(node.arguments[0].text);
		ts.forEachChild(node, visit);
	};
	visit(file);
	const packages = specifiers
		.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/'))
		.map((specifier) =>
			specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier),
		);
	return [...new Set(packages)];
}

let packedFiles: string[];
let manifest: PackageManifest;

beforeAll(async () => {
	const { stdout } = await execFileAsync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: projectRoot,
	});
	const [report] = JSON.parse(stdout) as { files: { path: string }[] }[];
	packedFiles = report?.files.map((file) => file.path) ?? [];
	// The manifest as packed, which is what a team's npm reads.
	const packed = await execFileAsync('tar', ['-xzOf', (await packBundle()).tarball, 'package/package.json']);
	manifest = JSON.parse(packed.stdout) as PackageManifest;
});

describe('The npm package', () => {
	test('Holds the built bundle, the portal app, README and LICENSE, and nothing else', () => {
		expect(packedFiles).toEqual(
			expect.arrayContaining([
				'package.json',
				'README.md',
				'LICENSE',
				'dist/api.js',
				'dist/app.js',
				'dist/portal/index.html',
			]),
		);
		const unexpected = packedFiles.filter((path) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(path));
		expect(unexpected).toEqual([]);
	});

	test('Is public and takes Directus as its host: a peer on the tested patch range, never a dependency', () => {
		expect(manifest.private).toBeUndefined();
		expect(manifest.dependencies?.['directus']).toBeUndefined();
		// The tests run the exact Directus in devDependencies; teams may take its patch releases.
		const testedRange = `~${manifest.devDependencies?.['directus']}`;
		expect(manifest.peerDependencies?.['directus']).toBe(testedRange);
		expect(manifest['directus:extension'].host).toBe(testedRange);
		// Optional, so neither npm nor pnpm installs a second Directus where the project is Directus itself
		// (the official image); where the project depends on Directus, its version is still checked.
		expect(manifest.peerDependenciesMeta?.['directus']?.optional).toBe(true);
	});

	test('Needs at run time only Node built-ins, declared dependencies and what Directus provides to extensions', async () => {
		const shared = await sharedDependencies();
		const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
		const apiImports = bareImports(await readFile(join(projectRoot, 'dist/api.js'), 'utf8'));
		expect(apiImports.length).toBeGreaterThan(0);
		expect(
			apiImports.filter((name) => !isBuiltin(name) && !declared.includes(name) && !shared.api.includes(name)),
		).toEqual([]);
		// The studio module runs in the studio's browser, which provides Vue, its router and the SDK's composables.
		const appImports = bareImports(await readFile(join(projectRoot, 'dist/app.js'), 'utf8'));
		expect(appImports.length).toBeGreaterThan(0);
		expect(appImports.filter((name) => !shared.app.includes(name))).toEqual([]);
	});
});

describe('The package installed into the Directus under test', () => {
	test('Loads from the Directus project’s node_modules, with nothing in the extensions folder', async () => {
		const dataDir = dirname(directusUnderTest().logFile);
		const installed = JSON.parse(await readFile(join(dataDir, 'package.json'), 'utf8')) as {
			dependencies?: Record<string, string>;
		};
		expect(Object.keys(installed.dependencies ?? {})).toEqual([manifest.name]);
		expect(await readdir(join(dataDir, 'extensions'))).toEqual([]);

		const extensions = await api<
			{ meta: { source: string; folder: string }; schema: { type: string; entries?: { name: string }[] } | null }[]
		>('GET', '/extensions');
		const bundle = extensions.body.data?.find((extension) => extension.meta.folder === manifest.name);
		expect(bundle?.meta.source).toBe('module');
		expect(bundle?.schema?.type).toBe('bundle');
		expect(bundle?.schema?.entries?.map((entry) => entry.name).sort()).toEqual([
			'customer-portal',
			'portal',
			'portal-conversation-link',
			'portal-hooks',
		]);

		const health = await api('GET', '/portal/api/health', { token: null });
		expect(health.status).toBe(200);
	});
});
