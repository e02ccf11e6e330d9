/**
 * Runs write probes as the contact and holds Directus to the reference model's verdict: an allowed
 * write must succeed and store the pinned values (author_contact, decided_by, is_internal = false, the
 * default priority, …); a refused one must answer 4xx and change nothing, which the admin checks by
 * reading before and after. A refused write that took effect is undone where possible, so later probes
 * work on the world the model knows.
 */
import { dataOf, errorCodeOf, type HttpAnswer } from './oracle-http.ts';
import { type OracleContext, report } from './oracle-context.ts';
import { type Expected, judgeWrite, keyOf, type WriteVerdict } from './reference-model.ts';
import { buildProbe, type Observation, type ProbeEnv, probeNames, type WriteAttempt } from './write-probes.ts';
import type { World } from './world.ts';
import { writeOnMap } from './on-map.ts';

/** Fields whose wrong value is a breach, not just a difference: who wrote it, for whom, and whether staff only. */
const securityFields = new Set([
	'is_internal',
	'author_contact',
	'reported_by_contact',
	'decided_by',
	'customer',
	'contact',
	'created_by_contact',
	'role',
	'policies',
	'admin_password',
]);
/** Fields Directus itself maintains; a refused write never touches them, an allowed one always does. */
const bookkeeping = new Set(['date_updated', 'user_updated', 'last_access', 'last_page']);

type Observed =
	| { kind: 'row'; row: Record<string, unknown> | null }
	| { kind: 'created'; rows: Record<string, unknown>[] }
	| { kind: 'count'; count: number };

