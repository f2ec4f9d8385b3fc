// console: log/info/debug to the host's stdout sink (H.stdout, one call per line, TF-1), warn/error to stderr;
// Node-like formatting of values (inspect). Part of the web globals, loaded first (see web.js).
(function (H, web) {
  'use strict';

  // ---- console: one call of the host sink per line; Node-like formatting for primitives.
  function inspect(v, nested, depth, seen) {
    switch (typeof v) {
      case 'string': return nested ? `'${v}'` : v;
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return `${v}n`;
      case 'undefined': case 'boolean': return String(v);
      case 'symbol': return v.toString();
      case 'function': return `[Function: ${v.name || '(anonymous)'}]`;
    }
    if (v === null) return 'null';
    if (v instanceof Error) return v.stack && !nested ? String(v.stack) : `${v.name}: ${v.message}`;
    if (seen.includes(v)) return '[Circular]';
    if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
    const s = [...seen, v];
    if (Array.isArray(v)) return `[ ${v.map((x) => inspect(x, true, depth + 1, s)).join(', ')} ]`.replace('[  ]', '[]');
    if (v instanceof Promise) return 'Promise { }';
    const keys = Object.keys(v);
    const name = v.constructor && v.constructor !== Object ? `${v.constructor.name} ` : '';
    if (keys.length === 0) return `${name}{}`;
    return `${name}{ ${keys.map((k) => `${k}: ${inspect(v[k], true, depth + 1, s)}`).join(', ')} }`;
  }
  const line = (args) => args.map((a) => inspect(a, false, 0, [])).join(' ');
  const console = {
    log: (...a) => H.stdout(line(a)),
    info: (...a) => H.stdout(line(a)),
    debug: (...a) => H.stdout(line(a)),
    warn: (...a) => H.stderr(line(a)),
    error: (...a) => H.stderr(line(a)),
  };

  Object.assign(web, { inspect, console });
})
