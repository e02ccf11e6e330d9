/**
 * Turns whatever a request threw into words for the contact. Directus answers `{ errors: [{ message,
 * extensions: { code } }] }` (the SDK throws that object); a network failure throws a TypeError.
 */
import { strings } from '../strings.ts';
import { formatBytes } from './format.ts';

/** An error the app raises itself, whose message is already meant for the contact. */
export class PortalMessageError extends Error {}

export interface ApiErrorInfo {
	message: string;
	code: string | null;
	status: number | null;
}

type ServerError = { message?: unknown; extensions?: { code?: unknown } & Record<string, unknown> };

function firstError(error: unknown): ServerError | null {
	if (typeof error !== 'object' || error === null || !('errors' in error)) return null;
	const errors = (error as { errors: unknown }).errors;
	return Array.isArray(errors) && typeof errors[0] === 'object' && errors[0] !== null
		? (errors[0] as ServerError)
		: null;
}

/** The words for a refusal that carries what they need (a wait, a size, an invitation's state), else null. */
function wordsWithDetails(code: string, details: Record<string, unknown>): string | null {
	const { retryAfter, limit, state, why } = details;
	if (code === 'VIEW_AS_REFUSED' && typeof why === 'string')
		return (strings.errors.viewAsRefused as Record<string, string>)[why] ?? null;
	if (code === 'TOO_MANY_SIGN_IN_ATTEMPTS' && typeof retryAfter === 'number')
		return strings.errors.tooManySignIns(Math.max(1, Math.ceil(retryAfter / 60)));
	if (code === 'UPLOAD_TOO_LARGE' && typeof limit === 'number')
		return strings.tickets.uploadTooLarge(formatBytes(limit));
	if (code === 'INVITATION_NOT_USABLE' && typeof state === 'string')
		return (strings.invitation.notUsable as Record<string, string>)[state] ?? null;
	return null;
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
	const known = code ? (wordsWithDetails(code, first?.extensions ?? {}) ?? strings.errors.byCode[code]) : undefined;
	if (known) return { message: known, code, status };
	if (typeof first?.message === 'string' && first.message) return { message: first.message, code, status };
	if (error instanceof TypeError) return { message: strings.errors.network, code: null, status: null };
	return { message: strings.errors.unknown, code, status };
}
