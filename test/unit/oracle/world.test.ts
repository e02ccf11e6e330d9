/** The leak oracle's random worlds: reproducible from their seed, and shaped as the brief asks. */
import { describe, expect, test } from 'vitest';
import { capabilities } from '../../../src/catalogue/capabilities.ts';
import { Random } from '../../support/random.ts';
import { generateWorld, type Id, systemGroupNames, type World } from '../../oracle/world.ts';

function depthOf(world: World, customer: Id): number {
	const row = world.customers.find((candidate) => candidate.id === customer);
	return row?.parent === null || row === undefined ? 0 : 1 + depthOf(world, row.parent);
}

describe('Random', () => {
	test('Gives the same sequence for the same seed and another for another seed', () => {
		const first = Array.from(
			{ length: 5 },
			(
				(random) => () =>
					random.next()
			)(new Random(42)),
		);
		const again = Array.from(
			{ length: 5 },
			(
				(random) => () =>
					random.next()
			)(new Random(42)),
		);
		const other = Array.from(
			{ length: 5 },
			(
				(random) => () =>
					random.next()
			)(new Random(43)),
		);
		expect(first).toEqual(again);
		expect(first).not.toEqual(other);
		expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
	});

	test('Helpers stay within their bounds', () => {
		const random = new Random(7);
		for (let index = 0; index < 200; index++) {
			const value = random.int(3, 5);
			expect(value >= 3 && value <= 5).toBe(true);
		}
		expect(random.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
		expect(new Set(random.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
		expect(['a', 'b']).toContain(random.pick(['a', 'b']));
	});
});

describe('generateWorld', () => {
	test('Is a function of its seed', () => {
		expect(generateWorld(1234, 40)).toEqual(generateWorld(1234, 40));
		expect(generateWorld(1234, 40)).not.toEqual(generateWorld(1235, 40));
	});

	test('Builds customer trees of several roots, at most five levels deep', () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const world = generateWorld(seed, 80);
			expect(world.customers.filter((customer) => customer.parent === null).length).toBeGreaterThanOrEqual(2);
			expect(Math.max(...world.customers.map((customer) => depthOf(world, customer.id)))).toBeLessThanOrEqual(4);
		}
		const deep = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
			const world = generateWorld(seed, 80);
			return world.customers.some((customer) => depthOf(world, customer.id) >= 3);
		});
		expect(deep).toBe(true);
	});

	test('Gives every contact a unique e-mail, a customer and a location of that customer if any', () => {
		const world = generateWorld(99, 120);
		expect(new Set(world.contacts.map((contact) => contact.email)).size).toBe(world.contacts.length);
		for (const contact of world.contacts) {
			if (contact.location === null) continue;
			expect(world.locations.find((location) => location.id === contact.location)?.customer).toBe(contact.customer);
		}
		expect(world.contacts.some((contact) => !contact.login)).toBe(true);
	});

	test('Has the four system groups by name, without permissions, and one to three custom groups from the catalogue', () => {
		const world = generateWorld(5, 30);
		const system = world.portal_groups.filter((group) => group.is_system);
		expect(system.map((group) => group.name)).toEqual([...systemGroupNames]);
		expect(system.every((group) => group.permissions === null)).toBe(true);
		const custom = world.portal_groups.filter((group) => !group.is_system);
		expect(custom.length).toBeGreaterThanOrEqual(1);
		expect(custom.length).toBeLessThanOrEqual(3);
		const keys = new Set(capabilities.map((capability) => capability.key as string));
		for (const group of custom) expect(Object.keys(group.permissions ?? {}).every((key) => keys.has(key))).toBe(true);
	});

	test('Has exactly one default priority and every kind of row', () => {
		const world = generateWorld(11, 80);
		expect(world.ticket_priorities.filter((priority) => priority.is_default)).toHaveLength(1);
		for (const collection of [
			'tickets',
			'ticket_comments',
			'projects',
			'devices',
			'kb_articles',
			'documents',
			'invoices',
			'quotes',
			'directus_files',
		] as const) {
			expect({ collection, rows: world[collection].length > 0 }).toEqual({ collection, rows: true });
		}
		expect(world.ticket_comments.some((comment) => comment.is_internal)).toBe(true);
		expect(world.quotes.some((quote) => quote.status === 'pending')).toBe(true);
		expect(world.devices.every((device) => device.admin_password.length > 0)).toBe(true);
	});
});
