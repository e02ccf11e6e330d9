import { describe, expect, test } from 'vitest';
import { auditFilter } from '../../../extensions/module/customer-portal/lib/audit-filter.ts';
import { auditTargetKind, auditTargetWords } from '../../../extensions/module/customer-portal/lib/audit-targets.ts';
import { auditActionWords } from '../../../extensions/module/customer-portal/lib/audit-words.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { canUseModule } from '../../../extensions/module/customer-portal/lib/can-use-module.ts';
import { customerTreeRows } from '../../../extensions/module/customer-portal/lib/customer-tree-rows.ts';
import { errorMessage } from '../../../extensions/module/customer-portal/lib/error-message.ts';
import { isSupportedDirectusVersion } from '../../../extensions/module/customer-portal/lib/host-support.ts';
import { describePortalStatus, portalStatus } from '../../../extensions/module/customer-portal/lib/portal-status.ts';
import { withoutPortalModule, withPortalModule } from '../../../src/studio/module-bar.ts';

const customers = [
	{ id: 1, name: 'Parent', parent: null },
	{ id: 2, name: 'Beta child', parent: 1 },
	{ id: 3, name: 'Alpha child', parent: 1 },
	{ id: 4, name: 'Grandchild', parent: 2 },
	{ id: 5, name: 'Unrelated', parent: null },
];

describe('The customer tree', () => {
	test('Collapsed: only the top; expanded: children by name with their depth', () => {
		expect(customerTreeRows(customers, new Set()).map((row) => row.customer.id)).toEqual([1, 5]);
		const rows = customerTreeRows(customers, new Set([1, 2]));
		expect(rows.map((row) => [row.customer.name, row.depth, row.hasChildren])).toEqual([
			['Parent', 0, true],
			['Alpha child', 1, false],
			['Beta child', 1, true],
			['Grandchild', 2, false],
			['Unrelated', 0, false],
		]);
	});

	test('A search shows matches with the branches leading to them, open', () => {
		expect(customerTreeRows(customers, new Set(), 'grand').map((row) => row.customer.id)).toEqual([1, 2, 4]);
		expect(customerTreeRows(customers, new Set(), 'nothing')).toEqual([]);
	});

	test('A customer whose parent is not listed shows at the top, and a cycle does not loop', () => {
		expect(customerTreeRows([{ id: 7, name: 'Orphan', parent: 99 }], new Set()).map((row) => row.customer.id)).toEqual([
			7,
		]);
		expect(
			customerTreeRows(
				[
					{ id: 8, name: 'A', parent: 9 },
					{ id: 9, name: 'B', parent: 8 },
				],
				new Set([8, 9]),
			),
		).toEqual([]);
	});
});

describe('Portal status', () => {
	const now = new Date('2030-01-01T00:00:00Z');
	test('No login, invited until, expired, active, suspended', () => {
		expect(portalStatus({ user_status: null, login_suspended: false }, null, now)).toEqual({ kind: 'no_login' });
		// An invited contact already has a Directus user, status "invited", until they accept.
		expect(
			portalStatus(
				{ user_status: 'invited', login_suspended: false },
				{ id: 3, expires_at: '2030-01-02T00:00:00Z' },
				now,
			),
		).toMatchObject({ kind: 'invited', invitation: 3 });
		expect(
			portalStatus(
				{ user_status: 'invited', login_suspended: false },
				{ id: 3, expires_at: '2029-12-31T00:00:00Z' },
				now,
			),
		).toEqual({ kind: 'invitation_expired', invitation: 3 });
		expect(portalStatus({ user_status: 'invited', login_suspended: false }, null, now)).toEqual({ kind: 'no_login' });
		expect(portalStatus({ user_status: 'active', login_suspended: false }, null, now)).toEqual({ kind: 'active' });
		expect(portalStatus({ user_status: 'active', login_suspended: true }, null, now)).toEqual({ kind: 'suspended' });
		expect(portalStatus({ user_status: 'suspended', login_suspended: false }, null, now)).toEqual({
			kind: 'suspended',
		});
		expect(describePortalStatus({ kind: 'invited', until: now, invitation: 1 })).toMatch(/^Invited until /);
	});
});

describe('Who sees the module', () => {
	const full = { access: 'full' };
	test('Admins, and users granted what the Portal staff policy grants', () => {
		expect(canUseModule({ admin_access: true }, {})).toBe(true);
		expect(
			canUseModule({ admin_access: false }, { portal_groups: { read: full }, portal_settings: { update: full } }),
		).toBe(true);
		expect(canUseModule({ admin_access: false }, { portal_groups: { read: full } })).toBe(false);
		expect(
			canUseModule(
				{ admin_access: false },
				{ portal_groups: { read: { access: 'none' } }, portal_settings: { update: full } },
			),
		).toBe(false);
		expect(canUseModule({ admin_access: false }, {})).toBe(false);
	});
});

