/**
 * `npm run doctor`: asks a running Directus for the portal doctor's findings and prints them with their
 * fixes; exits 1 while any is critical (the portal is then closed). Reaches the server at DIRECTUS_URL
 * (default http://localhost:8055) with DIRECTUS_TOKEN, or with the admin login `npm start` keeps in .data/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from './lib/admin-client.ts';
import { projectRoot } from './lib/directus-instance.ts';

interface Finding {
	severity: 'critical' | 'warning';
	problem: string;
	fix: string;
}

const url = (process.env['DIRECTUS_URL'] ?? `http://localhost:${process.env['PORT'] ?? 8055}`).replace(/\/+$/, '');

async function token(): Promise<string> {
	if (process.env['DIRECTUS_TOKEN']) return process.env['DIRECTUS_TOKEN'];
	const configFile = join(process.env['PORTAL_DATA_DIR'] ?? join(projectRoot, '.data'), 'config.json');
	if (!existsSync(configFile))
		throw new Error(`Set DIRECTUS_TOKEN to a staff user's token (no ${configFile} to take the demo admin from).`);
	const { admin } = JSON.parse(readFileSync(configFile, 'utf8')) as { admin: { email: string; password: string } };
	const client = await signIn(url, admin.email, admin.password);
	return (await client.getToken()) ?? '';
}

try {
	const response = await fetch(`${url}/portal/api/doctor`, { headers: { Authorization: `Bearer ${await token()}` } });
	if (!response.ok) throw new Error(`${url}/portal/api/doctor answered ${response.status}: ${await response.text()}`);
	const { data } = (await response.json()) as {
		data: { open: boolean; checked_at: string | null; findings: Finding[] };
	};
	console.log(
		`Customer Portal doctor at ${url} (checked ${data.checked_at ?? 'never'}): the portal is ${data.open ? 'open' : 'CLOSED'}.`,
	);
	for (const finding of data.findings)
		console.log(
			`\n${finding.severity === 'critical' ? '✗ critical' : '! warning'}  ${finding.problem}\n  Fix: ${finding.fix}`,
		);
	if (data.findings.length === 0) console.log('✓ Nothing unsafe found.');
	process.exit(data.open ? 0 : 1);
} catch (error) {
	console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
	process.exit(2);
}
