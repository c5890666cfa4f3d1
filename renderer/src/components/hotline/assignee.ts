/** Whom a hotline call is handed to: the grid's 网格员, or its village when the grid has none. */
import type { Grid } from '../../../../shared/api/org';
import type { GridTeam } from '../../../../shared/api/people';
import { EMPLOYMENT_LABELS } from '../../../../shared/people/codes';

export interface HotlineAssignee {
  kind: 'gridWorker' | 'village';
  id: string;
  name: string;
}

/** A 专职 worker before a 兼职 one, then whoever has served longest (the team lists by start date). */
export function hotlineAssignee(grid: Pick<Grid, 'villageId' | 'villageName'>, team: GridTeam): HotlineAssignee {
  const worker = team.workers.find((w) => w.kind === EMPLOYMENT_LABELS.full_time) ?? team.workers[0];
  return worker
    ? { kind: 'gridWorker', id: worker.personId, name: worker.name }
    : { kind: 'village', id: grid.villageId, name: grid.villageName };
}
