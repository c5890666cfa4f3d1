/** Page count and the first page's size in points, read from a PDF's page objects (Chromium's output). */
export function pdfPages(pdf: Buffer): { count: number; size: number[] } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(text)![1]!.trim().split(/\s+/).map(Number);
  return { count, size: [Math.round(box[2]!), Math.round(box[3]!)] };
}

/** The paper in points (1/72 in) as Chromium rounds it, width first. */
export function paperPoints(paper: 'A4' | 'A3', orientation: 'portrait' | 'landscape'): number[] {
  const portrait = paper === 'A4' ? [595, 842] : [842, 1191];
  return orientation === 'portrait' ? portrait : [portrait[1]!, portrait[0]!];
}
