const wellKnown = new Map(Object.getOwnPropertyNames(Symbol).filter((k) => typeof Symbol[k] === 'symbol').map((k) => [Symbol[k], `Symbol.${k}`]));
const keyName = (k) => (typeof k === 'symbol' ? wellKnown.get(k) ?? String(k) : k);
const isInternal = (k) => typeof k === 'symbol' && !wellKnown.has(k);
const errorType = (e) => (e instanceof Error ? e.constructor.name : `non-error ${typeof e}`);
const callback = function callback() { return 'called'; };
function isConstructor(f) { try { Reflect.construct(String, [], f); return true; } catch { return false; } }
function protoName(p) {
  if (p === null) return 'null';
  if (p === Object.prototype) return 'Object.prototype';
  if (p === Function.prototype) return 'Function.prototype';
  const c = Object.getOwnPropertyDescriptor(p, 'constructor')?.value;
  return typeof c === 'function' && c.prototype === p ? `${c.name || '(anonymous)'}.prototype` : 'another object';
}
const keysOf = (o) => Reflect.ownKeys(o).filter((k) => !isInternal(k)).map(keyName).sort();
const internalKeysOf = (o) => Reflect.ownKeys(o).filter(isInternal).map(String).sort();
function describe(v) {
  const type = v === null ? 'null' : typeof v;
  if (type === 'function') return { type, name: v.name, length: v.length, constructor: isConstructor(v) };
  if (type === 'object') return { type, prototype: protoName(Object.getPrototypeOf(v)), keys: keysOf(v) };
  if (type === 'symbol') return { type, value: keyName(v) };
  if (type === 'bigint') return { type, value: String(v) };
  return type === 'null' || type === 'undefined' ? { type } : { type, value: v };
}
function attempt(f) { try { return { returns: describe(f()) }; } catch (e) { return { throws: errorType(e) }; } }
function property(o, k) {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return { absent: true };
  const flags = { enumerable: d.enumerable, configurable: d.configurable };
  return 'value' in d ? { kind: 'data', ...flags, writable: d.writable, value: describe(d.value) }
    : { kind: 'accessor', ...flags, get: describe(d.get), set: describe(d.set) };
}
function brand(o, k) {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return { absent: true };
  if (d.get) return attempt(() => d.get.call({}));
  return typeof d.value === 'function' ? attempt(() => d.value.call({}, callback, callback)) : { notCallable: true };
}
function same(f, expected) { try { const v = f(); return v === expected() ? { returns: 'the same object' } : { returns: describe(v) }; } catch (e) { return { throws: errorType(e) }; } }
function storage(makeOptions) {
  const read = [];
  try {
    const als = new AsyncLocalStorage(makeOptions(read));
    return { read, name: describe(als.name), storeOutsideRun: describe(als.getStore()), storeInRun: describe(als.run('s', () => als.getStore())),
      storeInRunUndefined: describe(als.run(undefined, () => als.getStore())), storeInExit: describe(als.run('s', () => als.exit(() => als.getStore()))) };
  } catch (e) { return { read, throws: errorType(e) }; }
}
function resource(makeArgs) {
  const read = [];
  try {
    const r = new AsyncResource(...makeArgs(read));
    return { read, asyncId: attempt(() => r.asyncId()), triggerAsyncId: attempt(() => r.triggerAsyncId()) };
  } catch (e) { return { read, throws: errorType(e) }; }
}
function target() { this.made = 'yes'; return undefined; }
