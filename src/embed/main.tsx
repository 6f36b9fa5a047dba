import '@fontsource-variable/inter';
import '@xyflow/react/dist/base.css';
import '../index.css';
import '../render/flow/diagram.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configFromUrl, EmbedApp } from './EmbedApp';

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root');
createRoot(root).render(
  <StrictMode>
    <EmbedApp config={configFromUrl(window.location)} />
  </StrictMode>,
);
