import { describe, expect, test } from 'vitest';
import { expectedCustomerTree, type CustomerTreeNode } from '../../../src/hierarchy/expected-customer-tree.ts';

const node = (id: number, parent: number | null, visible_to_parent = true): CustomerTreeNode => ({ id, parent, visible_to_parent });
const rows = (...triples: [number, number, number][]) => triples.map(([customer, ancestor, depth]) => ({ customer, ancestor, depth }));

describe('expectedCustomerTree', () => {
	test('Gives every customer its own row at depth 0', () => {
		expect(expectedCustomerTree([node(1, null), node(2, null)])).toEqual(rows([1, 1, 0], [2, 2, 0]));
		expect(expectedCustomerTree([])).toEqual([]);
	});

	test('Lists every customer above a visible one with its distance', () => {
		expect(expectedCustomerTree([node(3, 2), node(1, null), node(2, 1)])).toEqual(rows([1, 1, 0], [2, 2, 0], [2, 1, 1], [3, 3, 0], [3, 2, 1], [3, 1, 2]));
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
