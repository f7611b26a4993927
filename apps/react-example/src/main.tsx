import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SafetyPanel } from './SafetyPanel.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SafetyPanel feedUrl="/feeds/yantian.json" />
  </StrictMode>,
);
