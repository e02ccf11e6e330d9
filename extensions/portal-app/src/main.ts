/** The portal app: mounted once the router knows who is signed in (so no page flashes the wrong menu). */
import { createApp } from 'vue';
import App from './App.vue';
import { createPortalRouter } from './router.ts';
import './styles.css';

const router = createPortalRouter();
const app = createApp(App).use(router);
void router.isReady().then(() => app.mount('#app'));
