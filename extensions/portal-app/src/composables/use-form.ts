/**
 * A form's sending state and its errors: one message per field (shown under the field and tied to it
 * with aria-describedby) and one for the form (the server's refusal, in words). Submit is disabled
 * while sending so a double click sends once.
 */
import { reactive, ref } from 'vue';
import { describeApiError } from '../lib/api-error.ts';

export type Validator<F> = (values: F) => Partial<Record<keyof F, string>>;

export function useForm<F extends Record<string, string>>(initial: F, validate: Validator<F> = () => ({})) {
	const values = reactive({ ...initial }) as F;
	const fieldErrors = ref<Partial<Record<keyof F, string>>>({});
	const formError = ref<string | null>(null);
	const sending = ref(false);

	/** Validates, then runs `send`; returns whether it succeeded. Focus moves to the first field in error. */
	async function submit(send: (values: F) => Promise<void>): Promise<boolean> {
		if (sending.value) return false;
		formError.value = null;
		const errors = validate(values);
		fieldErrors.value = errors;
		const firstInvalid = Object.keys(errors)[0];
		if (firstInvalid) {
			document.getElementById(`field-${firstInvalid}`)?.focus();
			return false;
		}
		sending.value = true;
		try {
			await send(values);
			return true;
		} catch (error) {
			formError.value = describeApiError(error).message;
			return false;
		} finally {
			sending.value = false;
		}
	}

	function reset(next: Partial<F> = {}): void {
		Object.assign(values, initial, next);
		fieldErrors.value = {};
		formError.value = null;
	}

	return { values, fieldErrors, formError, sending, submit, reset };
}

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
