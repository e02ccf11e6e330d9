/**
 * The benchmark's output under `bench-results/` (git-ignored): `<tickets>.json` and `<tickets>.md` for
 * the run (`<tickets>-second-schema.*` on the second help desk), and `latency.svg`, which plots every run kept there against ticket count, and this run's
 * customer_tree latency against the customers below the contact's customer.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../lib/directus-instance.ts';
import { round, type Timing } from './measure.ts';
import type { BenchSizes } from './seed.ts';

export const resultsFolder = join(projectRoot, 'bench-results');

export interface Throughput {
	requestsPerSecond: number;
	p50: number;
	p97_5: number;
	failures: number;
}

export interface BenchResult {
	date: string;
	/** The help desk measured: the bundled one, or the second (its data map saved); runs before there was a choice were bundled. */
	schema?: 'bundled' | 'second';
	machine: string;
	sizes: BenchSizes;
	seedSeconds: number;
	rounds: number;
	newest: Record<string, Timing>;
	subtree: Record<string, Timing>;
	pages: Record<string, Timing>;
	/** A ticket created, and a ticket's customer changed, by an admin through Directus; an INSERT through knex beside them. */
	ticketWrites: Record<string, Timing>;
	throughput: { admin: Throughput; portal: Throughput };
	groupEdits: Record<string, Timing>;
	subtreeMove: Timing;
	/** The doctor's every-minute checks of who holds what among portal users (`readPortalUserAccess`), with every bench portal user in place. */
	doctorAccessChecks: { portalUsers: number; timing: Timing };
	importCustomers: { count: number; seconds: number };
	invitations: { count: number; seconds: number };
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} ms`);
const ratio = (value: number | undefined, base: number | undefined) =>
	value === undefined || !base ? '–' : `${round(value / base).toFixed(2)}×`;

export function markdownOf(result: BenchResult): string {
	const { newest, pages } = result;
	const lines = [
		`Bench${result.schema === 'second' ? ' on the second help desk (organizations, people, cases; its data map saved)' : ''} at ${result.sizes.tickets.toLocaleString('en')} tickets, ${result.sizes.customers.toLocaleString('en')} customers, ${result.sizes.contacts.toLocaleString('en')} contacts, ${result.sizes.comments.toLocaleString('en')} comments (seeded in ${result.seedSeconds} s); ${result.machine}; ${result.date.slice(0, 10)}; median and p95 of ${result.rounds} rounds.`,
		'',
		'| request | median | p95 | median ÷ admin | p95 ÷ admin | median ÷ SQL |',
		'|---|---|---|---|---|---|',
		`| 25 newest tickets, admin | ${ms(newest['admin']?.median)} | ${ms(newest['admin']?.p95)} | 1.00× | 1.00× | |`,
		`| 25 newest tickets, staff user without admin access, no item rule | ${ms(newest['staff without admin']?.median)} | ${ms(newest['staff without admin']?.p95)} | ${ratio(newest['staff without admin']?.median, newest['admin']?.median)} | ${ratio(newest['staff without admin']?.p95, newest['admin']?.p95)} | |`,
	];
	for (const scope of ['own', 'customer', 'tree']) {
		lines.push(
			`| 25 newest tickets, contact with ${scope === 'tree' ? 'customer_tree (2,000 below)' : scope} scope | ${ms(newest[scope]?.median)} | ${ms(newest[scope]?.p95)} | ${ratio(newest[scope]?.median, newest['admin']?.median)} | ${ratio(newest[scope]?.p95, newest['admin']?.p95)} | ${ratio(newest[scope]?.median, newest[`sql ${scope}`]?.median)} |`,
		);
	}
	for (const page of ['ticket page', 'dashboard', 'project page']) {
		const portal = pages[`${page} tree`];
		const admin = pages[`${page} admin`];
		if (!portal || !admin) continue;
		lines.push(
			`| ${page}, customer_tree contact | ${ms(portal.median)} | ${ms(portal.p95)} | ${ratio(portal.median, admin.median)} | ${ratio(portal.p95, admin.p95)} | |`,
		);
	}
	const tree = result.subtree;
	lines.push(
		'',
		`customer_tree by customers below: ${Object.entries(tree)
			.map(([name, timing]) => `${name.replace('tree, ', '')} ${ms(timing.median)}`)
			.join(
				', ',
			)}; customer_tree (2,000 below) ÷ customer scope, same customer: ${ratio(newest['tree']?.median, newest['customer']?.median)}. What the portal's rules themselves add, median ÷ the staff user without admin access: own ${ratio(newest['own']?.median, newest['staff without admin']?.median)}, customer ${ratio(newest['customer']?.median, newest['staff without admin']?.median)}, customer_tree ${ratio(newest['tree']?.median, newest['staff without admin']?.median)}.`,
		'',
		'| operation | result |',
		'|---|---|',
		`| throughput, 32 concurrent users, admin | ${result.throughput.admin.requestsPerSecond} req/s (p50 ${result.throughput.admin.p50} ms, p97.5 ${result.throughput.admin.p97_5} ms, ${result.throughput.admin.failures} failed) |`,
		`| throughput, 32 concurrent users, portal mix | ${result.throughput.portal.requestsPerSecond} req/s (p50 ${result.throughput.portal.p50} ms, p97.5 ${result.throughput.portal.p97_5} ms, ${result.throughput.portal.failures} failed); ${ratio(result.throughput.admin.requestsPerSecond, result.throughput.portal.requestsPerSecond)} fewer than admin |`,
		`| creating a ticket through Directus, admin | median ${ms(result.ticketWrites['create admin']?.median)}, p95 ${ms(result.ticketWrites['create admin']?.p95)} (an INSERT through knex: ${ms(result.ticketWrites['create sql']?.median)}) |`,
		`| changing a ticket's customer through Directus, admin | median ${ms(result.ticketWrites['change customer admin']?.median)}, p95 ${ms(result.ticketWrites['change customer admin']?.p95)} |`,
		...Object.entries(result.groupEdits).map(
			([name, timing]) => `| group edit until enforced, ${name} | median ${ms(timing.median)}, p95 ${ms(timing.p95)} |`,
		),
		`| moving the 2,000-customer subtree | median ${ms(result.subtreeMove.median)}, p95 ${ms(result.subtreeMove.p95)} |`,
		`| the doctor's access checks, ${result.doctorAccessChecks.portalUsers.toLocaleString('en')} portal users | median ${ms(result.doctorAccessChecks.timing.median)}, p95 ${ms(result.doctorAccessChecks.timing.p95)} |`,
		`| importing ${result.importCustomers.count.toLocaleString('en')} customers through Directus | ${result.importCustomers.seconds} s |`,
		`| ${result.invitations.count.toLocaleString('en')} invitations delivered to the SMTP server | ${result.invitations.seconds} s |`,
	);
	return `${lines.join('\n')}\n`;
}

