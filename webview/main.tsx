// Entry of the journey map webview: starts the layout worker and the codicon
// font at once (so both are ready by the first document), registers the
// webview-ui-toolkit components, mounts the React app (which says ready).
import './zodConfig';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadCodiconFont } from './icons';
import { registerToolkit } from './inspector/toolkit';
import { startLayoutEngine } from './layout/elkLayout';
import './styles.css';

startLayoutEngine();
void loadCodiconFont().catch(() => undefined);
registerToolkit();
createRoot(document.getElementById('root')!).render(<App />);
