// The canonical trace (spec/trace-format.md). Evaluated before the program on every target, so the
// program's console output is formatted the same way everywhere and marked as trace lines.
const PREFIX = '@@trace ';
const print = globalThis.console.log.bind(globalThis.console);

/** Writes one trace line (TF-1): the prefix, then the line with newlines escaped (TF-2). */
export function emit(line) {
  print(PREFIX + String(line).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
}

/** The name an error is compared by (TF-6): its constructor's name, never its message. */
export function errorType(value) {
  if (value instanceof Error) return value.constructor?.name ?? 'Error';
  return `non-error ${format(value)}`;
}

function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Formats one value (TF-4, TF-5). `nested` quotes strings; `depth` bounds the walk; `seen` stops cycles. */
export function format(value, nested = false, depth = 0, seen = new Set()) {
  switch (typeof value) {
    case 'string': return nested ? JSON.stringify(value) : value;
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'boolean': case 'undefined': return String(value);
    case 'symbol': return `Symbol(${value.description ?? ''})`;
    case 'function': return `[Function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  if (value instanceof Error) return `[${errorType(value)}]`;
  if (value instanceof Promise) return '[Promise]';
  if (seen.has(value)) return '[Circular]';
  if (depth >= 3) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((v) => format(v, true, depth + 1, seen)).join(', ')}]`;
    if (isPlainObject(value)) {
      const parts = Object.keys(value).map((k) => `${k}: ${format(value[k], true, depth + 1, seen)}`);
      return `{${parts.join(', ')}}`;
    }
    return `[${value.constructor?.name ?? 'Object'}]`;
  } finally {
    seen.delete(value);
  }
}

// TF-3: every console method the program calls becomes a trace line named after the method.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  globalThis.console[method] = (...args) => emit(`${method}: ${args.map((a) => format(a)).join(' ')}`);
}
