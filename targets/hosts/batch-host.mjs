// The batch host (spec/trace-format.md TF-1b; spec/runtime-bridges.md, "Batches: B-13"): one runtime process runs
// many programs, one after another, each in a fresh worker of its own (own realm, globals, listeners, process
// events and module graph), from its own folder p<k>/ that holds that program's four modules, with the batched
// trace prefix `@@trace[k]:<nonce> ` (spec/trace-format.md TF-1b, TF-1c), and node-host.mjs as host.mjs, unchanged.
// Arguments: <limit in ms> <folder>...  (folders relative to this file).
// For each program (folder p<k>) it writes on standard error `[ PASS ] p<k>` (the bridge exited 0) or `[ FAIL ] p<k>` (exited 1,
// as node-host.mjs ends after its test, B-12), and `[ LEFT ] p<k> <why>` for anything else: another exit code, an
// error the worker did not catch, no exit within the limit (the worker is stopped). The harness takes a program's
// result from the batch only when its trace reached `end` and its PASS/FAIL line was seen; every other program it
// runs again alone, so a batched result is always the single-program result.
const g = globalThis;
const args = g.Deno ? g.Deno.args : g.process.argv.slice(2);
const [limitText, ...folders] = args;
const limit = Number(limitText);
const report = (line) => console.error(line);

// Node and Bun: node:worker_threads, whose worker ends with the exit code the bridge gives process.exit.
async function runNodeWorker(url) {
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    const worker = new Worker(url);
    let uncaught = null;
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ left: `no exit within ${limit} ms; stopped` });
    }, limit);
    worker.on('error', (error) => { uncaught = error; });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      resolve(uncaught ? { left: `uncaught in the worker: ${uncaught?.name}` } : { code });
    });
  });
}

// Deno: a Web Worker with no permissions at all, as the single-program run has (only this host may read the batch
// folder, to load each worker's modules). A Deno worker's process.exit ends only that worker and gives the parent no
// code, so the bridge posts its exit code first (node-host.mjs, B-13).
function runDenoWorker(url) {
  return new Promise((resolve) => {
    const worker = new Worker(url, { type: 'module', deno: { permissions: 'none' } });
    const done = (result) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done({ left: `no exit within ${limit} ms; stopped` }), limit);
    worker.onmessage = (event) => {
      const code = event.data?.conformanceExit;
      done(Number.isInteger(code) ? { code } : { left: 'the worker posted a message that is not an exit code' });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done({ left: `uncaught in the worker: ${event.message}` });
    };
    worker.onmessageerror = () => done({ left: 'the worker posted a message that could not be read' });
  });
}

const run = g.Deno ? runDenoWorker : runNodeWorker;
for (let k = 0; k < folders.length; k++) {
  const result = await run(new URL(`./${folders[k]}/host.mjs`, import.meta.url));
  const name = folders[k];
  if (result.code === 0 || result.code === 1) report(`[ ${result.code === 0 ? 'PASS' : 'FAIL'} ] ${name}`);
  else report(`[ LEFT ] ${name} ${result.left ?? `exit code ${result.code}`}`);
}
