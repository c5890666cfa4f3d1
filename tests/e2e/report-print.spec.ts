/**
 * Every registered form's on-screen preview printed by Chromium, as 打印 in browser mode prints it:
 * the @page CSS must give the form's paper and orientation, and the statistics forms must fit one
 * sheet (the county files them as one page). The township is tests/helpers/print-township.ts, the
 * one scripts/render-report-forms.ts renders for people to look at.
 */
import { expect, newClockedPage, test } from './fixtures';
import { REPORT_FORMS } from '../../main/core/reports/forms/registry';
import { pdfPages, paperPoints } from '../helpers/pdf-pages';
import { printPeriod, seedPrintTownship } from '../helpers/print-township';

/** Pages each form takes for this township in 2026-10 (or 2026); a form missing here only has to print. */
const EXPECTED_PAGES: Record<string, number> = {
  'grid-basics': 1,
  'case-handling': 1,
  disputes: 1,
  'fieldwork-yearly': 1,
};

test('each form’s preview prints on its paper, the statistics forms on one page', async ({ browser }) => {
  const t = seedPrintTownship();
  const paper = await newClockedPage(browser);
  try {
    const printed: Record<string, number> = {};
    for (const form of REPORT_FORMS) {
      const { id, paper: size, orientation } = form.definition;
      const preview = t.ok<{ html: string; rowCount: number }>(
        'reports.preview',
        { form: id, period: printPeriod(form, '2026-10') },
        t.admin,
      );
      expect(preview.rowCount, id).toBeGreaterThan(0);
      await paper.setContent(preview.html);
      const pdf = pdfPages(await paper.pdf({ preferCSSPageSize: true }));
      expect(pdf.size, id).toEqual(paperPoints(size, orientation));
      printed[id] = pdf.count;
    }
    for (const [id, pages] of Object.entries(EXPECTED_PAGES)) expect(printed[id], id).toBe(pages);
    // The roster of 70-odd posts runs on; its header repeats (tested in reports.spec.ts).
    expect(printed['grid-roster']).toBeGreaterThan(1);
  } finally {
    await paper.close();
    t.core.close();
  }
});
