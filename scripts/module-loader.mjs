import { createServer } from 'vite';

/**
 * Vite without its HTTP server or the project's config: loads the app's own TypeScript
 * modules in Node, transformed as the app's are (`ssrLoadModule`). The build uses it to
 * prerender the lock screen, the benchmark to make its backup with the app's own code.
 * Close it when done.
 */
export function createModuleLoader(root) {
  return createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true },
  });
}
