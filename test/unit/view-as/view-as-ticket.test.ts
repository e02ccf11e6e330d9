import { describe, expect, test } from 'vitest';
import { issueViewAsTicket, readViewAsTicket, viewAsLifetimeMinutes } from '../../../src/view-as/view-as-ticket.ts';

const secret = 'a-long-random-secret-for-tests';
const staff = '7c3a1f0e-0000-4000-8000-000000000001';

describe('View as tickets', () => {
	test('Read back what they were issued with, until they expire', () => {
		const now = new Date('2026-11-29T10:00:00Z');
		const { ticket, expiresAt } = issueViewAsTicket(secret, staff, 42, now);
		expect(expiresAt.getTime() - now.getTime()).toBe(viewAsLifetimeMinutes * 60_000);
		expect(readViewAsTicket(secret, ticket, now)).toEqual({ staff, contact: 42, expires: expiresAt.getTime() / 1000 });
		expect(readViewAsTicket(secret, ticket, new Date(expiresAt.getTime() - 1000))).not.toBeNull();
		expect(readViewAsTicket(secret, ticket, expiresAt)).toBeNull();
	});

	test('Carry a contact key that is a uuid', () => {
		const contact = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const { ticket } = issueViewAsTicket(secret, staff, contact);
		expect(readViewAsTicket(secret, ticket)?.contact).toBe(contact);
	});

	test('Differ each time, even for the same contact in the same second', () => {
		const now = new Date();
		expect(issueViewAsTicket(secret, staff, 1, now).ticket).not.toBe(issueViewAsTicket(secret, staff, 1, now).ticket);
	});

	test('Are refused when signed with another secret or changed in any way', () => {
		const { ticket } = issueViewAsTicket(secret, staff, 42);
		const [payload, signature] = ticket.split('.') as [string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
		const reencode = (changes: Record<string, unknown>) =>
			`${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
		expect(readViewAsTicket('another-secret', ticket)).toBeNull();
		for (const changed of [
			reencode({ c: 43 }),
			reencode({ s: 'someone-else' }),
			reencode({ e: Number(claims['e']) + 60 }),
		])
			expect(readViewAsTicket(secret, changed)).toBeNull();
		const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
		for (const bad of [
			`${payload}.${flipped}`,
			payload,
			`${payload}.`,
			`.${signature}`,
			`${ticket}.x`,
			'',
			'x'.repeat(2000),
		])
			expect(readViewAsTicket(secret, bad)).toBeNull();
	});

	test('Are refused when correctly signed but not shaped like a ticket', async () => {
		const { createHmac } = await import('node:crypto');
		const key = createHmac('sha256', secret).update('customer-portal view-as ticket v1').digest();
		const sign = (claims: unknown) => {
			const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
			return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
		};
		const future = Math.floor(Date.now() / 1000) + 600;
		expect(readViewAsTicket(secret, sign({ s: staff, c: 42, e: future }))).not.toBeNull();
		for (const claims of [
			{ s: staff, c: '42', e: future },
			{ s: 1, c: 42, e: future },
			{ s: staff, c: 42 },
			{ s: staff, c: 1.5, e: future },
			{ s: staff, c: 0, e: future },
			{ s: staff, c: 'not-a-uuid', e: future },
			{ s: staff, c: { id: 42 }, e: future },
			null,
			[1, 2],
		]) {
			expect(readViewAsTicket(secret, sign(claims))).toBeNull();
		}
	});
});
