/**
 * The leak oracle on a data map is part of what it measures: an answer must never lose a field Directus should not
 * have given, and the model must expect only what the map can hold.
 */
import { describe, expect, test } from 'vitest';
import { accessOnMap, strayFields, writeOnMap } from '../../oracle/on-map.ts';
import type { ContactAccess } from '../../oracle/reference-model.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const map = secondSchemaMap();

describe('The oracle on the second schema', () => {
	test('names every stored field of an answer that plays no role, in related rows too', () => {
		expect(strayFields(map, 'tickets', { id: 1, title: 'x', reopen_count: 2 })).toEqual(['cases.reopen_count']);
		expect(
			strayFields(map, 'tickets', { id: 1, opened_by: { uuid: 'u', secret_note: 's' }, account: { api_token: 't' } }),
		).toEqual(['people.secret_note', 'organizations.api_token']);
		expect(strayFields(map, 'contacts', { uuid: 'u', given_name: 'A', org: 3, portal_group: 1 })).toEqual([]);
	});

	test('reads only what the map has, and judges writes it cannot hold as not askable', () => {
		const readable = (fields: string[]) => ({ ids: new Set(['1']), fields: new Set(fields), tolerated: new Map() });
		const access = {
			reads: { tickets: readable(['id', 'subject', 'priority']), devices: readable(['id', 'name']) },
		} as unknown as ContactAccess;
		const onMap = accessOnMap(access, map);
		expect([...onMap.reads.tickets.fields]).toEqual(['id', 'subject']);
		expect(onMap.reads.devices.ids.size).toBe(0);
		const allowed = {
			outcome: 'allowed' as const,
			expect: { subject: { kind: 'value' as const, value: 'x' }, priority: { kind: 'one-of' as const, values: [] } },
		};
		expect(writeOnMap(map, { collection: 'tickets', action: 'create', data: { subject: 'x' } }, allowed)).toEqual({
			outcome: 'allowed',
			expect: { subject: { kind: 'value', value: 'x' } },
		});
		expect(writeOnMap(map, { collection: 'tickets', action: 'create', data: { priority: 1 } }, allowed)).toBeNull();
		expect(writeOnMap(map, { collection: 'devices', action: 'create', data: {} }, allowed)?.outcome).toBe('refused');
	});
});
