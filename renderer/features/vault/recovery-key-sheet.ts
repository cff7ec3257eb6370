// The recovery key as a page to print or keep as a file: the key, the day it was made, what protects
// the archive and what the key is for. Self-contained HTML under the export policy (no script,
// nothing fetched), so the host prints and saves it as it does an export.
import type { Protection } from '../../../shared/domain-vault';
import { EXPORT_CSP } from '../../../shared/export-csp';
import { formatDay } from '../../ui/dates';
import { recoveryKeyLines } from './recovery-key';
import { lossCase } from './vault-words';

export const SHEET_TITLE = 'Roundtable recovery key';
/** The name the save dialog suggests; a PDF is printed from the page and named after it, in .pdf. */
export const SHEET_FILE_NAME = `${SHEET_TITLE}.html`;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function protectionLine(protection: Protection): string {
  return protection.kind === 'keychain'
    ? `Encrypted; its key is kept in ${protection.store} on the computer the archive is on.`
    : 'Encrypted with a passphrase the chair chose, which Roundtable asks for at each start.';
}

export function recoveryKeySheetText(protection: Protection): {
  purpose: string;
  protection: string;
  care: string[];
} {
  return {
    purpose:
      `This key opens the Roundtable archive ${lossCase(protection)}: Roundtable asks for it, and the ` +
      'archive opens with everything in it.',
    protection: protectionLine(protection),
    care: [
      'Anyone who has this key and a copy of the archive can read it. Keep this page somewhere safe, ' +
        'away from the laptop the archive is on.',
      'When typing it, spaces, dashes and capitals do not matter.',
    ],
  };
}

const STYLE = `
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.6rem; }
.key { margin: 1.5rem 0; padding: 1rem 1.25rem; border: 2px solid #1d1d1f; border-radius: 6px; font: 600 1.3rem/1.7 'DejaVu Sans Mono', Menlo, Consolas, monospace; letter-spacing: 0.04em; }
.key span { display: block; white-space: nowrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0 0 1.5rem; }
dt { font-weight: bold; }
dd { margin: 0; }
@media print { body { margin: 0; max-width: none; } }
`;

export function recoveryKeySheet(key: string, protection: Protection, madeAt: number): string {
  const text = recoveryKeySheetText(protection);
  const lines = recoveryKeyLines(key).map((line) => `<span>${escapeHtml(line)}</span>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${SHEET_TITLE}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${SHEET_TITLE}</h1>`,
    `<p>${escapeHtml(text.purpose)}</p>`,
    `<p class="key">${lines.join('')}</p>`,
    '<dl>',
    `<dt>Made on</dt><dd>${escapeHtml(formatDay(madeAt))}</dd>`,
    `<dt>The archive</dt><dd>${escapeHtml(text.protection)}</dd>`,
    '</dl>',
    ...text.care.map((sentence) => `<p>${escapeHtml(sentence)}</p>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
