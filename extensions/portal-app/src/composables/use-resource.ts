/** Loads something for a page with its loading and error state, so no page is ever blank. */
import { type Ref, ref, type ShallowRef, shallowRef } from 'vue';
import { describeApiError } from '../lib/api-error.ts';

export interface Resource<T> {
	data: ShallowRef<T | null>;
	loading: Ref<boolean>;
	error: Ref<string | null>;
	status: Ref<number | null>;
	reload: () => Promise<void>;
}

export function useResource<T>(loader: () => Promise<T>, { immediate = true } = {}): Resource<T> {
	const data = shallowRef<T | null>(null);
	const loading = ref(false);
	const error = ref<string | null>(null);
	const status = ref<number | null>(null);
	let generation = 0;

	async function reload(): Promise<void> {
		const mine = ++generation;
		loading.value = true;
		error.value = null;
		try {
			const result = await loader();
			if (mine === generation) data.value = result;
		} catch (caught) {
			if (mine !== generation) return;
			const info = describeApiError(caught);
			error.value = info.message;
			status.value = info.status;
		} finally {
			if (mine === generation) loading.value = false;
		}
	}

	if (immediate) void reload();
	return { data, loading, error, status, reload };
}
