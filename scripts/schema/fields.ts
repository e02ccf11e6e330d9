/**
 * Small builders for Directus collection, field and relation definitions, so the help-desk schema in
 * `collections.ts` reads as a list of what each collection holds. The definitions are plain Directus
 * REST payloads (`POST /collections`, `/fields`, `/relations`).
 */
import { stringColumnLength } from '../../src/database/text-limits.ts';

export interface FieldDefinition {
	field: string;
	type: string;
	meta: Record<string, unknown> | null;
	schema?: Record<string, unknown> | null;
}

export interface RelationDefinition {
	collection: string;
	field: string;
	related_collection: string;
	meta?: Record<string, unknown>;
	schema?: Record<string, unknown>;
}

export interface CollectionDefinition {
	collection: string;
	meta: Record<string, unknown>;
	/** Folder collections have no table. */
	folder?: boolean;
	fields: FieldDefinition[];
	/** Relations whose many side is a field of this collection. */
	relations: RelationDefinition[];
	/** O2M alias fields, created once their relations exist. */
	aliases: FieldDefinition[];
}

type Width = 'half' | 'full';
interface Common {
	required?: boolean;
	note?: string;
	width?: Width;
	readonly?: boolean;
	hidden?: boolean;
	indexed?: boolean;
	unique?: boolean;
}

function meta(options: Common, extra: Record<string, unknown>): Record<string, unknown> {
	return {
		required: options.required ?? false,
		readonly: options.readonly ?? false,
		hidden: options.hidden ?? false,
		width: options.width ?? 'full',
		note: options.note ?? null,
		...extra,
	};
}

function columnSchema(options: Common, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		is_nullable: !options.required,
		is_unique: options.unique ?? false,
		is_indexed: options.indexed ?? false,
		...extra,
	};
}

export function primaryKey(): FieldDefinition {
	return {
		field: 'id',
		type: 'integer',
		meta: { hidden: true, readonly: true, interface: 'input' },
		schema: { is_primary_key: true, has_auto_increment: true },
	};
}

export function string(
	field: string,
	options: Common & { placeholder?: string; masked?: boolean } = {},
): FieldDefinition {
	return {
		field,
		type: 'string',
		meta: meta(options, {
			interface: 'input',
			options: {
				...(options.placeholder ? { placeholder: options.placeholder } : {}),
				...(options.masked ? { masked: true } : {}),
			},
			display: options.masked ? null : 'raw',
		}),
		schema: columnSchema(options, { max_length: stringColumnLength }),
	};
}