/** Writes this run's files and redraws the plot from every run in the folder; returns the paths. */
export async function writeReport(result: BenchResult): Promise<string[]> {
	await mkdir(resultsFolder, { recursive: true });
	const base = join(resultsFolder, `${result.sizes.tickets}${result.schema === 'second' ? '-second-schema' : ''}`);
	const markdown = markdownOf(result);
	await writeFile(`${base}.json`, `${JSON.stringify(result, null, '\t')}\n`);
	await writeFile(`${base}.md`, markdown);
	const runs: BenchResult[] = [];
	for (const file of (await readdir(resultsFolder)).filter((name) => name.endsWith('.json'))) {
		const run = JSON.parse(await readFile(join(resultsFolder, file), 'utf8')) as BenchResult;
		// One plot per help desk: this run's.
		if ((run.schema ?? 'bundled') === (result.schema ?? 'bundled')) runs.push(run);
	}
	const plot = join(resultsFolder, result.schema === 'second' ? 'latency-second-schema.svg' : 'latency.svg');
	await writeFile(
		plot,
		svgOf(
			runs.sort((x, y) => x.sizes.tickets - y.sizes.tickets),
			result,
		),
	);
	console.log(`\n${markdown}`);
	return [`${base}.json`, `${base}.md`, plot];
}

