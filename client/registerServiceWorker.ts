// Registers the service worker that keeps the app shell for offline reloads (production builds only:
// in `npm run dev` Vite's hot reload must see every request).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err: unknown) => {
      console.warn('Målkart: service worker not registered; reloading while offline will not work.', err);
    });
  });
}
