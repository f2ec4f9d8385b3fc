using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>
/// OBS-MATRIX-STREAMS-1: the Streams API's callbacks run in the frame of the call that reaches them (the WHATWG
/// algorithms over native reactions), and where workerd departs from the algorithms (a pending start, a pipe's
/// destination error, construction errors) the reference follows workerd. Each expectation was printed by workerd
/// 2026-11-17 for the same test body (the stores are printed with String()).
/// </summary>
public class HostStreamTests
{
    private const string Log = "const log = (tag) => console.log(tag, String(als.getStore()));\n";

    private static void Expect(HostKit.Run run, params string[] lines)
    {
        Assert.True(run.Result.Outcome == WorkerOutcome.Completed, $"{run.Result} stderr: {string.Join(" | ", run.Err)}");
        Assert.Equal(lines, run.Out);
    }

    [Fact] // once start has settled: start in the constructor's frame, pull in the read's, cancel/write/close/abort/transform/flush in the caller's, a pipe's in pipeTo's
    public void Callbacks_run_in_the_frame_of_the_call_that_reaches_them() => Expect(HostKit.Test("""
        const rs = als.run('c', () => new ReadableStream({ start() { log('start'); }, pull(c) { log('pull'); c.enqueue(1); }, cancel() { log('cancel'); } }, { highWaterMark: 0 }));
        const reader = rs.getReader(); await null;
        await als.run('r', () => reader.read()); await als.run('x', () => reader.cancel());
        const ws = als.run('c', () => new WritableStream({ start() { log('ws start'); }, write() { log('write'); }, close() { log('close'); } }));
        const writer = ws.getWriter(); await writer.ready;
        await als.run('w', () => writer.write(1)); await als.run('x', () => writer.close());
        const ws2 = als.run('c', () => new WritableStream({ abort() { log('abort'); } })); await null;
        await als.run('x', () => ws2.abort());
        const ts = als.run('c', () => new TransformStream({ transform(ch, c) { log('transform'); c.enqueue(ch); }, flush() { log('flush'); } }));
        const tw = ts.writable.getWriter(); const tr = ts.readable.getReader(); await tw.ready;
        const read = als.run('r', () => tr.read()); await als.run('w', () => tw.write(1)); await read;
        const end = tr.read(); await als.run('x', () => tw.close()); await end;
        const src = new ReadableStream({ pull(c) { log('piped pull'); c.enqueue(1); c.close(); } }, { highWaterMark: 0 });
        const dst = new WritableStream({ write() { log('piped write'); }, close() { log('piped close'); } }); await null;
        await als.run('p', () => src.pipeTo(dst));
        """, extra: Log),
        "start c",
        "pull r",
        "cancel x",
        "ws start c",
        "write w",
        "close x",
        "abort x",
        "transform w",
        "flush x",
        "piped pull p",
        "piped write p",
        "piped close p");

