// Walks workerd's globals and every node:* module that node:module's builtinModules names (issue 19, item 1).
// Prints one JSON line per owner: { module, members: [{ path, kind, ... }] }; `recipes` (from the model) name
// objects that members return, walked the same way. Every list is sorted; an object met twice is an alias.
const seen = new Map(); // object or function -> "module path"
// Every global and every module export by its first name, so a base class or prototype met before its own name is walked
// (AggregateError before Error) is named, not walked twice.
const named = new Map();
const globalChain = new Set();
// A name for a value and, for a class, for its prototype (an instance's prototype met through a recipe or `process`).
function name(value, path) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || named.has(value)) return;
  named.set(value, path);
  if (typeof value === 'function' && looksLikeClass(value) && !named.has(value.prototype)) named.set(value.prototype, path + '.prototype');
}
const nameOf = v => seen.get(v) ?? named.get(v);
const wellKnown = new Map(Object.getOwnPropertyNames(Symbol).filter(k => typeof Symbol[k] === 'symbol').map(k => [Symbol[k], `[Symbol.${k}]`]));
const keyName = k => typeof k === 'string' ? k : wellKnown.get(k);
const skipOnFunction = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);
const isHandler = name => /^on[a-z]+$/.test(name);
const looksLikeClass = f => {
  if (/^class[\s{]/.test(Function.prototype.toString.call(f))) return true;
  const p = Object.getOwnPropertyDescriptor(f, 'prototype');
  return !!p && typeof p.value === 'object' && p.value !== null && Reflect.ownKeys(p.value).some(k => k !== 'constructor');
};
function ownKeys(o) {
  return Reflect.ownKeys(o).map(k => [keyName(k), k]).filter(([n]) => n !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function walkOwner(module, out, prefix, owner, skip, depth) {
  for (const [name, key] of ownKeys(owner)) {
    if (skip.has(name)) continue;
    let d;
    try { d = Object.getOwnPropertyDescriptor(owner, key); } catch (e) { out.push({ path: prefix + name, kind: 'unreadable' }); continue; }
    if (!d) continue;
    const path = prefix + name;
    if (d.get || d.set) {
      const fn = d.get ?? d.set;
      if (seen.has(fn)) { out.push({ path, kind: 'alias', of: seen.get(fn) }); continue; }
      seen.set(fn, `${module} ${path}`);
      out.push({ path, kind: isHandler(name) ? 'handler' : 'accessor', get: !!d.get, set: !!d.set });
      continue;
    }
    // An on* data property is a handler unless it holds a function (EventEmitter's `once` is a method).
    walkValue(module, out, path, d.value, depth, isHandler(name) && typeof d.value !== 'function');
  }
}
function walkValue(module, out, path, value, depth, handler) {
  const type = value === null ? 'null' : typeof value;
  if (type !== 'object' && type !== 'function') { out.push({ path, kind: handler ? 'handler' : 'value', type }); return; }
  // A value met away from its own name (a class on ServiceWorkerGlobalScope.prototype, EventEmitter through process) is an
  // alias of that name, walked there.
  const canonical = named.get(value);
  if (canonical !== undefined && canonical !== `${module} ${path}`) { out.push({ path, kind: 'alias', of: canonical }); return; }
  if (seen.has(value)) { out.push({ path, kind: 'alias', of: seen.get(value) }); return; }
  seen.set(value, `${module} ${path}`);
  if (type === 'function') {
    const isClass = looksLikeClass(value);
    const entry = { path, kind: isClass ? 'class' : (handler ? 'handler' : 'function'), length: value.length };
    if (isClass) {
      const parent = Object.getPrototypeOf(value);
      if (parent !== Function.prototype && parent !== null) entry.extends = nameOf(parent) ?? `(unwalked) ${parent.name}`;
    }
    out.push(entry);
    walkOwner(module, out, path + '.', value, skipOnFunction, depth + 1);
    // The global scope's own prototypes (ServiceWorkerGlobalScope.prototype) are the globals, walked by name.
    if (isClass && globalChain.has(value.prototype)) out.push({ path: path + '.prototype', kind: 'alias', of: 'globals globalThis' });
    else if (isClass) walkOwner(module, out, path + '.prototype.', value.prototype, new Set(['constructor']), depth + 1);
    if (isClass && entry.extends && entry.extends.startsWith('(unwalked)')) {
      const parent = Object.getPrototypeOf(value);
      walkValue(module, out, `(base of ${path})`, parent, depth + 1, false);
      entry.extends = seen.get(parent);
    }
    return;
  }
  const proto = Object.getPrototypeOf(value);
  const entry = { path, kind: 'object' };
  if (proto !== Object.prototype && proto !== null) entry.prototype = nameOf(proto) ?? `(unwalked) ${proto?.constructor?.name}`;
  out.push(entry);
  if (depth > 6) { entry.truncated = true; return; }
  walkOwner(module, out, path + '.', value, new Set(), depth + 1);
  if (entry.prototype && entry.prototype.startsWith('(unwalked)')) {
    walkValue(module, out, `(prototype of ${path})`, proto, depth + 1, false);
    entry.prototype = seen.get(proto);
  }
}
function globalNames() {
  const chain = [];
  for (let o = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) { chain.push(o); globalChain.add(o); }
  const byName = new Map();
  for (const o of chain) for (const [name, key] of ownKeys(o)) if (!byName.has(name)) byName.set(name, [o, key]);
  return byName;
}
function nameGlobals() {
  const byName = globalNames();
  for (const global of [...byName.keys()].sort()) {
    const d = Object.getOwnPropertyDescriptor(...byName.get(global));
    if (!d.get && !d.set && !globalChain.has(d.value)) name(d.value, `globals ${global}`);
  }
}
function globals() {
  const out = [];
  const byName = globalNames();
  for (const name of [...byName.keys()].sort()) {
    if (name === 'globalThis' || name === 'self' || name === 'global' || name === 'constructor') { out.push({ path: name, kind: 'alias', of: 'globals globalThis' }); continue; }
    const [o, key] = byName.get(name);
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d.get || d.set) {
      // A global accessor (caches, crypto, navigator, ...): its value is walked as the object it gives.
      let value; try { value = globalThis[key]; } catch (e) { out.push({ path: name, kind: 'unreadable' }); continue; }
      out.push({ path: name, kind: isHandler(name) ? 'handler' : 'accessor', get: !!d.get, set: !!d.set });
      if (value !== null && (typeof value === 'object' || typeof value === 'function') && !seen.has(value)) walkValue('globals', out, `(value of ${name})`, value, 1, false);
      continue;
    }
    walkValue('globals', out, name, d.value, 0, isHandler(name) && typeof d.value !== 'function');
  }
  return out;
}
// The place of a module in walkLast (`node:_*` names every module starting node:_), -1 when it is walked first.
const rank = (walkLast, module) => walkLast.findIndex(p => p.endsWith('*') ? module.startsWith(p.slice(0, -1)) : module === p);
// The harness refuses a line over 1 MiB: a module's members are printed 400 to a line.
function print(fields, members) {
  for (let i = 0; i === 0 || i < members.length; i += 400) console.log(JSON.stringify({ ...fields, members: members.slice(i, i + 400) }));
}
async function walkAll(walkLast, recipes) {
  const { builtinModules } = await import('node:module');
  const names = [...new Set(builtinModules.map(m => m.startsWith('node:') ? m : 'node:' + m))].sort()
    .sort((a, b) => rank(walkLast, a) - rank(walkLast, b));
  const namespaces = new Map();
  for (const module of names) {
    try { namespaces.set(module, await import(module)); } catch (e) { namespaces.set(module, e); }
  }
  nameGlobals();
  for (const module of names) {
    const ns = namespaces.get(module);
    if (!(ns instanceof Error)) for (const key of Object.keys(ns).sort()) name(ns[key], `${module} ${key}`);
  }
  print({ module: 'globals' }, globals());
  for (const module of names) {
    const ns = namespaces.get(module);
    if (ns instanceof Error) { console.log(JSON.stringify({ module, importFails: ns.constructor.name })); continue; }
    const out = [];
    const defaultExport = Object.prototype.hasOwnProperty.call(ns, 'default') ? ns.default : undefined;
    for (const key of Object.keys(ns).sort()) { if (key !== 'default') walkValue(module, out, key, ns[key], 0, false); }
    if (defaultExport !== undefined) walkValue(module, out, 'default', defaultExport, 0, false);
    print({ module }, out);
  }
  for (const recipe of recipes) {
    const out = [];
    try { walkValue(recipe.module, out, `(${recipe.name})`, await recipe.make(), 0, false); }
    catch (e) { out.push({ path: `(${recipe.name})`, kind: 'recipeFailed', error: e?.constructor?.name ?? typeof e }); }
    print({ module: recipe.module, recipe: recipe.name }, out);
  }
}
