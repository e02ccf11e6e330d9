/**
 * The portal doctor against a real Directus: a permission added by hand to a portal policy, or to
 * public access, or a policy the portal does not manage attached to a portal user or the portal role,
 * closes the portal — routes answer 503 and portal users cannot sign in — until it is removed. Portal
 * access written straight into the database, behind the product's back, is brought in line with the
 * contacts. Staff read the findings; nobody else does.
 */
import { describe, expect, test } from 'vitest';
import { api, createRow, directDatabase } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';

interface Doctor {
	open: boolean;
	findings: { id: string; severity: string; problem: string; fix: string }[];
}

const doctor = async () => (await api<Doctor>('GET', '/portal/api/doctor')).body.data;

async function policyOf(group: string): Promise<string> {
	const response = await api<{ policy: string }[]>(
		'GET',
		`/items/portal_groups?filter[name][_eq]=${encodeURIComponent(group)}&fields=policy`,
	);
	return response.body.data?.[0]?.policy ?? '';
}

describe('The portal doctor', () => {
	test('Finds nothing wrong with the installation the tests run', async () => {
		const result = await doctor();
		expect(result?.findings.filter((finding) => finding.severity === 'critical')).toEqual([]);
		expect(result?.open).toBe(true);
		expect((await api<{ status: string }>('GET', '/portal/api/health', { token: null })).body['status']).toBe('ok');
	});

	test('Puts back a portal policy changed by hand', async () => {
		const basic = await policyOf('Basic');
		const added = await api<{ id: number }>('POST', '/permissions', {
			body: { policy: basic, collection: 'invoices', action: 'read', fields: ['*'], permissions: {} },
		});
		expect(added.status).toBe(200);
		await eventually(async () => {
			const rows = await api<{ id: number }[]>(
				'GET',
				`/permissions?filter[policy][_eq]=${basic}&filter[collection][_eq]=invoices&fields=id`,
			);
			expect(rows.body.data).toEqual([]);
		});
		await eventually(async () => {
			expect((await doctor())?.open).toBe(true);
		});
	});

	test('GHSA-7h45-q5jx-7r87: takes away a share permission added by hand to a portal policy', async () => {
		const manager = await policyOf('Manager');
		const added = await api<{ id: number }>('POST', '/permissions', {
			body: { policy: manager, collection: 'directus_shares', action: 'update', fields: ['role'], permissions: {} },
		});
		expect(added.status).toBe(200);
		await eventually(async () => {
			const rows = await api<{ collection: string; action: string }[]>(
				'GET',
				`/permissions?filter[policy][_eq]=${manager}&filter[collection][_starts_with]=directus_&fields=collection,action`,
			);
			expect(rows.body.data?.map((row) => `${row.collection}:${row.action}`).sort()).toEqual([
				'directus_files:read',
				'directus_users:read',
				'directus_users:update',
			]);
		});
		// The doctor looks again after putting the rows back; its verdict follows a moment after the rows.
		await eventually(async () => {
			expect((await doctor())?.findings.filter((finding) => finding.id.startsWith('policy-system:'))).toEqual([]);
		});
	});

	test('Closes the portal while public access grants what the access mode does not ask for', async () => {
		const publicPolicies = await api<{ policy: string }[]>(
			'GET',
			'/access?filter[role][_null]=true&filter[user][_null]=true&fields=policy',
		);
		const settings = await api<{ public_policy: string }>('GET', '/items/portal_settings?fields=public_policy');
		const other = publicPolicies.body.data
			?.map((row) => row.policy)
			.find((policy) => policy !== settings.body.data?.public_policy);
		expect(other).toBeDefined();
		const customer = (await createRow('customers', { name: uniqueName('Doctor') })).id;
		const contact = await createPortalContact(customer, 'Basic');
		const token = await tokenOf(contact);
		const added = await api<{ id: number }>('POST', '/permissions', {
			body: { policy: other, collection: 'contacts', action: 'read', fields: ['email'] },
		});
		try {
			await eventually(async () =>
				expect((await doctor())?.findings.map((finding) => finding.id)).toContain(`policy-foreign:${other}`),
			);
			expect((await doctor())?.open).toBe(false);
			const closed = await api('GET', '/portal/api/me', { token });
			expect(closed.status).toBe(503);
			expect(closed.body.errors?.[0]?.extensions?.code).toBe('PORTAL_CLOSED');
			expect((await signIn(contact)).status).toBe(503);
			expect((await api<{ status: string }>('GET', '/portal/api/health', { token: null })).body['status']).toBe(
				'closed',
			);
			// Staff still reach the doctor, to fix it.
			expect((await api('GET', '/portal/api/doctor')).status).toBe(200);
		} finally {
			await api('DELETE', `/permissions/${added.body.data?.id}`);
		}
		await eventually(async () => expect((await doctor())?.open).toBe(true));
		expect((await signIn(contact)).status).toBe(200);
	});

	test('Closes the portal while a policy it does not manage reaches portal users, through a login or the portal role', async () => {
		const customer = (await createRow('customers', { name: uniqueName('Doctor foreign') })).id;
		const contact = await createPortalContact(customer, 'Basic');
		const settings = (await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role')).body.data;
		const granting =
			(
				await api<{ id: string }>('POST', '/policies', {
					body: { name: uniqueName('Foreign'), app_access: false, admin_access: false },
				})
			).body.data?.id ?? '';
		const empty =
			(
				await api<{ id: string }>('POST', '/policies', {
					body: { name: uniqueName('Empty'), app_access: false, admin_access: false },
				})
			).body.data?.id ?? '';
		expect(
			(
				await api('POST', '/permissions', {
					body: { policy: granting, collection: 'customers', action: 'read', fields: ['*'], permissions: {} },
				})
			).status,
		).toBe(200);
		const foreignFindings = async () =>
			(await doctor())?.findings.map((finding) => finding.id).filter((id) => id.startsWith('policy-foreign:'));
		try {
			for (const holder of [{ user: contact.userId }, { role: settings?.portal_role }]) {
				const attached = await api<{ id: string }[]>('POST', '/access', {
					body: [
						{ ...holder, policy: granting },
						{ ...holder, policy: empty },
					],
				});
				expect(attached.status).toBe(200);
				// One that grants nothing is no finding; one that grants something closes the portal.
				await eventually(async () => expect(await foreignFindings()).toEqual([`policy-foreign:${granting}`]));
				expect((await doctor())?.open).toBe(false);
				expect((await signIn(contact)).status).toBe(503);
				expect((await api('DELETE', '/access', { body: attached.body.data?.map((row) => row.id) })).status).toBe(204);
				await eventually(async () => expect(await foreignFindings()).toEqual([]));
			}
		} finally {
			await api('DELETE', '/policies', { body: [granting, empty] });
		}
		await eventually(async () => expect((await doctor())?.open).toBe(true));
		expect((await signIn(contact)).status).toBe(200);
	});

	test('Takes a group’s policy from a suspended contact’s login and the portal role, and gives it back to an active one', async () => {
		const db = directDatabase();
		try {
			const customer = (await createRow('customers', { name: uniqueName('Doctor access') })).id;
			const suspended = await createPortalContact(customer, 'Manager', { login_suspended: true });
			const active = await createPortalContact(customer, 'Manager');
			// The access syncs that follow each create end by recording it: wait for both, or one could put back
			// what is taken away below before the doctor sees it.
			await eventually(async () => {
				const recorded = await api<unknown[]>(
					'GET',
					`/items/portal_audit?filter[action][_eq]=contact.access_changed&filter[target_id][_in]=${suspended.id},${active.id}&fields=id`,
				);
				expect(recorded.body.data).toHaveLength(2);
			});
			const manager = await policyOf('Manager');
			const settings = (await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role')).body
				.data;
			const held = async (column: 'user' | 'role', id: string) =>
				((await db('directus_access').where(column, id).where('policy', manager)) as unknown[]).length;
			expect([await held('user', suspended.userId), await held('user', active.userId)]).toEqual([0, 1]);

			// The doctor's restorations from here on (one of an earlier test's may still be recorded after it).
			const restoredBefore =
				(
					await api<{ id: number }[]>(
						'GET',
						'/items/portal_audit?filter[action][_eq]=doctor.policies_restored&sort=-id&limit=1&fields=id',
					)
				).body.data?.[0]?.id ?? 0;
			// Straight into the database: no hook sees it.
			await db('directus_access').insert([
				{ id: crypto.randomUUID(), user: suspended.userId, policy: manager },
				{ id: crypto.randomUUID(), role: settings?.portal_role, policy: manager },
			]);
			await db('directus_access').where({ user: active.userId, policy: manager }).delete();
			await api('PATCH', '/items/portal_settings', { body: { portal_name: uniqueName('Portal') } });
			await eventually(async () => {
				expect([
					await held('user', suspended.userId),
					await held('role', settings?.portal_role ?? ''),
					await held('user', active.userId),
				]).toEqual([0, 0, 1]);
			});
			const audit = await api<{ details: { findings: string[] } }[]>(
				'GET',
				`/items/portal_audit?filter[action][_eq]=doctor.policies_restored&filter[id][_gt]=${restoredBefore}&sort=id&fields=details`,
			);
			expect(audit.body.data?.map((entry) => entry.details.findings.join(' '))).toContainEqual(
				expect.stringMatching(
					/2 portal group policies are attached where no contact asks for them.*1 contact with an active login lacks its group’s policy/,
				),
			);
			await eventually(async () => {
				const result = await doctor();
				expect(result?.findings.map((finding) => finding.id).filter((id) => id.startsWith('group-access'))).toEqual([]);
				expect(result?.open).toBe(true);
			});
			expect((await signIn(suspended)).status).toBe(401);
			expect((await api('GET', '/items/tickets?fields=id', { token: await tokenOf(active) })).status).toBe(200);
		} finally {
			await db.destroy();
		}
	});

	test('Shows its findings to staff only', async () => {
		const customer = (await createRow('customers', { name: uniqueName('Doctor') })).id;
		const contact = await createPortalContact(customer, 'Administrator');
		expect((await api('GET', '/portal/api/doctor', { token: await tokenOf(contact) })).status).toBe(403);
		expect((await api('GET', '/portal/api/doctor', { token: null })).status).toBe(403);
	});
});
