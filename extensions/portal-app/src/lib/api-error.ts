/**
 * Turns whatever a request threw into words for the contact. Directus answers `{ errors: [{ message,
 * extensions: { code } }] }` (the SDK throws that object); a network failure throws a TypeError.
 */
import { strings } from '../strings.ts';

/** An error the app raises itself, whose message is already meant for the contact. */
export class PortalMessageError extends Error {}

export interface ApiErrorInfo {
	message: string;
	code: string | null;
	status: number | null;
}

function firstError(error: unknown): { message?: unknown; extensions?: { code?: unknown } } | null {
	if (typeof error !== 'object' || error === null || !('errors' in error)) return null;
	const errors = (error as { errors: unknown }).errors;
	return Array.isArray(errors) && typeof errors[0] === 'object' && errors[0] !== null
		? (errors[0] as { message?: unknown; extensions?: { code?: unknown } })
		: null;
}

function statusOf(error: unknown): number | null {
	if (typeof error !== 'object' || error === null || !('response' in error)) return null;
	const response = (error as { response: unknown }).response;
	return typeof response === 'object' &&
		response !== null &&
		'status' in response &&
		typeof (response as { status: unknown }).status === 'number'
		? (response as { status: number }).status
		: null;
}

export function describeApiError(error: unknown): ApiErrorInfo {
	if (error instanceof PortalMessageError) return { message: error.message, code: null, status: null };
	const first = firstError(error);
	const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
	const status = statusOf(error);
	const known = code ? strings.errors.byCode[code] : undefined;
	if (known) return { message: known, code, status };
	if (typeof first?.message === 'string' && first.message) return { message: first.message, code, status };
	if (error instanceof TypeError) return { message: strings.errors.network, code: null, status: null };
	return { message: strings.errors.unknown, code, status };
}
