import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSvg } from '../../shared/export';
import { LIER, board, node } from '../../shared/export/testBoards';
import type { BoardJson } from '../../shared';
import { waitFor } from '../testing/testServer';
import { RenderBusyError, RenderCancelledError, RenderClosedError, RenderFailedError, RenderPool, type RenderPoolOptions } from './RenderPool';
import { renderJob, type RenderJob } from './renderJob';

const FAULTY = new URL('./testing/faultyRenderWorker.ts', import.meta.url);
const opts = { view: 'all', lang: 'nb' } as const;
const docx = (b: BoardJson): RenderJob => ({ format: 'docx', board: b, opts });
const png = (b: BoardJson): RenderJob => ({ format: 'png', board: b, opts });
/** A board the faulty test worker reacts to by its title (see testing/faultyRenderWorker.ts). */
const titled = (title: '__crash__' | '__spin__' | '__hang__') => board([node({ id: 'g1' })], [], title);
const small = board([node({ id: 'g1', title: 'Flere i arbeid' })]);

let pools: RenderPool[] = [];
function pool(o: Partial<RenderPoolOptions> = {}): RenderPool {
  const p = new RenderPool({ size: 1, ...o });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

const documentXml = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
const pngSize = (buf: Buffer) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

describe('RenderPool', () => {
  it('renders on a worker what rendering inline renders, starting the worker on the first job', async () => {
    const p = pool();
    expect(p.workers).toBe(0);
    const [viaPool, inline] = await Promise.all([p.run(docx(LIER)), renderJob(docx(LIER))]);
    expect(p.workers).toBe(1);
    expect(viaPool.subarray(0, 2).toString()).toBe('PK');
    expect(await documentXml(viaPool)).toBe(await documentXml(inline));

    const image = await p.run(png(LIER));
    const svg = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(exportSvg(LIER, opts))!;
    expect(pngSize(image)).toEqual({ width: Math.round(Number(svg[1])), height: Math.round(Number(svg[2])) });
    expect(image.equals(await renderJob(png(LIER)))).toBe(true);
    expect(p.workers).toBe(1);
  });

  it('fails a job that throws with its message, and the same worker renders the next one', async () => {
    const p = pool();
    const invalid = { format: 'md' } as unknown as BoardJson;
    const err = await p.run(docx(invalid)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderFailedError);
    expect((err as Error).message).toMatch(/undefined/);
    expect((await p.run(png(small))).subarray(1, 4).toString()).toBe('PNG');
    expect(p.workers).toBe(1);
  });

  it('fails the job of a worker that crashes and renders the next job on a new worker', async () => {
    const p = pool({ workerUrl: FAULTY });
    const before = p.run(png(small));
    const crash = p.run(png(titled('__crash__')));
    expect((await before).subarray(1, 4).toString()).toBe('PNG');
    const err = await crash.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderFailedError);
    expect((err as Error).message).toBe('the render worker stopped with exit code 7');
    expect((await p.run(png(small))).subarray(1, 4).toString()).toBe('PNG');
    expect(p.workers).toBe(1);
  });

  it('stops a job that runs past its time limit and replaces its worker', async () => {
    const p = pool({ workerUrl: FAULTY, timeoutMs: 2000 });
    const err = await p.run(png(titled('__spin__'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderFailedError);
    expect((err as Error).message).toBe('it took longer than 2 s');
    expect((await p.run(png(small))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a job past the queue bound; closing fails what is running and waiting', async () => {
    const p = pool({ workerUrl: FAULTY, size: 1, maxQueue: 2 });
    const accepted = [p.run(png(titled('__hang__'))), p.run(png(small)), p.run(png(small))].map((r) => r.catch((e: unknown) => e));
    expect(await p.run(png(small)).catch((e: unknown) => e)).toBeInstanceOf(RenderBusyError);
    expect(p.running + p.waiting).toBe(3);

    await p.close();
    for (const err of await Promise.all(accepted)) expect(err).toBeInstanceOf(RenderClosedError);
    expect(p.workers).toBe(0);
    expect(await p.run(png(small)).catch((e: unknown) => e)).toBeInstanceOf(RenderClosedError);
  });

  it('drops a waiting job whose caller gave up, and stops the worker of a running one', async () => {
    const p = pool({ workerUrl: FAULTY });
    const runningCaller = new AbortController();
    const waitingCaller = new AbortController();
    const hung = p.run(png(titled('__hang__')), runningCaller.signal).catch((e: unknown) => e);
    const dropped = p.run(png(small), waitingCaller.signal).catch((e: unknown) => e);
    const last = p.run(png(small));
    waitingCaller.abort();
    expect(await dropped).toBeInstanceOf(RenderCancelledError);
    expect(p.waiting).toBe(p.running ? 1 : 2);

    await waitFor(() => p.running === 1, 10_000, 'the hanging job to run');
    runningCaller.abort();
    expect(await hung).toBeInstanceOf(RenderCancelledError);
    expect((await last).subarray(1, 4).toString()).toBe('PNG');
    expect(p.workers).toBe(1);
  });

  it('a render past the heap limit fails alone: the worker is replaced and the next job renders (#12 finding 3)', async () => {
    const p = pool({ workerUrl: FAULTY, memoryMb: 64 });
    await expect(p.run(docx(board([node({ id: 'g1' })], [], '__hog__')))).rejects.toBeInstanceOf(RenderFailedError);
    expect((await p.run(docx(small))).subarray(0, 2).toString()).toBe('PK');
  });

  it('boards take turns: one board past its share is refused, another board is served next (#12 finding 12)', async () => {
    const p = pool({ workerUrl: FAULTY, maxQueue: 32, maxQueuePerBoard: 3 });
    const slow = docx(board([node({ id: 'g1' })], [], '__slow__'));
    const done: string[] = [];
    const settle = (name: string, job: Promise<Buffer>) => job.then(() => done.push(name), (err: Error) => done.push(`${name}:${err.constructor.name}`));
    const a = Array.from({ length: 10 }, (_, i) => settle(`a${i}`, p.run(slow, undefined, 'A')));
    await waitFor(() => p.running === 1, 20_000, 'the first export of A to start');
    expect(done.filter((d) => d.endsWith('RenderBusyError'))).toHaveLength(6);
    const b = settle('b', p.run(slow, undefined, 'B'));
    await Promise.all([...a, b]);
    const served = done.filter((d) => !d.includes(':'));
    // A's first export was running when B's arrived; B's is next, before A's three waiting ones.
    expect(served).toEqual(['a0', 'b', 'a1', 'a2', 'a3']);
  });
});
