import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { Navigation } from './navigation/Navigation';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <header className="p-4 shadow">
      <h1 className="text-xl font-semibold">MediCore</h1>
      <Navigation roles={[]} />
    </header>
  </StrictMode>,
);
