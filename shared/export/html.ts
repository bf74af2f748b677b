// The kommuneplan chapter as one self-contained, accessible HTML file for the kommune's website
// (issue #14): the same chapter and options as the DOCX, inline CSS, each band's figure as inline
// SVG with <title> and <desc>, the language set, tables with header cells, and no script.
import type { View } from '../readModels';
import type { BoardJson } from '../interchange/schema';
import { BAND_TINT, INK, MUTED_INK, OWNER_COLOURS } from '../theme';
import { bandFigureSvg } from './figure';
import { viewGraph } from './format';
import type { ExportLang } from './labels';
import type { AgreementLogEntry } from './workshop';
import { planChapterOf, type HeadingLevelOption, type Numbering, type PlanBlock, type PlanItem, type Variant } from './planChapter';

export interface HtmlOptions {
  view: View;
  lang: ExportLang;
  variant?: Variant;
  headingLevel?: HeadingLevelOption;
  numbering?: Numbering;
  comments?: boolean;
  /** The server's log of agreements given and withdrawn (#16), for the working variant's appendix. */
  agreementLog?: readonly AgreementLogEntry[];
}

// XML 1.0 and HTML forbid most control characters; a stray one would make the file invalid.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export function escapeHtml(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;

function css(top: number, numbering: Numbering): string {
  const rules = [
    `body{margin:0;background:#fff;color:${INK};font:16px/1.55 Arial,'Liberation Sans',Helvetica,sans-serif}`,
    'main{max-width:50rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
    'h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.6em 0 .4em}',
    'h1{font-size:1.9rem}h2{font-size:1.55rem}h3{font-size:1.3rem}h4{font-size:1.15rem}h5,h6{font-size:1.05rem}',
    `.meta{font-style:italic;color:${MUTED_INK};margin:.2em 0 .5em}`,
    '.lead{font-weight:bold;margin:.8em 0 .2em}',
    `.agreement{font-style:italic;color:${MUTED_INK}}`,
    'figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;display:block}',
    `figcaption{font-style:italic;color:${MUTED_INK};margin-top:.4em}`,
    'table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.95rem}',
    'caption{text-align:left;font-weight:bold;padding:0 0 .3em}',
    `th,td{border:1px solid #8a93a0;padding:.35em .5em;text-align:left;vertical-align:top}thead th{background:${BAND_TINT}}`,
    'tbody th{font-weight:normal}',
    'td.num{white-space:nowrap}',
    'dl.divergence{margin:.2em 0 1.2em}dl.divergence dt{font-weight:bold;float:left;margin-right:.4em}dl.divergence dd{margin:0 0 .2em}',
    `section.band-national>h${Math.min(top + 1, 6)}{border-bottom:4px solid ${OWNER_COLOURS.stat.strong}}`,
    `section.band-kommuneplan>h${Math.min(top + 1, 6)}{border-bottom:4px solid ${OWNER_COLOURS.kommune.strong}}`,
    `section.band-nav_local>h${Math.min(top + 1, 6)}{border-bottom:4px solid ${OWNER_COLOURS.felles.strong}}`,
    '@media print{main{max-width:none;padding:0}figure,table{break-inside:avoid}}',
  ];
  if (numbering === 'word') {
    // The same numbers Word's heading list gives: the chapter's own heading 1, its sections 1.1, 1.1.1.
    const levels = Array.from({ length: 7 - top }, (_, i) => top + i);
    rules.push(`main{counter-reset:h${top}}`);
    levels.forEach((lvl, i) => {
      const chain = levels.slice(0, i + 1).map((l) => `counter(h${l})`).join(' "." ');
      rules.push(`h${lvl}{counter-increment:h${lvl};${lvl < 6 ? `counter-reset:h${lvl + 1}` : ''}}h${lvl}::before{content:${chain} " "}`);
    });
  }
  return rules.join('\n');
}

const item = (i: PlanItem) =>
  `<li>${e(i.title)}${i.detail ? ` ${e(i.detail)}` : ''}${i.agreement ? ` <span class="agreement">– ${e(i.agreement)}</span>` : ''}</li>`;
const paragraph = (text: string, cls?: string) =>
  `<p${cls ? ` class="${cls}"` : ''}>${text.split(/\r?\n/).map(e).join('<br>')}</p>`;

