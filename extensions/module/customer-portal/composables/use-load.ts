import { ref, type Ref } from 'vue';
import { errorMessage } from '../lib/error-message.ts';

export interface Load<A extends unknown[]> {
	loading: Ref<boolean>;
	/** Why the last load failed, in the server's words; null while loading and after a load that worked. */
	error: Ref<string | null>;
	load: (...args: A) => Promise<void>;
}

/**
 * Loads what a page shows with its loading and error state, so every composable loads the same way. The
 * loader reads through the studio's API client and puts what it read where the page reads it; a failure
 * becomes the error message and never reaches the caller.
 */
export function useLoad<A extends unknown[]>(loader: (...args: A) => Promise<void>): Load<A> {
	const loading = ref(false);
	const error = ref<string | null>(null);

	async function load(...args: A): Promise<void> {
		loading.value = true;
		error.value = null;
		try {
			await loader(...args);
		} catch (caught) {
			error.value = errorMessage(caught);
		} finally {
			loading.value = false;
		}
	}

	return { loading, error, load };
}
