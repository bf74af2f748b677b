import { describe, expect, it } from 'vitest';
import { filenameFromDisposition, formatBytes, readWithProgress, type Progress } from './download';

function streamOf(chunks: Uint8Array[], close = true): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      if (close) c.close();
    },
  });
}

describe('readWithProgress', () => {
  it('counts the body against Content-Length and returns every byte', async () => {
    const chunks = [new Uint8Array([80, 75, 3]), new Uint8Array([4, 5]), new Uint8Array([6])];
    const res = new Response(streamOf(chunks), { headers: { 'Content-Length': '6', 'Content-Type': 'application/zip' } });
    const seen: Progress[] = [];
    const blob = await readWithProgress(res, (p) => seen.push(p));
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([80, 75, 3, 4, 5, 6]);
    expect(blob.type).toBe('application/zip');
    expect(seen[0]).toEqual({ received: 0, total: 6 });
    expect(seen.at(-1)).toEqual({ received: 6, total: 6 });
    expect(seen.map((p) => p.received)).toEqual([0, 3, 5, 6]);
  });

  it('reports an unknown length as null (an indeterminate bar)', async () => {
    const res = new Response(streamOf([new Uint8Array(10)]));
    const seen: Progress[] = [];
    await readWithProgress(res, (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ received: 10, total: null });
  });

  it('stops with an AbortError when cancelled mid-download', async () => {
    // A body that sends one chunk and then never ends, like a slow server.
    const res = new Response(streamOf([new Uint8Array(4)], false), { headers: { 'Content-Length': '100' } });
    const controller = new AbortController();
    const reading = readWithProgress(res, (p) => {
      if (p.received === 4) controller.abort();
    }, controller.signal);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(filenameFromDisposition(`attachment; filename="lier.md"; filename*=UTF-8''lier-m%C3%A5l.md`, 'x.md')).toBe('lier-mål.md');
    expect(filenameFromDisposition('attachment; filename="lier.docx"', 'x.docx')).toBe('lier.docx');
    expect(filenameFromDisposition('attachment; filename=lier.csv', 'x.csv')).toBe('lier.csv');
    expect(filenameFromDisposition(null, 'malkart.png')).toBe('malkart.png');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fevil.md`, 'x.md')).toBe('.._.._evil.md');
  });
});

describe('formatBytes', () => {
  it('uses B, kB and MB with the locale decimal sign', () => {
    expect(formatBytes(840, 'nb-NO')).toBe('840 B');
    expect(formatBytes(12_345, 'nb-NO')).toBe('12 kB');
    expect(formatBytes(1_450_000, 'nb-NO')).toBe('1,5 MB');
    expect(formatBytes(1_450_000, 'en-GB')).toBe('1.5 MB');
  });
});
