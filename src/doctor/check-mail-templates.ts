import { readdir } from 'node:fs/promises';
import { fallbackColor } from '../branding/safe-color.ts';
import { portalLanguages } from '../i18n/languages.ts';
import { sampleMails } from '../mail/sample-mails.ts';
import { layoutTemplate, mailTemplateFile, renderTeamTemplate, teamTemplateOf } from '../mail/team-mail-templates.ts';
import type { Finding } from './finding.ts';

/**
 * The team's templates of portal mails in `folder` (Directus's mail templates folder): each rendered with a sample
 * mail in every language, so one that does not render is found before a contact's mail goes without it (the
 * portal's own goes instead); and a `portal-….liquid` that names no portal mail, which would never be used.
 */
export async function checkMailTemplates(folder: string): Promise<Finding[]> {
	const files = await readdir(folder).catch(() => [] as string[]);
	const teamFiles = files.filter((file) => /^portal-.*\.liquid$/.test(file));
	if (teamFiles.length === 0) return [];
	const branding = { portalName: 'Customer portal', accentColor: fallbackColor };
	const samples = portalLanguages.flatMap((language) => sampleMails(branding, language));
	const known = new Set(
		[layoutTemplate, ...samples.map((mail) => mailTemplateFile(mail.template?.name ?? ''))].flatMap((file) => [
			file,
			file.replace(/\.liquid$/, '.txt.liquid'),
		]),
	);
	const findings: Finding[] = [];
	const failed = new Set<string>();
	for (const mail of samples) {
		const file = await teamTemplateOf(folder, mail.template?.name ?? '');
		// The layout is tried with every mail that has none of its own; one finding says it fails.
		if (!file || failed.has(file)) continue;
		try {
			await renderTeamTemplate(mail, folder, file);
		} catch (error) {
			failed.add(file);
			findings.push({
				id: `mail-template-${file}`,
				severity: 'warning',
				problem: `The mail template ${file} does not render for the "${mail.template?.name}" mail (${error instanceof Error ? error.message : String(error)}): the portal sends its own mail instead.`,
				fix: `Mend ${file} in the mail templates folder (EMAIL_TEMPLATES_PATH); docs/email.md lists the values each mail gives.`,
			});
		}
	}
	for (const file of teamFiles.filter((name) => !known.has(name)))
		findings.push({
			id: `mail-template-unknown-${file}`,
			severity: 'warning',
			problem: `The mail template ${file} names no portal mail, so it is never used.`,
			fix: 'Name it after one of the portal’s mails (docs/email.md lists them), or portal-layout.liquid for all of them.',
		});
	return findings;
}
