/**
 * Every write a compiled group grants on existing rows is bounded by what the group may read there.
 */
import type { CompiledPermission, Filter } from './types.ts';

const sameFilter = (a: Filter, b: Filter): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `write` narrowed to the rows `read` lets through; unchanged when it already says so. */
function within(read: Filter | null, write: Filter | null): Filter | null {
	if (read === null) return write;
	if (write === null || sameFilter(read, write)) return read;
	const conjuncts =
		Array.isArray(write['_and']) && Object.keys(write).length === 1 ? (write['_and'] as Filter[]) : [write];
	if (conjuncts.some((conjunct) => sameFilter(conjunct, read))) return write;
	return { _and: [read, ...conjuncts] };
}

/**
 * Gives every update and delete row the read rule of its collection as well: a contact may change only
 * rows they may see. Directus checks an update against the update row's own item filter and nothing
 * else, and the rules are chosen by level, not by row: "tickets they follow" (`tickets.edit = own`) is
 * not a subset of "their customer's tickets" (`tickets.view = customer`), since a contact may follow
 * another customer's ticket as a participant, or stay a follower after moving to another customer.
 * Bounding here, once for every row, keeps that true of any write a capability adds later.
 *
 * A write row on a collection the group cannot read grants nothing, and is dropped: default to deny.
 */
export function boundWritesByReads(rows: CompiledPermission[]): CompiledPermission[] {
	return rows.flatMap((row) => {
		if (row.action !== 'update' && row.action !== 'delete') return [row];
		const read = rows.find((candidate) => candidate.collection === row.collection && candidate.action === 'read');
		if (!read) return [];
		return [{ ...row, permissions: within(read.permissions, row.permissions) }];
	});
}
