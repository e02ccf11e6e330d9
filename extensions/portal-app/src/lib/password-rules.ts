/**
 * The checks a new password gets before it is sent: the product's own rules (src/auth/password-rules.ts, which
 * the server applies too), in the portal's words. Directus's own password policy answers from the server.
 */
import { type PasswordProblem, passwordProblem } from '../../../../src/auth/password-rules.ts';
import { strings } from '../strings.ts';

const problemText: Record<PasswordProblem, 'tooShort' | 'tooLong' | 'common' | 'likeEmail'> = {
	too_short: 'tooShort',
	too_long: 'tooLong',
	common: 'common',
	like_email: 'likeEmail',
};

export function passwordErrors(
	values: { password: string; confirm: string; current_password?: string },
	email?: string | null,
): Partial<Record<'password' | 'confirm', string>> {
	const errors: Partial<Record<'password' | 'confirm', string>> = {};
	const problem = values.password ? passwordProblem(values.password, { email }) : null;
	if (!values.password) errors.password = strings.required;
	else if (problem) errors.password = strings.invitation[problemText[problem]];
	else if (values.current_password && values.password === values.current_password)
		errors.password = strings.profile.samePassword;
	if (!values.confirm) errors.confirm = strings.required;
	else if (values.password && values.confirm !== values.password) errors.confirm = strings.invitation.mismatch;
	return errors;
}
