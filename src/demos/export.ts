/** Exporting a demo's figure (SVG, PNG) and data (CSV, JSON) as downloads, all in the browser. */

export function downloadBlob(name: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/**
 * A standalone SVG document of the figure. Views draw with explicit attributes, except colours
 * that follow the theme through CSS variables: those are resolved here to their current values.
 */
export function svgToString(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const source = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, index) => {
    const copy = copies[index];
    if (!copy) return;
    const style = getComputedStyle(element);
    for (const property of ['fill', 'stroke', 'color', 'opacity', 'font-size', 'font-family']) {
      const value = style.getPropertyValue(property);
      if (value) (copy as SVGElement).style.setProperty(property, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(width)));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(height)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = svgToString(svg);
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw to a canvas');
  context.fillStyle = getComputedStyle(svg).getPropertyValue('--sl-color-bg') || '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
}

/** CSV with a header row; values are numbers or plain strings without commas. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => (typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : `"${value.replace(/"/g, '""')}"`);
  return [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
