import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { registerServiceWorker } from './registerServiceWorker';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <ErrorBoundary area="errorAreaPage">
      <App />
    </ErrorBoundary>
  </I18nProvider>,
);

registerServiceWorker();
