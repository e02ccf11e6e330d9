/**
 * What every check of the leak oracle works with: the HTTP client, the difference log, the contact
 * being checked (signed in) with what the reference model says of them, and a seeded random source
 * so that the sample of probes is the same on a replay.
 */
import type { DifferenceLog, Severity } from './difference-log.ts';
import type { OracleHttp } from './oracle-http.ts';
import type { Random } from '../support/random.ts';
import {
	type ContactAccess,
	keyOf,
	type Readable,
	type ReadableCollection,
	readableCollections,
} from './reference-model.ts';
import type { SeededWorld } from './seed-world.ts';

export interface ContactSession {
	seeded: SeededWorld;
	access: ContactAccess;
	token: string;
	signedInWith: 'password' | 'static token';
	/** The contact, their e-mail, group and effective permissions, for reports. */
	who: string;
}

export interface OracleContext {
	http: OracleHttp;
	log: DifferenceLog;
	session: ContactSession;
	random: Random;
}

const nothing: Readable = { ids: new Set(), fields: new Set(), tolerated: new Map() };

/** What the contact may read of any collection; nothing for collections outside the model's list. */
export function readableOf(access: ContactAccess, collection: string): Readable {
	return (readableCollections as readonly string[]).includes(collection)
		? access.reads[collection as ReadableCollection]
		: nothing;
}

/**
 * Records one difference for the context's contact. `once` names a deviation that shows the same way on
 * every request of many contacts (an extra field, say): it is recorded once per world, then counted.
 */
export function report(
	context: OracleContext,
	severity: Severity,
	check: string,
	request: string,
	expected: string,
	got: string,
	once?: string,
): void {
	const { seeded, who } = context.session;
	const key = once === undefined ? undefined : `${seeded.local.seed}|${once}`;
	context.log.add({ severity, seed: seeded.local.seed, who, check, request, expected, got }, key);
}

/** A call as the contact. */
export function asContact(context: OracleContext, method: string, path: string, body?: unknown) {
	return context.http.call(method, path, { token: context.session.token, ...(body === undefined ? {} : { body }) });
}

/** A short list of ids for a report. */
export function listIds(ids: Iterable<unknown>, max = 12): string {
	const all = [...ids].map((id) => keyOf(id as string));
	return all.length <= max ? `[${all.join(', ')}]` : `[${all.slice(0, max).join(', ')}, … ${all.length - max} more]`;
}
