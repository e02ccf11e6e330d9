import { strings } from '../i18n/strings.ts';

/** A list page's status filter: "Every mail", then each status in words with its count once the counts are read. */
export function statusChoices<S extends string>(
	labels: Readonly<Record<S, string>>,
	counts: Readonly<Record<S, number>> | null,
): { text: string; value: S | null }[] {
	return [
		{ text: strings.outbox.everyMail, value: null },
		...(Object.keys(labels) as S[]).map((value) => ({
			text: `${labels[value]}${counts ? ` (${counts[value]})` : ''}`,
			value,
		})),
	];
}
