/** Kept for importers outside the invitations folder; each action lives in the file named after it. */
export { acceptInvitation } from './accept-invitation.ts';
export { findInvitationByToken, type FoundInvitation } from './find-invitation-by-token.ts';
export { resendInvitation } from './resend-invitation.ts';
export { revokeInvitation } from './revoke-invitation.ts';
