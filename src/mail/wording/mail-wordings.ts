import type { PortalLanguage } from '../../i18n/languages.ts';
import { english } from './english.ts';
import { german } from './german.ts';
import type { MailWording } from './mail-wording.ts';

/** The mails' words in every portal language: a language added to `portalLanguages` needs its file here. */
export const mailWordings: Record<PortalLanguage, MailWording> = { en: english, de: german };

/** The reply line of every language, for the inbound parser: a reply to a mail in any of them is cut there. */
export const replyMarkers: readonly string[] = [
	...new Set(Object.values(mailWordings).map((wording) => wording.common.replyMarker)),
];
