// Characters XML 1.0 forbids even when escaped: C0 controls other than tab and line breaks,
// U+FFFE, U+FFFF and lone surrogates. One of them in a title makes a DOCX (and an SVG) unreadable,
// and nobody types them on purpose, so they are dropped wherever text enters or leaves a board.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Quick test first: almost every string has none of these (surrogate pairs are checked properly only when present). */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

export function stripXmlIllegal(text: string): string {
  return SUSPECT.test(text) ? text.replace(XML_ILLEGAL, '') : text;
}

/**
 * The same plain JSON value with every string stripped (exporters call it on the whole board once).
 * Unchanged parts are returned as they are, so a clean board costs one walk and no copy.
 */
export function withoutXmlIllegal<T>(value: T): T {
  if (typeof value === 'string') return stripXmlIllegal(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = withoutXmlIllegal(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const w = withoutXmlIllegal(v);
      if (w !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = w;
    }
    return (out ?? value) as T;
  }
  return value;
}
