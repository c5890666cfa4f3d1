/**
 * 当事人 for demo dispute cases: an 申请人 and a 被申请人 (now and then a 第三人) with valid invented
 * ID numbers, mobiles and addresses, sealed as the service seals them. They draw from their own
 * random stream, so adding them left every other demo column as it was for a given seed.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CasePartyRole } from '../../../shared/cases/parties';
import { isoDate } from '../../../shared/dates';
import type { Sex } from '../../../shared/people/codes';
import type { PiiCipher } from '../crypto/pii';
import type { Random } from '../people/random';
import { syntheticIdNumber, syntheticMobile } from '../people/synthetic';
import { personName, type Pick } from './demo-words';

export const PARTY_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'updated_by',
  'deleted_at',
  'case_id',
  'role',
  'name',
  'sex',
  'id_number_enc',
  'phone_enc',
  'address_enc',
  'note',
] as const;

type PartyRow = Record<(typeof PARTY_COLUMNS)[number], string | null>;

interface DemoPartyContext {
  rand: Random;
  pii: PiiCipher;
  /** The first six digits of the township code: where the parties' ID numbers say they were born. */
  countyCode: string;
  /** The case's registration instant (ms) and who registered it. */
  at: number;
  actorId: string;
  caseId: string;
  /** Where the dispute happened: the parties live there. */
  place: string;
}

const pickFrom =
  (rand: Random): Pick =>
  (list) =>
    rand.pick(list);

function birthDate(rand: Random, at: number): string {
  const year = new Date(at).getUTCFullYear() - rand.int(22, 75);
  return isoDate(year, rand.int(1, 12), rand.int(1, 28));
}

/** The parties of one dispute case, ready for the case_parties insert. */
export function demoParties(c: DemoPartyContext): PartyRow[] {
  const roles: CasePartyRole[] = ['applicant', 'respondent'];
  if (c.rand.chance(0.1)) roles.push('third');
  const when = new Date(c.at).toISOString();
  return roles.map((role) => {
    const sex: Sex = c.rand.chance(0.5) ? 'male' : 'female';
    return {
      id: uuidv7({ msecs: Math.floor(c.at), random: Uint8Array.from({ length: 16 }, () => c.rand.int(0, 255)) }),
      created_at: when,
      updated_at: when,
      updated_by: c.actorId,
      deleted_at: null,
      case_id: c.caseId,
      role,
      name: personName(pickFrom(c.rand)),
      sex,
      id_number_enc: c.pii.encrypt(syntheticIdNumber(c.rand, c.countyCode, birthDate(c.rand, c.at), sex)),
      phone_enc: c.rand.chance(0.9) ? c.pii.encrypt(syntheticMobile(c.rand)) : null,
      address_enc: c.pii.encrypt(c.place.replace(/\d+室$/, '')),
      note: null,
    };
  });
}
