import type { Filter } from '../types.ts';

/** The rows every filter lets through: the filter itself when there is one. */
export const allOf = (...filters: Filter[]): Filter =>
	filters.length === 1 ? (filters[0] as Filter) : { _and: filters };
