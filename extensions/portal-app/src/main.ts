/** The portal app: mounted once the router knows who is signed in (so no page flashes the wrong menu). */
import { createApp } from 'vue';
import App from './App.vue';
import { followPageTitle } from './composables/use-page-title.ts';
import { watchSession } from './composables/use-session-watch.ts';
import { takeViewAsTicket } from './lib/view-as.ts';
import { createPortalRouter } from './router.ts';
import './styles.css';

// Before the router reads the address: a View as ticket leaves it at once.
takeViewAsTicket();
const router = createPortalRouter();
watchSession(router);
const app = createApp(App).use(router);
void router.isReady().then(() => {
	app.mount('#app');
	const root = document.getElementById('app');
	if (root) followPageTitle(root);
});
