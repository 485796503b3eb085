import { createRoot } from 'react-dom/client';

/** Placeholder until the figures dashboard lands. */
createRoot(document.getElementById('root')!).render(<p>Makaverse — dasbor angka layanan / service figures dashboard</p>);
