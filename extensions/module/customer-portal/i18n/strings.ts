/**
 * Every word the studio module shows, in the language it speaks now (studio-language.ts): English's catalogue
 * (en.ts) until the staff member's own is known. Reactive, so a change of language draws the pages again.
 */
import { reactive } from 'vue';
import { copyOf } from '../../../../src/i18n/copy-into.ts';
import type { StudioCatalogue } from './catalogues.ts';
import { en } from './en.ts';

export const strings = reactive(copyOf(en)) as StudioCatalogue;
