/**
 * Calls in the portal's names to a Directus whose portal runs on a data map: each `/items/…` request translated to
 * the stored names as the portal app's are (`toStoredRequest`) and its rows read back in the portal's names, so a
 * test on a team's collections sets up its world as one on the bundled help desk does.
 */
import type { DataMap } from '../../src/data-map/data-map.ts';
import { toStoredRequest } from '../../src/data-map/to-stored-request.ts';
import { fromStoredAnswer } from '../../src/data-map/from-stored-answer.ts';
import type { Api, ApiResponse } from './directus-under-test.ts';

export function mappedApi(call: Api, map: DataMap): Api {
	return async <T = unknown>(
		method: string,
		path: string,
		options: Parameters<Api>[2] = {},
	): Promise<ApiResponse<T>> => {
		const stored = toStoredRequest(map, path, options.body);
		const answer = await call<T>(method, stored.path, {
			...options,
			...(options.body === undefined ? {} : { body: stored.body }),
		});
		if (!stored.object || answer.status >= 300) return answer;
		return {
			...answer,
			body: fromStoredAnswer(map, stored.object, stored.path, answer.body) as ApiResponse<T>['body'],
		};
	};
}
