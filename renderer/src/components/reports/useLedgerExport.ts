/**
 * 导出 of a streamed form (事件台账) as a job: Electron asks where to save first; the job starts,
 * its progress is polled while the page stays usable, and the finished file is saved there (Electron)
 * or downloaded (browser mode).
 */
import { useEffect, useRef, useState } from 'react';
import type { LedgerJobInfo } from '../../../../shared/api/reports';
import { api } from '../../api/client';
import { getSession } from '../../api/session';
import { downloadLedger } from './deliver';

const POLL_MS = 300;

/** The file name the core gives the form's title (characters Windows refuses become _). */
export const xlsxNameOf = (title: string) => `${title.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;

type StartInput = Parameters<typeof api.reports.ledgerStart>[0];

export function useLedgerExport(onFinished: (job: LedgerJobInfo, saved: boolean) => void) {
  const [job, setJob] = useState<LedgerJobInfo | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  async function run(input: StartInput, title: string): Promise<void> {
    const fileName = xlsxNameOf(title);
    const ticket = window.zongzhi?.chooseLedgerPath ? await window.zongzhi.chooseLedgerPath(fileName) : undefined;
    if (ticket === null) return; // the clerk cancelled the save dialog
    let current = await api.reports.ledgerStart(input);
    setJob(current);
    try {
      while (current.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!alive.current) return;
        current = await api.reports.ledgerProgress({ jobId: current.id });
        setJob(current);
      }
      if (current.state === 'failed') throw new Error(current.error ?? '导出失败');
      const saved = ticket
        ? await window.zongzhi!.saveLedger!(ticket, current.id, getSession())
        : (await downloadLedger(current.id, current.fileName), true);
      onFinished(current, saved);
    } finally {
      if (alive.current) setJob(null);
    }
  }

  return { job, run };
}