export function email(field: string, options: Common = {}): FieldDefinition {
	const definition = string(field, { ...options, placeholder: 'name@example.com' });
	Object.assign(definition.meta ?? {}, {
		options: { placeholder: 'name@example.com', iconLeft: 'alternate_email', trim: true },
		display: 'formatted-value',
		display_options: { format: false },
		validation: { [field]: { _regex: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' } },
		validation_message: 'Enter an e-mail address such as name@example.com.',
	});
	return definition;
}

export function text(field: string, options: Common & { markdown?: boolean } = {}): FieldDefinition {
	return {
		field,
		type: 'text',
		meta: meta(options, {
			interface: options.markdown ? 'input-rich-text-md' : 'input-multiline',
			display: 'formatted-value',
			display_options: { format: false },
		}),
		schema: columnSchema(options),
	};
}

export function integer(field: string, options: Common & { defaultValue?: number } = {}): FieldDefinition {
	return {
		field,
		type: 'integer',
		meta: meta(options, { interface: 'input', display: 'formatted-value' }),
		schema: columnSchema(options, { default_value: options.defaultValue ?? null }),
	};
}

export function decimal(field: string, options: Common & { suffix?: string; prefix?: string } = {}): FieldDefinition {
	return {
		field,
		type: 'decimal',
		meta: meta(options, {
			interface: 'input',
			options: { min: 0, ...(options.prefix ? { iconLeft: 'payments' } : {}) },
			display: 'formatted-value',
			display_options: {
				...(options.suffix ? { suffix: options.suffix } : {}),
				...(options.prefix ? { prefix: options.prefix } : {}),
			},
		}),
		schema: columnSchema(options, { numeric_precision: 12, numeric_scale: 2 }),
	};
}

export function boolean(field: string, label: string, defaultValue: boolean, options: Common = {}): FieldDefinition {
	return {
		field,
		type: 'boolean',
		meta: meta(
			{ width: 'half', ...options },
			{
				interface: 'boolean',
				options: { label },
				display: 'boolean',
				special: ['cast-boolean'],
			},
		),
		schema: { ...columnSchema({ ...options, required: true }), default_value: defaultValue },
	};
}

/** A JSON value edited as code in the studio. */
export function json(field: string, options: Common = {}): FieldDefinition {
	return {
		field,
		type: 'json',
		meta: meta(options, {
			interface: 'input-code',
			options: { language: 'JSON', lineNumber: true },
			special: ['cast-json'],
			display: 'formatted-json-value',
		}),
		schema: columnSchema(options),
	};
}

export function date(field: string, options: Common = {}): FieldDefinition {
	return {
		field,
		type: 'date',
		meta: meta(
			{ width: 'half', ...options },
			{ interface: 'datetime', display: 'datetime', display_options: { format: 'short' } },
		),
		schema: columnSchema(options),
	};
}

export function dateTime(field: string, options: Common = {}): FieldDefinition {
	return {
		field,
		type: 'timestamp',
		meta: meta(
			{ width: 'half', ...options },
			{ interface: 'datetime', display: 'datetime', display_options: { relative: false } },
		),
		schema: columnSchema(options),
	};
}

/** Set by Directus when the item is created or updated. Indexed: lists and dashboards sort by both. */
export function stamp(field: 'date_created' | 'date_updated'): FieldDefinition {
	return {
		field,
		type: 'timestamp',
		meta: {
			special: [field === 'date_created' ? 'date-created' : 'date-updated'],
			interface: 'datetime',
			readonly: true,
			hidden: true,
			width: 'half',
			display: 'datetime',
			display_options: { relative: true },
		},
		schema: { is_indexed: true },
	};
}

export interface Choice {
	value: string;
	text: string;
	color: string;
}

/**
 * A text field offering `choices`. With `onlyChoices`, Directus refuses any other value (the product's own
 * settings); the help desk's selects stay open to values a team adds.
 */
export function select(
	field: string,
	choices: Choice[],
	defaultValue: string | null,
	options: Common & { onlyChoices?: boolean } = {},
): FieldDefinition {
	return {
		field,
		type: 'string',
		meta: meta(
			{ width: 'half', ...options },
			{
				...(options.onlyChoices
					? {
							validation: { _and: [{ [field]: { _in: choices.map(({ value }) => value) } }] },
							validation_message: `Choose one of: ${choices.map(({ value }) => value).join(', ')}.`,
						}
					: {}),
				interface: 'select-dropdown',
				options: { choices: choices.map(({ value, text }) => ({ value, text })) },
				display: 'labels',
				display_options: {
					showAsDot: true,
					choices: choices.map(({ value, text, color }) => ({ value, text, foreground: '#FFFFFF', background: color })),
				},
			},
		),
		schema: columnSchema(
			{ indexed: true, ...options, required: options.required ?? defaultValue !== null },
			{
				max_length: 32,
				default_value: defaultValue,
			},
		),
	};
}

/** Directus keys its users, files, roles and policies by uuid; the product's own collections are keyed by integer. */
function keyType(related: string): 'uuid' | 'integer' {
	return ['directus_users', 'directus_files', 'directus_roles', 'directus_policies'].includes(related)
		? 'uuid'
		: 'integer';
}

export interface ManyToOne {
	field: FieldDefinition;
	relation: RelationDefinition;
}

/**
 * A many-to-one field with its relation. Every such column is indexed: the portal's permission
 * filters and the studio's relational lists both look rows up by it.
 */
export function manyToOne(
	collection: string,
	field: string,
	related: string,
	options: Common & {
		template: string;
		onDelete: 'CASCADE' | 'SET NULL' | 'NO ACTION';
		/** The O2M alias on the related collection, if any. */
		oneField?: string;
		interfaceName?: string;
	},
): ManyToOne {
	const isFile = related === 'directus_files';
	return {
		field: {
			field,
			type: keyType(related),
			meta: meta(
				{ width: 'half', ...options },
				{
					interface: options.interfaceName ?? (isFile ? 'file' : 'select-dropdown-m2o'),
					special: isFile ? ['file'] : ['m2o'],
					options: isFile ? {} : { template: options.template, enableCreate: false },
					display: isFile ? 'file' : relatedDisplay(related),
					display_options: isFile || related === 'directus_users' ? {} : { template: options.template },
				},
			),
			schema: columnSchema({ indexed: true, ...options }),
		},
		relation: {
			collection,
			field,
			related_collection: related,
			meta: { one_field: options.oneField ?? null, one_deselect_action: 'nullify', sort_field: null },
			schema: { on_delete: options.onDelete },
		},
	};
}

/** The O2M alias that lists the rows pointing at an item, for the studio and for relational filters. */
export function oneToMany(
	field: string,
	options: { template: string; note?: string; readonly?: boolean; hidden?: boolean },
): FieldDefinition {
	return {
		field,
		type: 'alias',
		meta: {
			special: ['o2m'],
			interface: 'list-o2m',
			options: { template: options.template, enableCreate: true, enableSelect: false },
			display: 'related-values',
			display_options: { template: options.template },
			readonly: options.readonly ?? false,
			hidden: options.hidden ?? false,
			note: options.note ?? null,
			width: 'full',
		},
		schema: null,
	};
}

/** A field with no data that shows an interface on the item page: a button, a notice. */
export function presentation(field: string, interfaceName: string, options: { note?: string } = {}): FieldDefinition {
	return {
		field,
		type: 'alias',
		meta: {
			special: ['alias', 'no-data'],
			interface: interfaceName,
			options: null,
			readonly: false,
			hidden: false,
			note: options.note ?? null,
			width: 'full',
		},
		schema: null,
	};
}

/** The alias of an M2M through a junction collection. */
export function manyToMany(
	field: string,
	interfaceName: 'list-m2m' | 'files',
	template: string | null,
	note?: string,
): FieldDefinition {
	return {
		field,
		type: 'alias',
		meta: {
			special: [interfaceName === 'files' ? 'files' : 'm2m'],
			interface: interfaceName,
			options: template ? { template, enableCreate: false } : {},
			display: 'related-values',
			display_options: template ? { template } : {},
			note: note ?? null,
			width: 'full',
		},
		schema: null,
	};
}

export function singleton(
	name: string,
	options: { icon: string; note: string; group?: string },
	fields: FieldDefinition[],
	manyToOnes: ManyToOne[] = [],
): CollectionDefinition {
	const definition = collection(name, options, fields, manyToOnes);
	definition.meta['singleton'] = true;
	return definition;
}

export function collection(
	name: string,
	options: {
		icon: string;
		note: string;
		template?: string;
		group?: string;
		hidden?: boolean;
		sortField?: string;
		archive?: { field: string; value: string; unarchive: string };
		sort?: number;
	},
	fields: FieldDefinition[],
	manyToOnes: ManyToOne[] = [],
	aliases: FieldDefinition[] = [],
	/** Relations of a junction's second side, and other relations not built by `manyToOne`. */
	extraRelations: RelationDefinition[] = [],
): CollectionDefinition {
	return {
		collection: name,
		meta: {
			icon: options.icon,
			note: options.note,
			display_template: options.template ?? null,
			group: options.group ?? null,
			hidden: options.hidden ?? false,
			sort_field: options.sortField ?? null,
			archive_field: options.archive?.field ?? null,
			archive_value: options.archive?.value ?? null,
			unarchive_value: options.archive?.unarchive ?? null,
			archive_app_filter: Boolean(options.archive),
			sort: options.sort ?? null,
			accountability: 'all',
			collapse: 'open',
		},
		fields: [...fields, ...manyToOnes.map(({ field }) => field)],
		relations: [...manyToOnes.map(({ relation }) => relation), ...extraRelations],
		aliases,
	};
}

export function folder(name: string, icon: string, note: string, sort: number): CollectionDefinition {
	return {
		collection: name,
		folder: true,
		meta: { icon, note, sort, collapse: 'open', hidden: false },
		fields: [],
		relations: [],
		aliases: [],
	};
}

/** How Directus shows a many-to-one value: a user as a user, anything else by its template. */
function relatedDisplay(related: string): string {
	return related === 'directus_users' ? 'user' : 'related-values';
}