export function exportHtml(board: BoardJson, opts: HtmlOptions): string {
  const graph = viewGraph(board, opts.view);
  const ch = planChapterOf(board, graph, opts);
  const top = opts.headingLevel ?? 1;
  const numbering = opts.numbering ?? 'none';
  const P = ch.labels;
  const L = ch.exportLabels;
  const h = (depth: number, text: string, id?: string) => {
    const n = Math.min(top + depth, 6);
    return `<h${n}${id ? ` id="${id}"` : ''}>${e(text)}</h${n}>`;
  };
  const out: string[] = [];

  const block = (b: PlanBlock) => {
    out.push(h(1 + b.depth, b.title));
    if (b.meta) out.push(paragraph(b.meta, 'meta'));
    for (const p of b.paragraphs) out.push(paragraph(p));
    if (b.sentences.length) out.push(paragraph(b.sentences.join(' '), 'links'));
    if (b.agreement) out.push(paragraph(b.agreement, 'agreement'));
    for (const list of b.lists) {
      if (list.lead) out.push(paragraph(list.lead, 'lead'));
      out.push(`<ul>${list.items.map(item).join('')}</ul>`);
    }
    if (b.indicators.length) {
      const c = P.columns;
      out.push(
        '<table>',
        `<caption>${e(P.indicatorsLead)}: ${e(b.title)}</caption>`,
        `<thead><tr>${[c.indicator, c.baseline, c.target, c.latest, c.state, c.source].map((x) => `<th scope="col">${e(x)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.indicators.map(
          (r) =>
            `<tr><th scope="row">${e(r.indicator)}</th><td class="num">${e(r.baseline)}</td><td class="num">${e(r.target)}</td>` +
            `<td class="num">${e(r.latest)}</td><td>${e(r.state)}</td><td>${e(r.source)}</td></tr>`,
        ),
        '</tbody></table>',
      );
      const measured = b.indicators.filter((r) => r.series);
      if (measured.length) {
        out.push(paragraph(P.seriesLead, 'lead'), `<ul>${measured.map((r) => `<li>${e(r.indicator)}: ${e(r.series)}</li>`).join('')}</ul>`);
      }
      const agreed = b.indicators.filter((r) => r.agreement);
      if (agreed.length) {
        out.push(paragraph(L.workshop.indicatorAgreements, 'lead'), `<ul>${agreed.map((r) => `<li>${e(r.indicator)}: ${e(r.agreement!)}</li>`).join('')}</ul>`);
      }
    }
  };

  out.push(h(0, ch.title), ...ch.intro.map((p) => paragraph(p)));
  for (const part of ch.parts) {
    const id = `part-${part.key}`;
    out.push(`<section class="band-${part.key}" aria-labelledby="${id}">`, h(1, part.heading, id), ...part.intro.map((p) => paragraph(p)));
    if (part.figure) {
      const svg = bandFigureSvg(graph, part.figure.tier, opts.lang, part.figure);
      out.push(`<figure>${svg}<figcaption>${e(part.figure.caption)}</figcaption></figure>`);
    }
    for (const b of part.blocks) block(b);
    if (part.table) {
      const t = part.table;
      out.push(
        `<table><caption>${e(t.caption)}</caption>`,
        `<thead><tr>${t.header.map((x) => `<th scope="col">${e(x)}</th>`).join('')}</tr></thead>`,
        `<tbody>${t.rows.map(([head, ...rest]) => `<tr><th scope="row">${e(head ?? '')}</th>${rest.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
    }
    if (part.key === 'divergences') {
      for (const d of ch.divergences) {
        out.push(
          paragraph(`${d.between[0]!.toUpperCase()}${d.between.slice(1)}`, 'lead'),
          `<dl class="divergence"><dt>${e(L.note)}:</dt><dd>${e(d.note)}</dd><dt>${e(L.severity)}:</dt><dd>${e(d.severity)}</dd>` +
            `<dt>${e(L.resolution)}:</dt><dd>${e(d.resolution)}</dd></dl>`,
        );
      }
    }
    out.push('</section>');
  }
  if (ch.agreements) {
    out.push('<section>', h(1, ch.agreements.heading), paragraph(ch.agreements.intro));
    for (const list of ch.agreements.lists) {
      out.push(h(2, list.heading));
      out.push(list.items.length ? `<ul>${list.items.map((i) => `<li>${e(i.title)} ${e(i.detail)} – ${e(i.agreement)}</li>`).join('')}</ul>` : paragraph(L.none));
    }
    out.push('</section>');
  }
  if (ch.appendix) {
    out.push('<section>', h(1, ch.appendix.heading));
    for (const s of ch.appendix.sections) {
      out.push(h(2, s.heading));
      if (s.intro) out.push(paragraph(s.intro));
      out.push(s.items.length ? `<ul>${s.items.map((t) => `<li>${e(t)}</li>`).join('')}</ul>` : paragraph(L.none));
    }
    out.push('</section>');
  }
  if (ch.comments) {
    out.push('<section>', h(1, ch.comments.heading), paragraph(ch.comments.intro));
    if (ch.comments.empty) out.push(paragraph(ch.comments.empty));
    for (const g of ch.comments.groups) {
      out.push(h(2, g.heading));
      for (const t of g.threads) {
        out.push(
          `<p class="lead">${e(t.subject)} – ${e(t.status)}</p>`,
          `<ul>${t.messages.map((m) => `<li><strong>${e(`${m.author}, ${m.at}`)}:</strong> ${m.text.split(/\r?\n/).map(e).join('<br>')}</li>`).join('')}</ul>`,
        );
      }
    }
    out.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${opts.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Målkart">',
    `<title>${e(ch.title)}</title>`,
    `<style>\n${css(top, numbering)}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...out,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
