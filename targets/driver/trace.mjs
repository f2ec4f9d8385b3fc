// The canonical trace (spec/trace-format.md, version 2). Evaluated before the program on every target, so the
// program's console output is formatted the same way everywhere and marked as trace lines.
import * as asyncHooks from 'node:async_hooks';

const PREFIX = '@@trace ';
const print = globalThis.console.log.bind(globalThis.console);
// TF-3a The console writes one line, not a trace line (TF-1), before the program runs: on workerd 1.20240117.0, 1.20250109.0
// and 1.20250404.0 (the releases measured) the first console.log drains the microtask queue (it loads what it needs lazily),
// so a program's first line would come after the microtasks it had queued.
print('@@console-ready');
const MAX_DEPTH = 3; // TF-5

/** Writes one trace line (TF-1): the prefix, then the line with newlines escaped (TF-2). */
export function emit(line) {
  print(PREFIX + String(line).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
}

/** The name an error is compared by (TF-6): its constructor's name, never its message. */
export function errorType(value) {
  if (value instanceof Error) return value.constructor?.name ?? 'Error';
  return `non-error ${format(value)}`;
}

// TF-11 Host classes: the runtime's own constructors, reachable as a global or exported by node:async_hooks. The global
// names are taken now, before the program runs, so a global the program adds is never a host class; their values are read
// when the first object is formatted: reading every global makes Node and Deno load their lazy globals (fetch, Response,
// ...), most of a program's start-up cost there (docs/performance.md), and most programs never format an object.
const hostNames = Object.getOwnPropertyNames(globalThis);
let hostClasses;
function hostClassSet() {
  if (hostClasses !== undefined) return hostClasses;
  hostClasses = new Set();
  for (const name of hostNames) {
    let value;
    try {
      value = globalThis[name]; // some globals are lazy getters (Node's Response)
    } catch {
      continue;
    }
    if (typeof value === 'function') hostClasses.add(value);
  }
  for (const value of Object.values(asyncHooks)) if (typeof value === 'function') hostClasses.add(value);
  return hostClasses;
}
const SHOWN = new Set([Object, Array, Map, Set]); // host classes whose instances show their contents (TF-11)

function constructorOf(proto) {
  const c = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  return typeof c === 'function' ? c : undefined;
}

/** The first host class on the prototype chain (TF-11), or undefined for a chain of the program's own classes. */
function nearestHostClass(value) {
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const c = constructorOf(proto); // a prototype without its own constructor (a generator's, Object.create's) is passed over
    if (c !== undefined && hostClassSet().has(c)) return c;
  }
  return undefined;
}

function className(value) {
  const proto = Object.getPrototypeOf(value);
  return (proto === null ? undefined : constructorOf(proto)?.name) || 'Object';
}

function keyText(key) {
  return typeof key === 'symbol' ? `[${format(key)}]` : key;
}

/** Own enumerable string keys in order, then own enumerable symbol keys (TF-12). */
function entries(value, skipIndexes, walk) {
  const keys = Reflect.ownKeys(value).filter((k) => Object.prototype.propertyIsEnumerable.call(value, k)
    && !(skipIndexes && typeof k === 'string' && String(k >>> 0) === k && (k >>> 0) < value.length));
  return keys.map((k) => `${keyText(k)}: ${walk(value[k])}`);
}

/** Formats one value (TF-4, TF-5, TF-11, TF-12). `depth` bounds the walk; `seen` stops cycles. */
export function format(value, depth = 0, seen = new Set()) {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'boolean': case 'undefined': return String(value);
    case 'symbol': return `Symbol(${value.description ?? ''})`;
    case 'function': return `[Function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  if (value instanceof Error) return `[${errorType(value)}]`;
  if (value instanceof Promise) return '[Promise]';
  const host = nearestHostClass(value);
  if (host !== undefined && !SHOWN.has(host)) return `[${className(value)}]`;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  const walk = (v) => format(v, depth + 1, seen);
  try {
    const name = className(value);
    if (Array.isArray(value)) {
      const items = [...Array.from(value, walk), ...entries(value, true, walk)];
      return `${name === 'Array' ? '' : `${name}(${value.length}) `}[${items.join(', ')}]`;
    }
    if (value instanceof Map) {
      const items = [...Array.from(Map.prototype.entries.call(value), ([k, v]) => `${walk(k)} => ${walk(v)}`), ...entries(value, false, walk)];
      return `${name}(${value.size}) {${items.join(', ')}}`;
    }
    if (value instanceof Set) {
      const items = [...Array.from(Set.prototype.values.call(value), walk), ...entries(value, false, walk)];
      return `${name}(${value.size}) {${items.join(', ')}}`;
    }
    const body = `{${entries(value, false, walk).join(', ')}}`;
    return name === 'Object' ? body : `${name} ${body}`;
  } finally {
    seen.delete(value);
  }
}

// TF-3: every console method the program calls becomes a trace line named after the method.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  globalThis.console[method] = (...args) => emit(`${method}: ${args.map((a) => format(a)).join(' ')}`);
}
