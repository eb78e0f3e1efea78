import { mount } from 'svelte';
import App from './ui/App.svelte';
import { parseRoute } from './state/router.svelte';
import { prefetchRows } from './storage/prefetch';
import './ui/common/global.css';

// Opening a workspace: its stored rows are read while the workspace screen's scripts load.
const route = parseRoute(location.hash);
if (route.screen === 'workspace') void prefetchRows(route.id);

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
export default mount(App, { target });
