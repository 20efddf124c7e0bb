// tldraw's client code reads a few browser globals (window size, visibility, animation frames).
// These stand-ins let a stock TLSyncClient run in Node; they do not fake any network behaviour.
import { setMaxListeners } from 'node:events';

type Globals = Record<string, unknown>;

export function installBrowserGlobals(): void {
  const scope = globalThis as unknown as Globals;
  if (scope.window) return;
  const window = Object.assign(new EventTarget(), {
    devicePixelRatio: 1,
    innerWidth: 1280,
    innerHeight: 800,
  });
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible', hidden: false });
  // Every client of a process listens to the same window: lift Node's leak warning.
  setMaxListeners(0, window, document);
  scope.window = window;
  scope.document = document;
  scope.requestAnimationFrame = (callback: (time: number) => void) =>
    setTimeout(() => callback(performance.now()), 16) as unknown as number;
  scope.cancelAnimationFrame = (handle: number) => clearTimeout(handle);
}
