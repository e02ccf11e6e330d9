import { describe, expect, test } from 'vitest';
import { byRole } from '../../../src/data-map/by-role.ts';
import { roleColumns } from '../../../src/data-map/role-columns.ts';
import { storedAs } from '../../../src/data-map/stored-as.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const people = secondSchemaMap().contacts;
const contacts = bundledDataMap().contacts;

describe('Reading and writing a mapped collection by role', () => {
	test('a select names each stored field by its role, qualified for a join, and leaves unmapped roles out', () => {
		expect(roleColumns(people, ['id', 'user', 'phone', 'login_suspended'])).toEqual({
			id: 'uuid',
			user: 'directus_user',
			login_suspended: 'portal_login_suspended',
		});
		expect(roleColumns(people, ['user'], 'people')).toEqual({ user: 'people.directus_user' });
		expect(roleColumns(contacts, ['id', 'user'])).toEqual({ id: 'id', user: 'user' });
	});

	test('values by role are written under the mapped names; unmapped roles are dropped', () => {
		expect(storedAs(people, { portal_group: 3, user: null, phone: '+49 1' })).toEqual({
			portal_group: 3,
			directus_user: null,
		});
	});

	test('a payload is read by role; only the roles it holds come back, so `in` says what a write changes', () => {
		const read = byRole(people, { directus_user: 'u1', given_name: 'Ada', portal_group: null }, [
			'user',
			'portal_group',
			'login_suspended',
		]);
		expect(read).toEqual({ user: 'u1', portal_group: null });
		expect('login_suspended' in read).toBe(false);
		// A field named like a role but not mapped to it is not read for it.
		expect(byRole(people, { user: 'u2' }, ['user'])).toEqual({});
	});
});
