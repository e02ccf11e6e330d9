/**
 * The ticket states a contact may set on their own ticket: reopen, resolve or close it. "New" and "Waiting on
 * customer" (pending) are the service desk's to say. The compiled rule and the portal's status menu both read it.
 */
export const contactSettableStates = ['open', 'resolved', 'closed'] as const;
