// The exporters of text formats: pure functions of an interchange board (docs/design.md "Export").
import type { BoardJson } from '../interchange/schema';
import { withoutXmlIllegal } from '../xmlText';

export { exportMarkdown, escapeMarkdownInline, escapeMarkdownLine, type MarkdownOptions } from './markdown';
export { exportCsv, NODE_COLUMNS, EDGE_COLUMNS } from './csv';
export { exportSvg, describeMap, escapeXml } from './svg';
export {
  buildPlanChapter, planChapterOf, HEADING_LEVELS, NUMBERINGS, VARIANTS,
  type HeadingLevelOption, type Numbering, type PlanBlock, type PlanChapter, type PlanItem, type PlanOptions, type Variant,
} from './planChapter';
export { exportHtml, escapeHtml, type HtmlOptions } from './html';
export { bandFigureSvg } from './figure';
export { EXPORT_LABELS, type ExportLang, type ExportLabels } from './labels';
export {
  agreementText, buildAgreementLog, buildAgreementOverview, buildCommentAppendix,
  type AgreementItem, type AgreementLogEntry, type AgreementOverview, type ChapterComment, type ChapterThread, type CommentAppendix,
} from './workshop';
export { formatDateTime, viewGraph } from './format';
export {
  buildReferat, type Referat, type ReferatAuditEntry, type ReferatBlock, type ReferatInput, type ReferatParticipant, type ReferatSection,
} from './referat';
export { referatMarkdown } from './referatMarkdown';
export { referatHtml } from './referatHtml';

/** Interchange v1, lossless and re-importable; ends in a newline like the project's own board files. */
export function exportJson(board: BoardJson): string {
  return `${JSON.stringify(withoutXmlIllegal(board), null, 2)}\n`;
}