interface Series {
	name: string;
	color: string;
	points: [number, number][];
}

/** Two line charts side by side: median latency against ticket count (log scale), and against customers below. */
function svgOf(runs: BenchResult[], latest: BenchResult): string {
	const byTickets: Series[] = [
		{ name: 'admin', color: '#888', points: runs.map((run) => [run.sizes.tickets, run.newest['admin']?.median ?? 0]) },
		{ name: 'own', color: '#2ECDA7', points: runs.map((run) => [run.sizes.tickets, run.newest['own']?.median ?? 0]) },
		{
			name: 'customer',
			color: '#FFA439',
			points: runs.map((run) => [run.sizes.tickets, run.newest['customer']?.median ?? 0]),
		},
		{
			name: 'customer_tree',
			color: '#6644FF',
			points: runs.map((run) => [run.sizes.tickets, run.newest['tree']?.median ?? 0]),
		},
		{
			name: 'SQL tree',
			color: '#E35169',
			points: runs.map((run) => [run.sizes.tickets, run.newest['sql tree']?.median ?? 0]),
		},
	];
	const below = (name: string) => Number(/(\d+) below/.exec(name)?.[1] ?? 0);
	const bySubtree: Series[] = [
		{
			name: 'customer_tree',
			color: '#6644FF',
			points: Object.entries(latest.subtree)
				.map(([name, timing]) => [below(name), timing.median] as [number, number])
				.sort((x, y) => x[0] - y[0]),
		},
	];
	return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="360" font-family="sans-serif" font-size="12">
<rect width="960" height="360" fill="white"/>
${chart(byTickets, { x: 0, title: '25 newest tickets: median ms by ticket count', log: true })}
${chart(bySubtree, { x: 480, title: `customer_tree at ${latest.sizes.tickets.toLocaleString('en')} tickets: median ms by customers below`, log: false })}
</svg>
`;
}

function chart(series: Series[], { x, title, log }: { x: number; title: string; log: boolean }): string {
	const [left, top, width, height] = [x + 50, 40, 380, 260];
	const xs = series.flatMap((line) => line.points.map((point) => point[0]));
	const ys = series.flatMap((line) => line.points.map((point) => point[1]));
	const scaleX = (value: number) => {
		const [min, max] = log ? [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))] : [0, Math.max(...xs)];
		const position = log ? Math.log10(value) : value;
		return left + (max === min ? width / 2 : ((position - min) / (max - min)) * width);
	};
	const maxY = Math.max(1, ...ys) * 1.1;
	const scaleY = (value: number) => top + height - (value / maxY) * height;
	const parts = [
		`<text x="${x + 20}" y="20" font-weight="bold">${title}</text>`,
		`<line x1="${left}" y1="${top + height}" x2="${left + width}" y2="${top + height}" stroke="#333"/>`,
		`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + height}" stroke="#333"/>`,
		`<text x="${left - 8}" y="${top + 4}" text-anchor="end">${maxY.toFixed(0)}</text>`,
		`<text x="${left - 8}" y="${top + height}" text-anchor="end">0</text>`,
		...[...new Set(xs)].map(
			(value) =>
				`<text x="${scaleX(value)}" y="${top + height + 16}" text-anchor="middle">${value.toLocaleString('en')}</text>`,
		),
	];
	series.forEach((line, index) => {
		const path = line.points.map(([px, py]) => `${scaleX(px).toFixed(1)},${scaleY(py).toFixed(1)}`).join(' ');
		parts.push(`<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${path}"/>`);
		for (const [px, py] of line.points)
			parts.push(`<circle cx="${scaleX(px).toFixed(1)}" cy="${scaleY(py).toFixed(1)}" r="3" fill="${line.color}"/>`);
		parts.push(`<text x="${left + 10}" y="${top + 14 + index * 14}" fill="${line.color}">${line.name}</text>`);
	});
	return parts.join('\n');
}
