import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { objectNames } from '../../../src/data-map/object-specs.ts';
import { objectPlaying } from '../../../src/data-map/object-playing.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

describe('objectPlaying', () => {
	test('Names the object each mapped collection plays, on the bundled map and the second schema’s', () => {
		const bundled = bundledDataMap();
		for (const name of objectNames) expect(objectPlaying(bundled, bundled[name]?.collection)).toBe(name);
		expect(objectPlaying(bundled, 'ticket_comments')).toBe('ticket_replies');
		const second = secondSchemaMap();
		expect(objectPlaying(second, 'cases')).toBe('tickets');
		expect(objectPlaying(second, 'case_messages')).toBe('ticket_replies');
		expect(objectPlaying(second, 'people')).toBe('contacts');
	});

	test('Names none for a collection the map leaves out, whatever the bundled schema calls it', () => {
		const second = secondSchemaMap();
		for (const collection of ['tickets', 'ticket_comments', 'devices', 'projects', 'project_notes', 'quotes'])
			expect(objectPlaying(second, collection)).toBeNull();
		for (const collection of ['directus_users', '', undefined, null, 7])
			expect(objectPlaying(bundledDataMap(), collection)).toBeNull();
	});
});
