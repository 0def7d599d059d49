/** The export buttons of a demo: its figure as SVG or PNG, its data as CSV or JSON. */
import { downloadBlob, svgToPng, svgToString } from '../../demos/export.ts';
import type { Settings } from '../../demos/settings.ts';
import type { DemoRun } from '../../demos/types.ts';

export const EXPORT_ACTIONS = ['export-png', 'export-svg', 'export-csv', 'export-json'] as const;
export type ExportAction = (typeof EXPORT_ACTIONS)[number];

export function isExportAction(action: string): action is ExportAction {
  return (EXPORT_ACTIONS as readonly string[]).includes(action);
}

export async function exportDemo(action: ExportAction, demo: { id: string; run: DemoRun | undefined; settings: Settings; backend: string | undefined }): Promise<void> {
  const { id, run } = demo;
  if (!run) return;
  if (action === 'export-svg' || action === 'export-png') {
    const svg = run.figure();
    if (!svg) return;
    if (action === 'export-svg') downloadBlob(`${id}.svg`, new Blob([svgToString(svg)], { type: 'image/svg+xml' }));
    else downloadBlob(`${id}.png`, await svgToPng(svg, 2));
    return;
  }
  const { csv, json } = run.exportData();
  if (action === 'export-csv') downloadBlob(`${id}.csv`, new Blob([csv], { type: 'text/csv' }));
  else downloadBlob(`${id}.json`, new Blob([JSON.stringify({ demo: id, backend: demo.backend, settings: demo.settings, data: json }, null, 2)], { type: 'application/json' }));
}