    [Fact] // no start method: started at once; a read calls pull before start settles; a write queued before start runs in the reaction to start
    public void While_start_is_pending_workerd_departs_from_the_standard() => Expect(HostKit.Test("""
        console.log('-- rs no start, hwm 1');
        als.run('c', () => { new ReadableStream({ pull(c) { log('pull'); c.enqueue(1); } }); Promise.resolve().then(() => log('micro')); log('constructed'); });
        await scheduler.wait(1);
        console.log('-- rs sync start, hwm 1');
        als.run('c', () => { new ReadableStream({ start() {}, pull(c) { log('pull'); c.enqueue(1); } }); Promise.resolve().then(() => log('micro')); log('constructed'); });
        await scheduler.wait(1);
        console.log('-- rs sync start, hwm 0, read at once from r');
        { const s = als.run('c', () => new ReadableStream({ start() {}, pull(c) { log('pull'); c.enqueue(1); } }, { highWaterMark: 0 }));
          als.run('r', () => s.getReader().read().then(() => log('read'))); await scheduler.wait(1); }
        console.log('-- rs pending start, hwm 0, read at once from r');
        { let go; const s = als.run('c', () => new ReadableStream({ start() { return new Promise((r) => { go = r; }); }, pull(c) { log('pull'); c.enqueue(1); } }, { highWaterMark: 0 }));
          const read = als.run('r', () => s.getReader().read().then(() => log('read'))); await null; als.run('s', () => go()); await read; }
        console.log('-- ws no start, write at once from w');
        { const s = als.run('c', () => new WritableStream({ write() { log('write'); } }));
          const w = s.getWriter(); als.run('w', () => w.write(1)); log('after write call'); await scheduler.wait(1); }
        console.log('-- ws sync start, write at once from w');
        { const s = als.run('c', () => new WritableStream({ start() {}, write() { log('write'); }, close() { log('close'); } }));
          const w = s.getWriter(); als.run('w', () => w.write(1)); als.run('x', () => w.close()); log('after calls'); await scheduler.wait(1); }
        console.log('-- ts no start, write at once');
        { const t = als.run('c', () => new TransformStream({ transform(ch, c) { log('transform'); c.enqueue(ch); } }));
          const r = als.run('r', () => t.readable.getReader().read()); als.run('w', () => t.writable.getWriter().write(1)); log('after write call'); await r; }
        """, extra: Log),
        "-- rs no start, hwm 1",
        "pull c",
        "constructed c",
        "micro c",
        "-- rs sync start, hwm 1",
        "constructed c",
        "pull c",
        "micro c",
        "-- rs sync start, hwm 0, read at once from r",
        "pull r",
        "read r",
        "-- rs pending start, hwm 0, read at once from r",
        "pull r",
        "read r",
        "-- ws no start, write at once from w",
        "write w",
        "after write call undefined",
        "-- ws sync start, write at once from w",
        "after calls undefined",
        "write c",
        "close c",
        "-- ts no start, write at once",
        "after write call undefined",
        "transform c");

    [Fact] // chunks enqueued and errors raised in another frame are written and propagated in the pipe's frame; a destination error cancels the source at once, in the erroring frame
    public void A_pipe_writes_and_aborts_in_its_own_frame_and_cancels_in_the_destination_error_frame() => Expect(HostKit.Test("""
        console.log('-- source errors while piping');
        { let ctl; const rs = new ReadableStream({ start(c) { ctl = c; } });
          const ws = new WritableStream({ write() { log('write'); }, abort(r) { log('abort ' + r); } });
          await null;
          const piped = als.run('p', () => rs.pipeTo(ws).catch((e) => log('pipe rejected ' + e)));
          await null;
          als.run('e', () => { ctl.enqueue(1); });
          await scheduler.wait(1);
          als.run('e', () => ctl.error('boom'));
          await piped; }
        console.log('-- dest errors while piping');
        { const rs = new ReadableStream({ cancel(r) { log('cancel ' + r); } });
          let wc; const ws = new WritableStream({ start(c) { wc = c; } });
          await null;
          const piped = als.run('p', () => rs.pipeTo(ws).catch((e) => log('pipe rejected ' + e)));
          await scheduler.wait(1);
          als.run('e', () => wc.error('bad'));
          await piped; }
        console.log('-- source closed from e while piping');
        { let ctl; const rs = new ReadableStream({ start(c) { ctl = c; } });
          const ws = new WritableStream({ close() { log('close'); } });
          await null;
          const piped = als.run('p', () => rs.pipeTo(ws).then(() => log('piped')));
          await scheduler.wait(1);
          als.run('e', () => ctl.close());
          await piped; }
        """, extra: Log),
        "-- source errors while piping",
        "write p",
        "abort boom p",
        "pipe rejected boom p",
        "-- dest errors while piping",
        "cancel bad e",
        "pipe rejected bad p",
        "-- source closed from e while piping",
        "close p",
        "piped p");

