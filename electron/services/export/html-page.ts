// A self-contained HTML page for exports: inline CSS, no script, nothing fetched from anywhere, a CSP
// that forbids both, and every user string escaped through escapeHtml.
import { oneLine } from '../../../shared/digest-format';
import { EXPORT_CSP } from '../../../shared/export-csp';

export { EXPORT_CSP };

/**
 * The label a confidential situation carries wherever it leaves (a full export or a presenter's own
 * notes the chair confirmed): whoever it is forwarded to sees it was shared in trust.
 */
export const CONFIDENTIAL_LABEL = 'Confidential';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.meta, .notice { color: #555; }
.notice { border-left: 3px solid #b58900; padding-left: 0.6rem; }
.author { font-style: italic; color: #444; }
.endorsed { color: #2a6f2a; font-size: 0.9em; }
ul { padding-left: 1.3rem; }
li { margin: 0.2rem 0; }
hr { border: 0; border-top: 1px dashed #bbb; margin: 2rem 0; }
.confidential { display: inline-block; margin: 1.5rem 0 0; padding: 0.1rem 0.5rem; border: 2px solid #a4161a; color: #a4161a; font: bold 0.8rem/1.4 Arial, Helvetica, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; }
.confidential + h2 { margin-top: 0.4rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } li { break-inside: avoid; } }
`;

/** The whole page; `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Markdown's special characters backslash-escaped, and the text kept on one line (oneLine: a
 * non-breaking space stays). An "&" that would start a character reference ("&amp;") is escaped
 * too, so the importer, which decodes references in a page saved as text, reads it as written.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\d+)\. /, '$1\\. ')
    .replace(/^([-+]) /, '\\$1 ');
}
