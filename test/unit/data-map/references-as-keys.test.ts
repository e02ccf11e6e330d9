import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { referencesAsKeys } from '../../../src/data-map/references-as-keys.ts';

const map = bundledDataMap();

describe('referencesAsKeys', () => {
	test('A reference written as an object of the target’s key alone becomes the key', () => {
		expect(referencesAsKeys(map, 'ticket_participants', { ticket: { id: '7' }, contact: { id: 12 } })).toEqual({
			ticket: 7,
			contact: 12,
		});
		expect(
			referencesAsKeys(map, 'devices', { name: 'Printer', location: { id: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' } }),
		).toEqual({ name: 'Printer', location: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' });
	});

	test('Anything more than the key, no key, a key that is none, or no reference at all stays as written', () => {
		for (const payload of [
			{ ticket: { id: 7, subject: 'Taken over' } },
			{ contact: { first_name: 'New' } },
			{ contact: { id: 'x' } },
			{ contact: { id: { id: 3 } } },
			{ ticket: [7] },
			{ ticket: 7, contact: null },
			{ kind: { id: 3 } },
		])
			expect(referencesAsKeys(map, 'ticket_participants', payload)).toEqual(payload);
	});

	test('The payload given is left as it was', () => {
		const payload = { ticket: { id: 7 } };
		referencesAsKeys(map, 'ticket_participants', payload);
		expect(payload).toEqual({ ticket: { id: 7 } });
	});
});