    [Fact] // a queued write runs in the reaction to the previous one; a blocked transform in the writer's frame; for await pulls in the iterating frame
    public void Queued_writes_iteration_backpressure_terminate_and_released_locks() => Expect(HostKit.Test("""
        console.log('-- for await over a stream');
        { let n = 0; const rs = new ReadableStream({ pull(c) { log('pull'); if (++n > 2) c.close(); else c.enqueue(n); } }, { highWaterMark: 0 });
          await null;
          await als.run('i', async () => { for await (const v of rs) log('value ' + v); log('after loop'); }); }
        console.log('-- transform waits for a read (backpressure)');
        { const ts = new TransformStream({ transform(ch, c) { log('transform'); c.enqueue(ch); } });
          const writer = ts.writable.getWriter(); const reader = ts.readable.getReader();
          await writer.ready;
          const written = als.run('w', () => writer.write(1).then(() => log('written')));
          await scheduler.wait(1); log('reading');
          await als.run('r', () => reader.read().then((r) => log('read ' + r.value)));
          await written; }
        console.log('-- second write waits for the first');
        { const ws = new WritableStream({ async write(ch) { log('write ' + ch); await scheduler.wait(1); } });
          const w = ws.getWriter(); await w.ready;
          const a = als.run('w1', () => w.write(1)); const b = als.run('w2', () => w.write(2));
          await b; }
        console.log('-- terminate and desiredSize');
        { const t = new TransformStream({ transform(ch, c) { log('desired ' + c.desiredSize); c.enqueue(ch); c.terminate(); } }, undefined, { highWaterMark: 2 });
          const w = t.writable.getWriter(); const r = t.readable.getReader();
          await w.ready; console.log('writer desired', w.desiredSize);
          await w.write('x').then(() => log('written'), (e) => log('write rejected ' + e.name));
          console.log(JSON.stringify(await r.read()), JSON.stringify(await r.read()));
          await w.closed.catch((e) => log('closed rejected ' + e.name)); }
        console.log('-- release locks');
        { const rs = new ReadableStream(); const r = rs.getReader(); const pending = r.read().catch((e) => log('read rejected ' + e.name));
          r.releaseLock(); await pending; await r.closed.catch((e) => log('closed rejected ' + e.name)); console.log('locked', rs.locked);
          const ws = new WritableStream(); const w = ws.getWriter(); w.releaseLock(); await w.closed.catch((e) => log('w closed rejected ' + e.name)); console.log('ws locked', ws.locked); }
        """, extra: Log),
        "-- for await over a stream",
        "pull i",
        "value 1 i",
        "pull i",
        "value 2 i",
        "pull i",
        "after loop i",
        "-- transform waits for a read (backpressure)",
        "reading undefined",
        "transform w",
        "read 1 r",
        "written w",
        "-- second write waits for the first",
        "write 1 w1",
        "write 2 w1",
        "-- terminate and desiredSize",
        "writer desired 1",
        "desired 2 undefined",
        "written undefined",
        "{\"value\":\"x\",\"done\":false} {\"done\":true}",
        "closed rejected TypeError undefined",
        "-- release locks",
        "read rejected TypeError undefined",
        "closed rejected TypeError undefined",
        "locked false",
        "w closed rejected TypeError undefined",
        "ws locked false");

    [Fact] // a throwing start errors the stream; invalid options throw TypeError; a sink's type is ignored
    public void Construction_and_usage_errors_are_workerds() => Expect(HostKit.Test("""
        const rs = new ReadableStream({ start() { throw new RangeError('s'); } });
        await rs.getReader().read().then((r) => console.log('read', JSON.stringify(r)), (e) => console.log('read rejected', e.name));
        const ws = new WritableStream({ start() { throw new RangeError('w'); } });
        await ws.getWriter().write(1).then(() => console.log('written'), (e) => console.log('write rejected', e.name));
        try { new TransformStream({ start() { throw new RangeError('t'); } }); console.log('ts constructed'); } catch (e) { console.log('ts start throws', e.name); }
        try { new TransformStream({ readableType: 'x' }); console.log('ts readableType ignored'); } catch (e) { console.log('ts readableType', e.name); }
        try { new ReadableStream({ type: 'x' }); console.log('rs type ignored'); } catch (e) { console.log('rs type', e.name); }
        try { new WritableStream({}, { highWaterMark: NaN }); console.log('nan ok'); } catch (e) { console.log('nan hwm', e.name); }
        try { new ReadableStream({ start: 1 }); console.log('start 1 ok'); } catch (e) { console.log('start 1', e.name); }
        try { new ReadableStream(null); console.log('null source ok'); } catch (e) { console.log('null source', e.name); }
        try { new ReadableStream({}, { size: 1 }); console.log('size 1 ok'); } catch (e) { console.log('size 1', e.name); }
        const r3 = new ReadableStream({ start(c) { c.enqueue(1); } }, { size: () => -1 });
        await r3.getReader().read().then(() => console.log('neg size read'), (e) => console.log('neg size', e.name));
        console.log('-- errors');
        { const rs = new ReadableStream({ start(c) { c.close(); try { c.enqueue(1); } catch (e) { console.log('enqueue after close', e.name); } } });
          rs.getReader(); try { rs.getReader(); } catch (e) { console.log('second reader', e.name); }
          const ws = new WritableStream(); const w = ws.getWriter(); await w.close();
          await w.write(1).catch((e) => console.log('write after close', e.name));
          try { new WritableStream({ type: 'x' }); } catch (e) { console.log('ws type', e.name); }
          await rs.cancel().catch((e) => console.log('cancel locked', e.name));
          try { new ReadableStream({ start() { throw new RangeError('s'); } }); } catch (e) { console.log('start throws', e.name); }
          try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { console.log('bad hwm', e.name); }
          console.log(Object.prototype.toString.call(new ReadableStream()), Object.prototype.toString.call(new TransformStream().writable.getWriter()));
        }
        """, extra: Log),
        "read rejected RangeError",
        "write rejected RangeError",
        "ts constructed",
        "ts readableType TypeError",
        "rs type TypeError",
        "nan hwm TypeError",
        "start 1 TypeError",
        "null source ok",
        "size 1 TypeError",
        "neg size TypeError",
        "-- errors",
        "enqueue after close TypeError",
        "second reader TypeError",
        "write after close TypeError",
        "cancel locked TypeError",
        "bad hwm TypeError",
        "[object ReadableStream] [object WritableStreamDefaultWriter]");

