// The export formats, apart from the exporters: the routes need the list at start, the exporters
// (docx, PNG: large packages) load only where an export runs (renderJob.ts, on a worker).
export const EXPORT_FORMATS = ['docx', 'html', 'md', 'csv', 'json', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats the meeting referat is made in (#20 §2). */
export const REFERAT_FORMATS = ['md', 'html', 'docx'] as const;
