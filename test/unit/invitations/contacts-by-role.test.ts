import { describe, expect, test } from 'vitest';
import { contactRecordOf } from '../../../src/invitations/contact-record-of.ts';
import { contactRoles } from '../../../src/invitations/invitation-records.ts';
import { roleColumns } from '../../../src/data-map/role-columns.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

describe('Contacts read by role for invitations and teams', () => {
	test('the roles read are the stored fields of whichever collection plays contacts', () => {
		expect(roleColumns(secondSchemaMap().contacts, contactRoles)).toEqual({
			id: 'uuid',
			email: 'email',
			first_name: 'given_name',
			last_name: 'family_name',
			customer: 'org',
			user: 'directus_user',
			portal_group: 'portal_group',
			login_suspended: 'portal_login_suspended',
		});
		expect(Object.values(roleColumns(bundledDataMap().contacts, contactRoles))).toEqual([
			'id',
			'email',
			'first_name',
			'last_name',
			'status',
			'customer',
			'user',
			'portal_group',
			'login_suspended',
		]);
	});

	test('a row of the bundled contacts reads as stored; SQLite booleans become booleans', () => {
		const row = {
			id: 4,
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			status: 'inactive',
			customer: 2,
			user: 'u-1',
			portal_group: 3,
			login_suspended: 1,
		};
		expect(contactRecordOf(row)).toEqual({ ...row, login_suspended: true });
		expect(contactRecordOf({ ...row, login_suspended: 0 }).login_suspended).toBe(false);
	});

	test('unmapped roles read as nothing, but a contact with no status role is active; a stored empty status is not', () => {
		const read = contactRecordOf({
			id: '0b1f3c52-6d1e-4f5a-9a0b-2c3d4e5f6a7b',
			email: 'ada@example.com',
			last_name: 'Lovelace',
			customer: 2,
			user: null,
			portal_group: null,
			login_suspended: false,
		});
		expect(read).toMatchObject({ first_name: null, status: 'active', user: null, login_suspended: false });
		expect(contactRecordOf({ id: 1, customer: 2, status: null }).status).toBeNull();
	});
});
