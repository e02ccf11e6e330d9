import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { waitForMail } from '../../scripts/lib/mail-sink.ts';
import type { Api } from './directus-under-test.ts';
import { uniqueName } from './portal-users.ts';

const tokenIn = (text: string) => /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

/** Invites a new contact, reads the link from the mail, and sends two accepts of it at the same moment. */
export async function acceptTwiceAtOnce(call: Api, mailFolder: string): Promise<number[]> {
	const customer = (await call<{ id: number }>('POST', '/items/customers', { body: { name: uniqueName('Race') } })).body
		.data?.id;
	const email = `${randomBytes(6).toString('hex')}@race.example.com`;
	const contact = (
		await call<{ id: number }>('POST', '/items/contacts', { body: { customer, last_name: 'Racer', email } })
	).body.data?.id;
	expect((await call('POST', '/portal/api/invitations', { body: { contact } })).status).toBe(201);
	const token = tokenIn((await waitForMail(mailFolder, email)).text);
	const accepts = await Promise.all(
		['first-password-1', 'second-password-2'].map((password) =>
			call('POST', '/portal/api/invitations/accept', { token: null, body: { token, password } }),
		),
	);
	return accepts.map((response) => response.status).sort();
}
