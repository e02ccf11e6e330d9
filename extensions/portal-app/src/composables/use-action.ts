/**
 * A request made by a button outside a form (a ticket's status, a quote's decision, a colleague's login):
 * busy while it runs, so its buttons are disabled and a second click does nothing, and its outcome in
 * words, the server's refusal as describeApiError puts it. The action sets its own success message.
 */
import { ref } from 'vue';
import { describeApiError } from '../lib/api-error.ts';

export interface ActionOutcome {
	kind: 'error' | 'success';
	text: string;
}

export function useAction() {
	const busy = ref(false);
	const outcome = ref<ActionOutcome | null>(null);

	/** Runs `action` unless one is running; returns whether it succeeded. */
	async function run(action: () => Promise<void>): Promise<boolean> {
		if (busy.value) return false;
		busy.value = true;
		outcome.value = null;
		try {
			await action();
			return true;
		} catch (error) {
			outcome.value = { kind: 'error', text: describeApiError(error).message };
			return false;
		} finally {
			busy.value = false;
		}
	}

	return { busy, outcome, run };
}
