/** The states staff may set a ticket to with a reply or note: "New" is only ever a ticket's first. */
export const staffReplyStates = ['open', 'pending', 'resolved', 'closed'] as const;
export type StaffReplyState = (typeof staffReplyStates)[number];
