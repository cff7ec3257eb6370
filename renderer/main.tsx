import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServerStateProvider } from './api/use-server-state';
import { App } from './app';
import { VaultGate } from './features/vault/vault-gate';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/situations.css';
import './styles/thread.css';
import './styles/archive.css';
import './styles/people-and-tags.css';
import './styles/live-meeting.css';
import './styles/archive-tools.css';
import './styles/vault.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ServerStateProvider>
      <VaultGate>
        <App />
      </VaultGate>
    </ServerStateProvider>
  </StrictMode>,
);
