import type { DataMapProblem } from '../../../../src/data-map/data-map-problem.ts';

/**
 * The problems of a data map the server refused (400 `INVALID_DATA_MAP`), or null when the call failed for
 * another reason: a refused map is an outcome of a check, anything else is an error.
 */
export function dataMapRefusal(error: unknown): DataMapProblem[] | null {
	const response = (error as { response?: { data?: { errors?: { extensions?: Record<string, unknown> }[] } } } | null)
		?.response;
	const extensions = response?.data?.errors?.[0]?.extensions;
	if (extensions?.['code'] !== 'INVALID_DATA_MAP' || !Array.isArray(extensions['problems'])) return null;
	return extensions['problems'] as DataMapProblem[];
}
