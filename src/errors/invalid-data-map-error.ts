import { createError } from '@directus/errors';
import type { DataMapProblem } from '../data-map/data-map-problem.ts';

export interface InvalidDataMapErrorExtensions {
	problems: DataMapProblem[];
}

export const InvalidDataMapError = createError<InvalidDataMapErrorExtensions>(
	'INVALID_DATA_MAP',
	({ problems }) => `The data map is not valid: ${problems.map((problem) => problem.message).join(' ')}`,
	400,
);