async function observe(context: OracleContext, observation: Observation): Promise<Observed> {
	const answer = await context.http.call('GET', observation.path);
	if (observation.kind === 'row')
		return {
			kind: 'row',
			row: answer.status === 200 ? (dataOf<Record<string, unknown> | null>(answer) ?? null) : null,
		};
	if (answer.status !== 200)
		throw new Error(`Admin GET ${observation.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
	const rows = dataOf<Record<string, unknown>[]>(answer);
	if (observation.kind === 'created') return { kind: 'created', rows };
	const count = rows[0]?.['count'];
	return {
		kind: 'count',
		count: Number(typeof count === 'object' && count !== null ? Object.values(count)[0] : count),
	};
}

function sameValue(actual: unknown, expected: unknown): boolean {
	if ((actual === null || actual === undefined) && (expected === null || expected === undefined)) return true;
	if (actual === null || actual === undefined || expected === null || expected === undefined) return false;
	if (typeof actual === 'object' || typeof expected === 'object')
		return JSON.stringify(actual) === JSON.stringify(expected);
	if (String(actual) === String(expected)) return true;
	const [a, b] = [Number(actual), Number(expected)];
	return Number.isFinite(a) && Number.isFinite(b) && a === b;
}

function meets(actual: unknown, expected: Expected): boolean {
	if (expected.kind === 'value') return sameValue(actual, expected.value);
	if (expected.kind === 'one-of') return expected.values.some((value) => sameValue(actual, value));
	return typeof actual === 'string' && Math.abs(Date.parse(actual) - Date.now()) < 10 * 60_000;
}

function describeExpected(expected: Expected): string {
	return expected.kind === 'value'
		? JSON.stringify(expected.value)
		: expected.kind === 'one-of'
			? `one of ${JSON.stringify(expected.values)}`
			: 'about now';
}

/** What changed between two observations, or null when nothing did. */
function changeOf(before: Observed, after: Observed): string | null {
	if (before.kind === 'count' && after.kind === 'count')
		return before.count === after.count ? null : `count ${before.count} → ${after.count}`;
	if (after.kind === 'created')
		return after.rows.length === 0
			? null
			: `created ${after.rows.length} row(s) ${after.rows.map((row) => keyOf(row['id'] as string)).join(', ')}`;
	if (before.kind === 'row' && after.kind === 'row') {
		if (before.row === null && after.row === null) return null;
		if (after.row === null) return 'the row is gone';
		if (before.row === null) return 'the row appeared';
		const fields = [...new Set([...Object.keys(before.row), ...Object.keys(after.row)])].filter(
			(field) => !bookkeeping.has(field),
		);
		const changed = fields.filter(
			(field) => JSON.stringify(before.row?.[field]) !== JSON.stringify(after.row?.[field]),
		);
		return changed.length === 0
			? null
			: changed
					.map((field) => `${field}: ${JSON.stringify(before.row?.[field])} → ${JSON.stringify(after.row?.[field])}`)
					.join(', ');
	}
	return null;
}

/** The stored row a successful write produced: the updated row, or the single row created. */
function storedRow(after: Observed): Record<string, unknown> | null {
	if (after.kind === 'row') return after.row;
	if (after.kind === 'created' && after.rows.length === 1) return after.rows[0] ?? null;
	return null;
}

function mismatches(expect: Record<string, Expected>, row: Record<string, unknown>): { field: string; text: string }[] {
	return Object.entries(expect)
		.filter(([field, expected]) => !meets(row[field], expected))
		.map(([field, expected]) => ({
			field,
			text: `${field} = ${JSON.stringify(row[field])} (expected ${describeExpected(expected)})`,
		}));
}

function statusText(answer: HttpAnswer): string {
	return `${answer.status}${errorCodeOf(answer) ? ` ${errorCodeOf(answer)}` : ''}`;
}

/** Undoes a write that should not have happened, as far as the admin can. */
async function undo(context: OracleContext, attempt: WriteAttempt, before: Observed, after: Observed): Promise<void> {
	const match = /^\/items\/([a-z_]+)/.exec(attempt.observe.path);
	const collection = match?.[1];
	if (!collection) return;
	if (after.kind === 'created') {
		for (const row of after.rows)
			await context.http.call('DELETE', `/items/${collection}/${keyOf(row['id'] as string)}`);
	} else if (before.kind === 'row' && after.kind === 'row' && before.row && after.row) {
		const restore = Object.fromEntries(
			Object.entries(before.row).filter(
				([field, value]) =>
					!bookkeeping.has(field) &&
					!Array.isArray(value) &&
					JSON.stringify(value) !== JSON.stringify(after.row?.[field]),
			),
		);
		const path = attempt.observe.path.split('?')[0] ?? attempt.observe.path;
		if (Object.keys(restore).length > 0) await context.http.call('PATCH', path, { body: restore });
	}
}

/** Keeps the model's world in step with writes that rightly happened (a decided quote stays decided). */
function remember(world: World, attempt: WriteAttempt, after: Observed): void {
	if (attempt.request.action !== 'update' || after.kind !== 'row' || !after.row) return;
	const rows = (world as unknown as Record<string, unknown>)[attempt.request.collection];
	if (!Array.isArray(rows)) return;
	const row = (rows as Record<string, unknown>[]).find(
		(candidate) => keyOf(candidate['id'] as string) === keyOf(attempt.request.id ?? ''),
	);
	if (!row) return;
	for (const field of Object.keys(row)) if (field in after.row && field !== 'id') row[field] = after.row[field];
}

async function send(context: OracleContext, attempt: WriteAttempt): Promise<HttpAnswer> {
	const token = context.session.token;
	if (attempt.form) return context.http.call(attempt.method, attempt.path, { token, form: attempt.form() });
	return context.http.call(attempt.method, attempt.path, {
		token,
		...(attempt.body === undefined ? {} : { body: attempt.body }),
	});
}

function judge(
	context: OracleContext,
	attempt: WriteAttempt,
	verdict: WriteVerdict,
	answer: HttpAnswer,
	before: Observed,
	after: Observed,
): boolean {
	const request = `${attempt.method} ${attempt.path}${attempt.form ? ' (multipart)' : attempt.body === undefined ? '' : ` ${JSON.stringify(attempt.body)}`} [${attempt.name}]`;
	const succeeded = answer.status >= 200 && answer.status < 300;
	const change = changeOf(before, after);
	if (verdict.outcome === 'allowed') {
		if (!succeeded) {
			report(
				context,
				'deviation',
				'write',
				request,
				'allowed: 2xx',
				`${statusText(answer)} ${answer.text.slice(0, 200)}`,
			);
			return false;
		}
		const row = storedRow(after);
		if (!row) {
			report(context, 'deviation', 'write', request, 'allowed: one row written', change ?? 'nothing written');
			return false;
		}
		const wrong = mismatches(verdict.expect, row);
		if (wrong.length > 0)
			report(
				context,
				wrong.some(({ field }) => securityFields.has(field)) ? 'leak' : 'deviation',
				'write',
				request,
				'allowed, stored as pinned',
				wrong.map(({ text }) => text).join('; '),
			);
		return false;
	}
	if (verdict.outcome === 'refused') {
		if (change !== null) {
			report(
				context,
				'leak',
				'write',
				request,
				`refused (${verdict.reason}): 4xx, nothing changed`,
				`${statusText(answer)}; ${change}`,
			);
			return true;
		}
		if (succeeded)
			report(
				context,
				'deviation',
				'write',
				request,
				`refused (${verdict.reason}): 4xx`,
				`${statusText(answer)}, though nothing changed`,
			);
		else if (answer.status >= 500)
			report(
				context,
				'deviation',
				'write',
				request,
				`refused (${verdict.reason}): 4xx`,
				`${statusText(answer)} ${answer.text.slice(0, 200)}`,
			);
		return false;
	}
	// refused-or-coerced
	if (change === null) {
		if (answer.status >= 500 || succeeded)
			report(
				context,
				'deviation',
				'write',
				request,
				`refused (4xx) or stored with pinned values (${verdict.reason})`,
				`${statusText(answer)}, nothing changed`,
			);
		return false;
	}
	const row = storedRow(after);
	const wrong = row ? mismatches(verdict.expect, row) : [{ field: '(row)', text: change }];
	if (!succeeded || wrong.length > 0) {
		report(
			context,
			'leak',
			'write',
			request,
			`refused (4xx) or stored with pinned values (${verdict.reason})`,
			`${statusText(answer)}; ${wrong.map(({ text }) => text).join('; ')}`,
		);
		return true;
	}
	return false;
}

/** The model's verdict on a write; on a data map, as far as the map has its object and fields (null: not askable). */
function verdictOf(context: OracleContext, attempt: WriteAttempt): WriteVerdict | null {
	const { seeded, access } = context.session;
	const verdict = judgeWrite(seeded.world, access, attempt.request);
	const map = context.http.map;
	return map ? writeOnMap(map, attempt.request, verdict) : verdict;
}

/** Writes attempted, by the model's verdict and by what Directus answered. */
export interface WriteTally {
	allowed: number;
	allowedSucceeded: number;
	refused: number;
	refusedWith4xx: number;
	coercible: number;
}

export function emptyTally(): WriteTally {
	return { allowed: 0, allowedSucceeded: 0, refused: 0, refusedWith4xx: 0, coercible: 0 };
}

/** Attempts up to `count` writes as the contact (a random sample of the probes with a target in this world). */
export async function checkWrites(
	context: OracleContext,
	count: number,
	options: { url: string; marker: () => string; tally: WriteTally; only?: readonly string[] },
): Promise<number> {
	const { session, random } = context;
	const env: ProbeEnv = {
		world: session.seeded.world,
		seeded: session.seeded,
		access: session.access,
		random,
		marker: options.marker,
		url: options.url,
	};
	// Every probe with a target in this world, judged first, then half allowed (where the contact may
	// write at all) and half refused, so both sides of each rule get exercised.
	const candidates = random
		.shuffle(options.only ?? probeNames)
		.map((name) => buildProbe(name, env))
		.filter((attempt): attempt is WriteAttempt => attempt !== undefined)
		.flatMap((attempt) => {
			const verdict = verdictOf(context, attempt);
			return verdict ? [{ attempt, verdict }] : [];
		});
	const permitted = candidates.filter(({ verdict }) => verdict.outcome !== 'refused');
	const denied = candidates.filter(({ verdict }) => verdict.outcome === 'refused');
	const fromPermitted = Math.min(permitted.length, Math.ceil(count / 2));
	const attempts = [...permitted.slice(0, fromPermitted), ...denied.slice(0, count - fromPermitted)].map(
		({ attempt }) => attempt,
	);
	attempts.sort((a, b) => Number(a.last ?? false) - Number(b.last ?? false));
	for (const attempt of attempts) {
		const verdict = verdictOf(context, attempt) as WriteVerdict;
		const before = await observe(context, attempt.observe);
		const answer = await send(context, attempt);
		// Action hooks run after Directus answers; let them land before looking.
		await new Promise((done) => setTimeout(done, 30));
		const after = await observe(context, attempt.observe);
		const { tally } = options;
		const succeeded = answer.status >= 200 && answer.status < 300;
		if (verdict.outcome === 'allowed') {
			tally.allowed++;
			if (succeeded) tally.allowedSucceeded++;
		} else if (verdict.outcome === 'refused') {
			tally.refused++;
			if (answer.status >= 400 && answer.status < 500) tally.refusedWith4xx++;
		} else tally.coercible++;
		const wrong = judge(context, attempt, verdict, answer, before, after);
		if (wrong) await undo(context, attempt, before, after);
		else if (succeeded) remember(session.seeded.world as World, attempt, after);
	}
	return attempts.length;
}
