/**
 * A form's sending state and its errors: one message per field (shown under the field and tied to it
 * with aria-describedby) and one for the form (the server's refusal, in words). Submit is disabled
 * while sending so a double click sends once.
 */
import { reactive, ref } from 'vue';
import { describeApiError, PortalMessageError } from '../lib/api-error.ts';
import { strings } from '../strings.ts';

/** Thrown by a form's `send` when the server's refusal belongs to one field (a wrong current password). */
export class FieldError extends PortalMessageError {
	readonly field: string;
	constructor(field: string, message: string) {
		super(message);
		this.field = field;
	}
}

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
			if (error instanceof FieldError && error.field in values) {
				fieldErrors.value = { [error.field]: error.message } as Partial<Record<keyof F, string>>;
				document.getElementById(`field-${error.field}`)?.focus();
			} else formError.value = describeApiError(error).message;
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

/** "This field is required." for a field left empty (or only spaces). */
export const requiredError = (value: string): string | null => (value.trim() ? null : strings.required);

/** What is wrong with an e-mail address field: nothing, empty, or not an address. */
export function emailError(value: string): string | null {
	if (isEmail(value)) return null;
	return value.trim() ? strings.signIn.emailInvalid : strings.required;
}

/** A validator's answer from one check per field: only the fields with a message. */
export function errorsOf<K extends string>(checks: Record<K, string | null>): Partial<Record<K, string>> {
	return Object.fromEntries(Object.entries(checks).filter(([, message]) => message !== null)) as Partial<
		Record<K, string>
	>;
}
