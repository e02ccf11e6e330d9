/** Directus's own studio components as plain elements, so a module page renders outside the studio. */
import { type Component, defineComponent, h } from 'vue';

const plain = (tag: string, className: string): Component =>
	defineComponent({
		name: className,
		inheritAttrs: true,
		setup:
			(_props, { slots }) =>
			() =>
				h(tag, { class: className }, slots['default']?.()),
	});

const VButton = defineComponent({
	props: { loading: Boolean, disabled: Boolean },
	emits: ['click'],
	setup:
		(props, { slots, emit }) =>
		() =>
			h(
				'button',
				{
					'disabled': props.disabled,
					'data-loading': String(props.loading),
					'onClick': (event: MouseEvent) => emit('click', event),
				},
				slots['default']?.(),
			),
});

const PrivateView = defineComponent({
	props: { title: { type: String, required: true } },
	setup:
		(props, { slots }) =>
		() =>
			h('div', { class: 'private-view' }, [
				slots['headline']?.(),
				h('h1', props.title),
				slots['title-outer:prepend']?.(),
				h('div', { class: 'header-actions' }, slots['actions']?.()),
				slots['default']?.(),
			]),
});

/** Each header's cell from the page's `item.<value>` slot, like Directus's table. */
const VTable = defineComponent({
	props: {
		headers: { type: Array as () => { value: string }[], required: true },
		items: { type: Array as () => Record<string, unknown>[], required: true },
	},
	setup:
		(props, { slots }) =>
		() =>
			h('table', { class: 'v-table' }, [
				h(
					'tbody',
					props.items.map((item) =>
						h('tr', [
							...props.headers.map((header) =>
								h('td', slots[`item.${header.value}`]?.({ item }) ?? String(item[header.value] ?? '')),
							),
							h('td', slots['item-append']?.({ item })),
						]),
					),
				),
			]),
});

const VDialog = defineComponent({
	props: { modelValue: Boolean },
	setup:
		(props, { slots }) =>
		() =>
			props.modelValue ? h('div', { class: 'v-dialog' }, slots['default']?.()) : null,
});

/** Directus's input as a native one, emitting what is typed (use it for pages whose test types into an input). */
export const VTypedInput = defineComponent({
	props: { modelValue: { type: null, default: null } },
	emits: ['update:modelValue'],
	setup:
		(props, { emit }) =>
		() =>
			h('input', {
				class: 'v-input',
				value: props.modelValue ?? '',
				onInput: (event: Event) => emit('update:modelValue', (event.target as HTMLInputElement).value),
			}),
});

export const studioComponents: Record<string, Component> = {
	PrivateView,
	VButton,
	VNotice: plain('div', 'v-notice'),
	VProgressCircular: plain('div', 'v-progress-circular'),
	VIcon: plain('i', 'v-icon'),
	VBreadcrumb: plain('nav', 'v-breadcrumb'),
	VList: plain('ul', 'v-list'),
	VListItem: plain('li', 'v-list-item'),
	VListItemIcon: plain('span', 'v-list-item-icon'),
	VListItemContent: plain('span', 'v-list-item-content'),
	VTextOverflow: plain('span', 'v-text-overflow'),
	VCheckbox: plain('label', 'v-checkbox'),
	VRadio: plain('label', 'v-radio'),
	VInput: plain('input', 'v-input'),
	VSelect: plain('select', 'v-select'),
	VTable,
	VDialog,
	VChip: plain('span', 'v-chip'),
	VCard: plain('div', 'v-card'),
	VCardTitle: plain('div', 'v-card-title'),
	VCardText: plain('div', 'v-card-text'),
	VCardActions: plain('div', 'v-card-actions'),
};

export const studioDirectives = { tooltip: {} };
