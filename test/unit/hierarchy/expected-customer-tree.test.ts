import { describe, expect, test } from 'vitest';
import {
	type CustomerTreeNode,
	expectedCustomerTree,
	expectedTreePaths,
} from '../../../src/hierarchy/expected-customer-tree.ts';

const node = (id: number, parent: number | null, visible_to_parent = true): CustomerTreeNode => ({
	id,
	parent,
	visible_to_parent,
});
const rows = (...triples: [number, number, number][]) =>
	triples.map(([customer, ancestor, depth]) => ({ customer, ancestor, depth }));

describe('expectedCustomerTree', () => {
	test('Gives every customer its own row at depth 0', () => {
		expect(expectedCustomerTree([node(1, null), node(2, null)])).toEqual(rows([1, 1, 0], [2, 2, 0]));
		expect(expectedCustomerTree([])).toEqual([]);
	});

	test('Lists every customer above a visible one with its distance', () => {
		expect(expectedCustomerTree([node(3, 2), node(1, null), node(2, 1)])).toEqual(
			rows([1, 1, 0], [2, 2, 0], [2, 1, 1], [3, 3, 0], [3, 2, 1], [3, 1, 2]),
		);
	});

	test('A customer hidden from its parent is the top of its own tree, for itself and everything below it', () => {
		const tree = expectedCustomerTree([node(1, null), node(2, 1, false), node(3, 2), node(4, 3, false)]);
		expect(tree).toEqual(rows([1, 1, 0], [2, 2, 0], [3, 3, 0], [3, 2, 1], [4, 4, 0]));
	});

	test('A hidden customer does not hide its parent from the customers above', () => {
		const tree = expectedCustomerTree([node(1, null), node(2, 1), node(3, 2, false)]);
		expect(tree.filter((row) => row.customer === 2)).toEqual(rows([2, 2, 0], [2, 1, 1]));
	});

	test('A parent that does not exist ends the climb, as in the database', () => {
		expect(expectedCustomerTree([node(1, 99), node(2, 1)])).toEqual(rows([1, 1, 0], [2, 2, 0], [2, 1, 1]));
	});

	test('Ends on a loop after as many steps as there are customers', () => {
		expect(expectedCustomerTree([node(1, 2), node(2, 1)])).toEqual(rows([1, 1, 0], [1, 2, 1], [2, 2, 0], [2, 1, 1]));
		expect(expectedCustomerTree([node(1, 1)])).toEqual(rows([1, 1, 0]));
	});
});

describe('expectedTreePaths', () => {
	test('Lists the customers a customer is visible to, top first, itself last', () => {
		const paths = expectedTreePaths(
			expectedCustomerTree([node(1, null), node(2, 1), node(3, 2), node(4, 3, false), node(5, 4), node(12, 1)]),
		);
		expect(Object.fromEntries(paths)).toEqual({
			1: '/1/',
			2: '/1/2/',
			3: '/1/2/3/',
			4: '/4/',
			5: '/4/5/',
			12: '/1/12/',
		});
	});

	test('A subtree is exactly the customers whose path starts with the top customer’s', () => {
		const customers = [node(1, null), node(2, 1), node(3, 2, false), node(12, 1), node(21, null), node(22, 21)];
		const paths = expectedTreePaths(expectedCustomerTree(customers));
		const below = (id: number) =>
			[...paths].filter(([, path]) => path.startsWith(paths.get(id) ?? '-')).map(([customer]) => customer);
		expect(below(1)).toEqual([1, 2, 12]);
		expect(below(2)).toEqual([2]);
		expect(below(21)).toEqual([21, 22]);
	});
});