    [Fact] // a branch's read pulls the source in the reading frame (branches pull only when read); the source is canceled with the last branch's reason; from() pulls its iterator in the reading frame
    public void Tee_and_from_pull_in_the_reading_frame() => Expect(HostKit.Test("""
        console.log('-- tee');
        { let n = 0; const rs = als.run('c', () => new ReadableStream({ pull(c) { log('pull'); if (++n > 2) c.close(); else c.enqueue(n); } }, { highWaterMark: 0 }));
          const [a, b] = rs.tee(); console.log('locked', rs.locked, Object.prototype.toString.call(a));
          await null;
          const ra = a.getReader(), rb = b.getReader();
          await als.run('r1', () => ra.read().then((r) => log('a ' + JSON.stringify(r))));
          await als.run('r2', () => rb.read().then((r) => log('b ' + JSON.stringify(r))));
          await als.run('r2', () => rb.read().then((r) => log('b ' + JSON.stringify(r))));
          await als.run('r1', () => ra.read().then((r) => log('a ' + JSON.stringify(r))));
          await als.run('r1', () => ra.read().then((r) => log('a ' + JSON.stringify(r))));
          await rb.read().then((r) => log('b ' + JSON.stringify(r)));
          const [x, y] = new ReadableStream({ cancel(r) { log('cancel ' + JSON.stringify(r)); } }).tee();
          await null; x.cancel('one'); await als.run('k', () => y.cancel('two')); log('canceled'); }
        console.log('-- from');
        { const s = ReadableStream.from((async function* () { log('gen start'); yield 1; yield 2; })());
          await null;
          for await (const v of als.run('i', () => s)) log('value ' + v);
          const s2 = ReadableStream.from([Promise.resolve('p'), 'q']);
          const r = s2.getReader(); console.log(JSON.stringify(await r.read()), JSON.stringify(await r.read()), JSON.stringify(await r.read()));
          const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return: () => { log('return'); return {}; } }; } };
          const s3 = ReadableStream.from(it); await null; await als.run('k', () => s3.cancel('x'));
          try { ReadableStream.from(1); } catch (e) { console.log('from 1', e.name); } }
        """, extra: Log),
        "-- tee",
        "locked true [object ReadableStream]",
        "pull r1",
        "a {\"value\":1,\"done\":false} r1",
        "b {\"value\":1,\"done\":false} r2",
        "pull r2",
        "b {\"value\":2,\"done\":false} r2",
        "a {\"value\":2,\"done\":false} r1",
        "pull r1",
        "a {\"done\":true} r1",
        "b {\"done\":true} undefined",
        "cancel \"two\" k",
        "canceled undefined",
        "-- from",
        "gen start undefined",
        "value 1 undefined",
        "value 2 undefined",
        "{\"value\":\"p\",\"done\":false} {\"value\":\"q\",\"done\":false} {\"done\":true}",
        "return k",
        "from 1 TypeError");
}