describe('Small pieces', () => {
	test('Only Directus 11 can enforce the portal', () => {
		expect(isSupportedDirectusVersion('11.17.4')).toBe(true);
		expect(isSupportedDirectusVersion('12.0.0')).toBe(false);
		expect(isSupportedDirectusVersion('10.13.1')).toBe(false);
		expect(isSupportedDirectusVersion('111.0.0')).toBe(false);
	});

	test("Errors read in the server's words", () => {
		expect(
			errorMessage({
				response: {
					data: { errors: [{ message: 'The portal group "X" cannot be deleted while 2 contacts use it.' }] },
				},
			}),
		).toContain('2 contacts');
		expect(errorMessage(new Error('Network Error'))).toBe('Network Error');
	});

	test('Audit filters leave out what is empty', () => {
		expect(auditFilter({ customer: null, contact: ' ', action: null, from: '', to: '' })).toEqual({});
		expect(auditFilter({ customer: null, contact: null, action: null, from: null, to: null })).toEqual({});
		expect(
			auditFilter({ customer: 4, contact: 'ivy', action: 'invitation.sent', from: '2030-01-01', to: '2030-01-31' }),
		).toEqual({
			_and: [
				{ customer: { _eq: 4 } },
				{ _or: [{ actor_contact: { email: { _icontains: 'ivy' } } }] },
				{ action: { _eq: 'invitation.sent' } },
				{ date_created: { _gte: '2030-01-01' } },
				{ date_created: { _lte: '2030-01-31T23:59:59' } },
			],
		});
	});

	test('The contact filter finds entries by a contact and about the contacts its words matched', () => {
		expect(
			auditFilter(
				{ customer: null, contact: 'ivy', action: null, from: null, to: null },
				{ collection: 'people', ids: [11, 12] },
			),
		).toEqual({
			_and: [
				{
					_or: [
						{ actor_contact: { email: { _icontains: 'ivy' } } },
						{ actor_contact: { _in: [11, 12] } },
						{ _and: [{ target_collection: { _eq: 'people' } }, { target_id: { _in: ['11', '12'] } }] },
					],
				},
			],
		});
	});

	test('Audit actions and targets in words: a contact by name and address, a group in quotes, an unread one by its key', () => {
		expect(auditActionWords('quote.approved')).toBe('Approved a quote');
		expect(auditActionWords('customer.visibility_changed', { visible_to_parent: false })).toBe(
			'Hid a customer from its parent',
		);
		expect(auditActionWords('something.new')).toBe('something.new');
		const map = bundledDataMap();
		const contacts = auditTargetKind({ ...map, contacts: { ...map.contacts!, collection: 'people' } }, 'people');
		const name = contacts?.name({ first_name: 'Stu', last_name: 'Dio', email: 'stu@client.test' }) ?? null;
		expect(auditTargetWords(contacts, 'people', '11', name)).toBe('Contact Stu Dio (stu@client.test)');
		const groups = auditTargetKind(map, 'portal_groups');
		expect(auditTargetWords(groups, 'portal_groups', '4', groups?.name({ name: 'Field staff' }) ?? null)).toBe(
			'Portal group “Field staff”',
		);
		expect(auditTargetWords(groups, 'portal_groups', '4', null)).toBe('Portal group 4');
		expect(auditTargetWords(null, 'portal_settings', '1', null)).toBe('Portal settings');
	});

	test('The module bar gets the module once, before Settings; a listed entry is left alone', () => {
		const bar = withPortalModule(null);
		expect(bar?.map((entry) => entry.id).slice(-2)).toEqual(['customer-portal', 'settings']);
		expect(withPortalModule(bar)).toBeNull();
		expect(withPortalModule([{ type: 'module', id: 'customer-portal', enabled: false }])).toBeNull();
		expect(withPortalModule([{ type: 'module', id: 'content', enabled: true }])?.map((entry) => entry.id)).toEqual([
			'content',
			'customer-portal',
		]);
	});

	test('Taken out again, an empty setting is empty again and a team’s own bar keeps everything else', () => {
		expect(withoutPortalModule(withPortalModule(null) ?? [])).toBeNull();
		const own = withPortalModule([{ type: 'module', id: 'content', enabled: false }]) ?? [];
		expect(withoutPortalModule(own)).toEqual([{ type: 'module', id: 'content', enabled: false }]);
	});
});
