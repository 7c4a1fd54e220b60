/**
 * The building blocks of the HTML digest: escaping and inline-styled tables,
 * headings and badges. Inline styles and tables rather than a stylesheet
 * and flexbox, because mail clients drop both.
 */
import { ROWS_SHOWN } from './format.js';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const COLORS = {
  text: '#0f172a',
  muted: '#64748b',
  border: '#e2e8f0',
  accent: '#2563eb',
  good: '#047857',
  bad: '#b91c1c',
  warn: '#b45309',
  panel: '#f8fafc',
};

const CELL = `padding:6px 8px;border-bottom:1px solid ${COLORS.border};vertical-align:top;font-size:13px;`;

export type Cell = { html: string; align?: 'left' | 'right'; style?: string };

/** A muted line saying how many rows were left out, or nothing. */
export function renderMore(total: number): string {
  return total > ROWS_SHOWN
    ? `<p style="margin:6px 0 0;font-size:12px;color:${COLORS.muted};">… and ${total - ROWS_SHOWN} more (retain digest --format json lists them all).</p>`
    : '';
}

/** A table; `headers` and `rows` hold already-escaped HTML. */
export function renderTable(headers: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const head = headers
    .map(
      (cell) =>
        `<th style="${CELL}text-align:${cell.align ?? 'left'};color:${COLORS.muted};font-weight:600;font-size:11px;text-transform:uppercase;letter-spacing:.04em;">${cell.html}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map(
            (cell) =>
              `<td style="${CELL}text-align:${cell.align ?? 'left'};${cell.align === 'right' ? 'white-space:nowrap;' : ''}${cell.style ?? ''}">${cell.html}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function renderSection(title: string, subtitle: string, body: string): string {
  return `<tr><td style="padding:20px 24px 4px;">
<h2 style="margin:0;font-size:17px;color:${COLORS.text};">${escapeHtml(title)}</h2>
<p style="margin:2px 0 10px;font-size:12px;color:${COLORS.muted};">${escapeHtml(subtitle)}</p>
${body}
</td></tr>`;
}

export function renderBadge(text: string, color: string): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:9px;background:${color};color:#fff;font-size:10px;font-weight:700;letter-spacing:.04em;">${escapeHtml(text)}</span>`;
}

export function renderEmpty(text: string): string {
  return `<p style="margin:4px 0;font-size:13px;color:${COLORS.muted};">${escapeHtml(text)}</p>`;
}

/** A row of summary tiles: big number, small label. */
export function renderTiles(
  tiles: readonly { value: string; label: string; color?: string }[],
): string {
  const cells = tiles
    .map(
      (tile) =>
        `<td style="padding:10px 12px;background:${COLORS.panel};border:1px solid ${COLORS.border};border-radius:6px;width:${Math.floor(100 / tiles.length)}%;">
<div style="font-size:22px;font-weight:700;color:${tile.color ?? COLORS.text};">${escapeHtml(tile.value)}</div>
<div style="font-size:11px;color:${COLORS.muted};">${escapeHtml(tile.label)}</div></td>`,
    )
    .join('<td style="width:8px;"></td>');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:separate;"><tr>${cells}</tr></table>`;
}
