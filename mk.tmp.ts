import { writeFileSync } from 'node:fs';
import { LIER } from '/work/wt/chapter/shared/export/testBoards';
import { renderJob } from '/work/wt/chapter/server/export/renderJob';
const [variant, hl, num, lang] = process.argv.slice(2);
const buf = await renderJob({ format: 'docx', board: LIER, opts: { view: 'all', lang: (lang ?? 'nb') as any, variant: variant as any, headingLevel: Number(hl) as any, numbering: num as any } });
writeFileSync('/tmp/out/lier.docx', buf);
