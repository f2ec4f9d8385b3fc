for (const [owner, value] of [['AsyncLocalStorage', AsyncLocalStorage], ['AsyncLocalStorage.prototype', AsyncLocalStorage.prototype], ['AsyncResource', AsyncResource], ['AsyncResource.prototype', AsyncResource.prototype]]) {
  console.log(JSON.stringify({ owner, keys: Reflect.ownKeys(value).map(keyName) }));
}
console.log(JSON.stringify({ owner: 'exports', keys: Object.keys(asyncHooks).sort() }));
