// The global scope's `error` event (OBS-MATRIX-ERROR-EVENT-1), as workerd fires it: an error thrown by a microtask
// (queueMicrotask, process.nextTick) or by an EventTarget listener and caught by no one is reported, then dispatched to
// globalThis's `error` listeners as an ErrorEvent, synchronously, in the frame current when it was thrown (the
// microtask's captured frame, the dispatcher's frame). A timer's throw is not dispatched (WorkerRuntime.Loop.cs: it
// fails the test instead, TF-13). A listener of `error` that throws is reported and the next listener still runs; its
// error is not dispatched again (observed on workerd).
(function (H, web) {
  'use strict';
  const g = globalThis;
  const { dispatch, globalListeners, ErrorEvent } = web;
  let dispatching = false;

  function reportException(error) {
    H.reportUncaught(error);
    if (dispatching) return;
    dispatching = true;
    try {
      let message;
      try { message = 'Uncaught ' + (error instanceof Error ? `${error.name}: ${error.message}` : String(error)); } catch { message = 'Uncaught'; }
      dispatch(globalListeners, g, new ErrorEvent('error', { error, message }));
    } finally {
      dispatching = false;
    }
  }

  // reportError (the global): reports the error and dispatches it to the global scope's error listeners, synchronously,
  // in the caller's frame, as workerd does (features/matrix/candidate-frames-source-global-scope.feature).
  function reportError(error) { reportException(error); }

  Object.assign(web, { reportException, reportError });
})
