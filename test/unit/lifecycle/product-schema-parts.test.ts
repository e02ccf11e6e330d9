import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { snapshotPaths } from '../../../scripts/lib/directus-instance.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { derivedTablesOf } from '../../../src/database/derived-tables-of.ts';
import {
	derivedCollections,
	helpDeskCollections,
	portalCollections,
	portalFieldsOfHelpDesk,
	portalSystemFields,
} from '../../../src/lifecycle/product-schema-parts.ts';

interface Snapshot {
	collections: { collection: string }[];
	fields: { collection: string; field: string }[];
}

describe.each(Object.entries(snapshotPaths))('What the uninstall removes, against the %s snapshot', (_vendor, path) => {
	const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
	const has = (collection: string, field: string) =>
		snapshot.fields.some((row) => row.collection === collection && row.field === field);

	test('Sorts every collection of the snapshot into exactly one part', () => {
		const parts = [...portalCollections, ...derivedCollections, ...helpDeskCollections];
		expect(new Set(parts).size).toBe(parts.length);
		expect([...parts].sort()).toEqual(snapshot.collections.map((row) => row.collection).sort());
	});

	test('Names every field the snapshot adds to Directus’s own collections', () => {
		const added = snapshot.fields
			.filter((row) => row.collection.startsWith('directus_'))
			.map((row) => `${row.collection}.${row.field}`);
		expect(
			Object.entries(portalSystemFields)
				.flatMap(([collection, fields]) => fields.map((field) => `${collection}.${field}`))
				.sort(),
		).toEqual(added.sort());
	});

	test('Names only fields the snapshot has, the derived columns among them', () => {
		for (const [collection, fields] of Object.entries(portalFieldsOfHelpDesk))
			for (const field of fields) expect(has(collection, field), `${collection}.${field}`).toBe(true);
		for (const { table, readOnlyField } of derivedTablesOf(bundledDataMap())) {
			if (readOnlyField) expect(portalFieldsOfHelpDesk[table]).toContain(readOnlyField);
			else expect(derivedCollections).toContain(table);
		}
	});
});
