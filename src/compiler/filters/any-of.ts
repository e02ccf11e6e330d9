import type { Filter } from '../types.ts';

/** The rows any filter lets through: the filter itself when there is one. */
export const anyOf = (...filters: Filter[]): Filter =>
	filters.length === 1 ? (filters[0] as Filter) : { _or: filters };
