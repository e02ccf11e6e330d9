/** How long an invitation link may stay valid: at least an hour, at most 30 days. */
export const inviteTtlHours = { min: 1, max: 720 } as const;
