import { useApi } from '@directus/extensions-sdk';
import { ref } from 'vue';
import { isSupportedDirectusVersion } from '../lib/host-support.ts';

/** Whether this Directus can enforce the portal's rules. Directus tells its version to admins only. */
export function useHostCheck() {
	const api = useApi();
	const version = ref<string | null>(null);
	const unsupported = ref(false);

	async function check(): Promise<void> {
		try {
			const response = await api.get<{ data?: { version?: string } }>('/server/info');
			version.value = response.data.data?.version ?? null;
			unsupported.value = version.value !== null && !isSupportedDirectusVersion(version.value);
		} catch {
			version.value = null;
		}
	}

	return { version, unsupported, check };
}
