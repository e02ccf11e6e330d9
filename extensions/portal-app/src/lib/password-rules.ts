/** The checks a new password gets before it is sent; Directus applies its own password policy as well. */
import { strings } from '../strings.ts';

export const minimumPasswordLength = 8;

export function passwordErrors(values: {
	password: string;
	confirm: string;
}): Partial<Record<'password' | 'confirm', string>> {
	const errors: Partial<Record<'password' | 'confirm', string>> = {};
	if (!values.password) errors.password = strings.required;
	else if (values.password.length < minimumPasswordLength) errors.password = strings.invitation.tooShort;
	if (!values.confirm) errors.confirm = strings.required;
	else if (values.password && values.confirm !== values.password) errors.confirm = strings.invitation.mismatch;
	return errors;
}
