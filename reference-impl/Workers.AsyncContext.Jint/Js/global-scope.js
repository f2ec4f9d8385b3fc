// The global scope's own addEventListener/removeEventListener/dispatchEvent (workerd's ServiceWorkerGlobalScope),
// where the host dispatches unhandledrejection/rejectionhandled (UR-1, OBS-REJECTION-FRAME-1) through web.js's hooks.
(function (H, web) {
  'use strict';
  const g = globalThis;
  const { addListener, removeListener, dispatch } = web;

  // The global scope's own listeners (workerd: ServiceWorkerGlobalScope; listeners get globalThis as target and this).
  const globalListeners = new Map();
  function addEventListener(type, listener, options) { addListener(globalListeners, type, listener, options); }
  function removeEventListener(type, listener, options) { removeListener(globalListeners, type, listener, options); }
  function dispatchEvent(event) { return dispatch(globalListeners, g, event); }
  const listenerCount = (type) => (globalListeners.get(type) ?? []).length;

  Object.assign(web, { globalListeners, addEventListener, removeEventListener, dispatchEvent, listenerCount });
})
