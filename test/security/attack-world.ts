/**
 * The world the security suite attacks: customer A with a contact in the Administrator group (the most a
 * portal group gives), customer B with a contact and a ticket, a public attachment and a comment, and
 * the raw HTTP helpers an outsider would use. Staff data is made by the admin.
 */
import { request } from 'node:http';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';

export interface AttackWorld {
	customerA: number;
	customerB: number;
	/** A contact of customer A, Administrator group: every capability a portal group offers. */
	attacker: PortalContact;
	attackerToken: string;
	/** A contact of customer B, the victim. */
	victim: PortalContact;
	victimTicket: number;
	victimComment: number;
	/** A file attached publicly to B's ticket: readable by B's contacts, never by A's. */
	victimFile: string;
	attackerTicket: number;
	/** A file attached publicly to A's ticket: the attacker may read it. */
	attackerFile: string;
}

async function uploadAsAdmin(name: string, content: string): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([content], { type: 'text/plain' }), name);
	const response = await fetch(`${directusUnderTest().url}/files`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${directusUnderTest().adminToken}` },
		body: form,
	});
	const body = (await response.json()) as { data?: { id: string } };
	if (!body.data) throw new Error(`Could not upload ${name}: ${JSON.stringify(body)}`);
	return body.data.id;
}

export async function createAttackWorld(): Promise<AttackWorld> {
	const customerA = (await createRow('customers', { name: uniqueName('Attacker Ltd') })).id;
	const customerB = (await createRow('customers', { name: uniqueName('Victim Ltd') })).id;
	const attacker = await createPortalContact(customerA, 'Administrator');
	const victim = await createPortalContact(customerB, 'Administrator');
	const victimTicket = (
		await createRow('tickets', { customer: customerB, contact: victim.id, subject: uniqueName('Victim secret') })
	).id;
	const victimComment = (
		await createRow('ticket_comments', { ticket: victimTicket, body: 'Victim comment', is_internal: false })
	).id;
	const victimFile = await uploadAsAdmin('victim.txt', 'victim secret');
	await createRow('ticket_attachments', { ticket: victimTicket, file: victimFile, is_public: true });
	const attackerTicket = (
		await createRow('tickets', { customer: customerA, contact: attacker.id, subject: uniqueName('Attacker own') })
	).id;
	const attackerFile = await uploadAsAdmin('attacker.txt', 'attacker own');
	await createRow('ticket_attachments', { ticket: attackerTicket, file: attackerFile, is_public: true });
	return {
		customerA,
		customerB,
		attacker,
		attackerToken: await tokenOf(attacker),
		victim,
		victimTicket,
		victimComment,
		victimFile,
		attackerTicket,
		attackerFile,
	};
}

/** A GraphQL request to `/graphql` or `/graphql/system`. */
export async function graphql(path: '/graphql' | '/graphql/system', query: string, token: string | null) {
	return api<Record<string, unknown> | null>('POST', path, { token, body: { query } });
}

export interface RawResponse {
	status: number;
	text: string;
	headers: Record<string, string | string[] | undefined>;
}

/**
 * A request with any headers, sent from a chosen local address (all of 127.0.0.0/8 reaches Directus on
 * 127.0.0.1), so a test can be "another client" without sharing the per-address counters of the others.
 * With `chunked`, the body goes out in pieces with Transfer-Encoding: chunked and no Content-Length.
 */
export function rawRequest(
	method: string,
	path: string,
	{
		headers = {},
		body,
		localAddress,
		chunked = false,
	}: { headers?: Record<string, string>; body?: string | Buffer; localAddress?: string; chunked?: boolean } = {},
): Promise<RawResponse> {
	const url = new URL(path, directusUnderTest().url);
	const length = body === undefined || chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				method,
				hostname: url.hostname,
				port: url.port,
				path: `${url.pathname}${url.search}`,
				headers: { ...length, ...headers },
				...(localAddress ? { localAddress } : {}),
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
						headers: response.headers,
					}),
				);
				response.on('error', reject);
			},
		);
		outgoing.on('error', reject);
		const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
		const piece = chunked ? 64 * 1024 : Math.max(1, bytes.length);
		for (let offset = 0; offset < bytes.length; offset += piece) outgoing.write(bytes.subarray(offset, offset + piece));
		outgoing.end();
	});
}

/** A random local address of 127.0.0.0/8 for `rawRequest`: a client of its own, with fresh per-address counts. */
export const otherClientAddress = () =>
	`127.${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

/** Reads a row as the admin, to check an attack changed nothing. */
export async function adminRead<T>(path: string): Promise<T | undefined> {
	return (await api<T>('GET', path)).body.data;
}

/** The error code Directus or the product answered with, if any. */
export const codeOf = (response: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
	response.body.errors?.[0]?.extensions?.code;
