import { ref, type Ref } from 'vue';
import { errorMessage } from '../lib/error-message.ts';

export interface ActionOptions<R> {
	/** After the work succeeded, with what it returned. */
	onSuccess?: (result: R) => unknown;
	/** After the work ran, whether it succeeded or failed (not after a click ignored while running). */
	onDone?: () => unknown;
}

export interface Action<A extends unknown[]> {
	running: Ref<boolean>;
	/** Why the last run failed, in the server's words; null while running and after a run that worked. */
	error: Ref<string | null>;
	/** Runs the work unless it is running already; true when it ran and succeeded. */
	run: (...args: A) => Promise<boolean>;
}

/**
 * What a save, delete or invite button does: runs its work once at a time (a second click while it runs
 * is ignored), shows why it failed and leaves the button usable again. The work starts inside the click,
 * before anything is awaited, so what it opens counts as opened by the click.
 */
export function useAction<A extends unknown[], R>(
	work: (...args: A) => Promise<R>,
	options: ActionOptions<R> = {},
): Action<A> {
	const running = ref(false);
	const error = ref<string | null>(null);

	async function run(...args: A): Promise<boolean> {
		if (running.value) return false;
		running.value = true;
		error.value = null;
		let succeeded = false;
		try {
			const result = await work(...args);
			await options.onSuccess?.(result);
			succeeded = true;
		} catch (caught) {
			error.value = errorMessage(caught);
		} finally {
			running.value = false;
		}
		await options.onDone?.();
		return succeeded;
	}

	return { running, error, run };
}
