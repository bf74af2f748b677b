// Fetches an export with progress: the body is read as a stream and counted against
// Content-Length (unknown length → indeterminate), a cancel aborts the request, and the
// finished file is saved from a blob under the server's file name.
import { ApiError } from '../api';

export interface Progress {
  received: number;
  /** null when the server did not say how long the file is. */
  total: number | null;
}

export async function readWithProgress(res: Response, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<Blob> {
  const len = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(len) && len > 0 ? len : null;
  const type = res.headers.get('Content-Type') ?? '';
  if (!res.body) {
    const blob = await res.blob();
    onProgress({ received: blob.size, total });
    return blob;
  }
  const reader = res.body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('The download was cancelled.', 'AbortError');
      const { done, value } = await reader.read();
      if (signal?.aborted) throw new DOMException('The download was cancelled.', 'AbortError');
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** The file name from `Content-Disposition`, preferring the UTF-8 `filename*`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return clean(decodeURIComponent(star[1].trim())) || fallback;
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  return clean(plain?.[1] ?? plain?.[2]?.trim() ?? '') || fallback;
}

const clean = (name: string) => name.replace(/[/\\]/g, '_').trim();

export interface ExportDownload {
  blob: Blob;
  filename: string;
}

/**
 * GETs `url` with the token in the Authorization header. `onResponse` fires when the server has
 * finished rendering and starts sending; server errors come back as ApiError.
 */
export async function fetchExport(
  url: string,
  token: string,
  opts: { signal?: AbortSignal; onResponse?(): void; onProgress(p: Progress): void; fallbackName: string },
): Promise<ExportDownload> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let e: { code?: string; message?: string } | undefined;
    try {
      e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? (text || res.statusText));
  }
  opts.onResponse?.();
  const blob = await readWithProgress(res, opts.onProgress, opts.signal);
  return { blob, filename: filenameFromDisposition(res.headers.get('Content-Disposition'), opts.fallbackName) };
}

/** Hands a blob to the browser as a download with the given name. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the browser has picked the URL up.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** "840 B", "12,3 kB", "1,4 MB" in the UI's number style. */
export function formatBytes(n: number, locale: string): string {
  if (n < 1000) return `${n} B`;
  const [v, unit] = n < 1_000_000 ? [n / 1000, 'kB'] : [n / 1_000_000, 'MB'];
  return `${v.toLocaleString(locale, { maximumFractionDigits: v < 10 ? 1 : 0 })} ${unit}`;
}
