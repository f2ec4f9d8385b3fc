// node:timers (NodeBuiltinModules.cs): the global timers, as workerd's node:timers exports them (the same functions:
// a Timeout with refresh, setImmediate); evaluated once at install.
(function (g) {
  'use strict';
  const { setTimeout, setInterval, clearTimeout, clearInterval, setImmediate, clearImmediate } = g;
  return { setTimeout, setInterval, clearTimeout, clearInterval, setImmediate, clearImmediate };
})
