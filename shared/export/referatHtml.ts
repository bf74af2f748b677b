// The referat (referat.ts) as one self-contained, accessible HTML page: the language set, a table
// caption-free layout with header cells, inline CSS, no script. Printed, it is a page a secretary files.
import { INK, MUTED_INK, BAND_TINT } from '../theme';
import { escapeHtml as e } from './html';
import type { Referat, ReferatBlock } from './referat';

const CSS = [
  `body{margin:0;background:#fff;color:${INK};font:16px/1.55 Arial,'Liberation Sans',Helvetica,sans-serif}`,
  'main{max-width:50rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.8rem;margin:0 0 .4em}h2{font-size:1.3rem;margin:1.5em 0 .4em;border-bottom:2px solid #b91c1c;padding-bottom:.15em}',
  'dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em .8em;margin:0 0 1em}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}',
  'table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.95rem}',
  `th,td{border:1px solid #8a93a0;padding:.35em .5em;text-align:left;vertical-align:top}thead th{background:${BAND_TINT}}`,
  `.closing{font-style:italic;color:${MUTED_INK};margin-top:2em}`,
  '@media print{main{max-width:none;padding:0}table{break-inside:avoid}}',
].join('\n');

function block(b: ReferatBlock): string {
  if (b.type === 'p') return `<p>${e(b.text)}</p>`;
  if (b.type === 'list') return `<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
  return [
    '<table>',
    `<thead><tr>${b.header.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td>${e(c)}</td>`)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

export function referatHtml(r: Referat): string {
  const body = [
    `<h1>${e(r.title)}</h1>`,
    `<dl class="facts">${r.facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
    ...r.sections.map((s) => `<section>\n<h2>${e(s.heading)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`),
    `<p class="closing">${e(r.closing)}</p>`,
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${r.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Målkart">',
    `<title>${e(r.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
