// node:process (NodeBuiltinModules.cs): its default export is globalThis.process itself (as on workerd, where
// `import process from 'node:process'` === globalThis.process), and each of its own members a named export.
(function (g) {
  'use strict';
  const process = g.process;
  return Object.assign({}, process, { default: process });
})
