/** A limit or a duration from the environment: a positive whole number, else `fallback`. */
export function limitFromEnv(env: Record<string, unknown>, name: string, fallback: number): number {
	const value = Number(env[name]);
	return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}
