/**
 * When the outbox tries a mail again after a failure: the first retry after `firstDelaySeconds`, each
 * next one twice as late, at most an hour apart; after two days of failures the mail is given up as
 * failed (staff see it and can resend). A server's permanent refusal (an SMTP 5xx: no such mailbox) is
 * not retried.
 */
export interface RetryPolicy {
	firstDelaySeconds: number;
}

const longestDelayMs = 3_600_000;
export const giveUpAfterMs = 48 * 3_600_000;

/** Whether a mail-server error says trying again cannot help. */
export function isPermanentMailError(error: unknown): boolean {
	const code = (error as { responseCode?: unknown } | null)?.responseCode;
	return typeof code === 'number' && code >= 500 && code < 600;
}

/** The next attempt after `attempts` failed ones, or null to give up. */
export function nextAttemptAt(
	policy: RetryPolicy,
	{ attempts, createdAt, now }: { attempts: number; createdAt: Date; now: Date },
): Date | null {
	if (now.getTime() - createdAt.getTime() >= giveUpAfterMs) return null;
	const delay = Math.min(policy.firstDelaySeconds * 1000 * 2 ** Math.max(0, attempts - 1), longestDelayMs);
	return new Date(now.getTime() + delay);
}

/** `PORTAL_MAIL_RETRY_SECONDS`: the first retry's delay (default 60 s). */
export function retryPolicyFromEnv(env: Record<string, unknown>): RetryPolicy {
	const value = Number(env['PORTAL_MAIL_RETRY_SECONDS'] ?? 60);
	return { firstDelaySeconds: Number.isFinite(value) && value > 0 ? value : 60 };
}
