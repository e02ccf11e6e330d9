/**
 * The English words of the product's refusals a contact may meet that carry no details: the server's messages,
 * and the portal app's English catalogue, which says them in other languages by the same codes. Plain, with no
 * imports: the app bundles it.
 */
export const refusalWords = {
	TOO_MANY_PUBLIC_REQUESTS:
		'Too many requests from here or for this e-mail address. Please wait an hour and try again.',
	TEAM_MEMBER_NOT_FOUND: 'There is no such colleague in your company.',
	VIEW_AS_READ_ONLY:
		'View as is read-only: staff see the portal as the contact does but cannot change anything in their name.',
} as const;
