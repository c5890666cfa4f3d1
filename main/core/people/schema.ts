import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { EMPLOYMENTS, SEXES } from '../../../shared/people/codes';
import { ASSISTANT_KINDS, INSTRUCTOR_KINDS, PARTY_ROLES, POST_TYPES } from '../../../shared/people/posts';
import { syncedColumns } from '../db/columns';
import { grids, partyGroups, villages } from '../org/schema';

/**
 * A person of a grid team. ID number, phone and address are personal information: stored only
 * encrypted (`v1:<keyId>:…`, see crypto/pii.ts); `id_number_hash` is a keyed HMAC of the 18-digit
 * form so the same person is found (and never registered twice) without decrypting.
 */
export const persons = sqliteTable(
  'persons',
  {
    ...syncedColumns,
    name: text('name').notNull(),
    sex: text('sex', { enum: SEXES }).notNull(), // derived from the ID number
    birthDate: text('birth_date').notNull(), // derived from the ID number
    politicalStatus: text('political_status'), // GB/T 4762 code
    education: text('education'), // GB/T 4658 code
    addressEnc: text('address_enc'),
    phoneEnc: text('phone_enc'),
    idNumberEnc: text('id_number_enc').notNull(), // as entered: 18 digits, or 15 for a legacy number
    idNumberHash: text('id_number_hash').notNull(),
    idLegacy: integer('id_legacy', { mode: 'boolean' }).notNull().default(false),
    partyMember: integer('party_member', { mode: 'boolean' }).notNull().default(false),
    partyRole: text('party_role', { enum: PARTY_ROLES }),
    partyGroupId: text('party_group_id').references(() => partyGroups.id),
    registeredOn: text('registered_on'),
    remarks: text('remarks'),
  },
  (t) => [
    uniqueIndex('persons_id_hash_live_uq')
      .on(t.idNumberHash)
      .where(sql`deleted_at IS NULL`),
    index('persons_name_idx').on(t.name),
  ],
);

/** A post held by a person; ending it sets `end_date`, so the history stays. */
export const posts = sqliteTable(
  'posts',
  {
    ...syncedColumns,
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type', { enum: POST_TYPES }).notNull(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id), // always set: the grid's village for grid posts
    gridId: text('grid_id').references(() => grids.id), // 网格员, 网格辅助员
    employment: text('employment', { enum: EMPLOYMENTS }), // 网格员
    assistantKind: text('assistant_kind', { enum: ASSISTANT_KINDS }),
    instructorKind: text('instructor_kind', { enum: INSTRUCTOR_KINDS }), // 网格指导员
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
  },
  (t) => [
    index('posts_person_idx').on(t.personId),
    index('posts_grid_idx').on(t.gridId),
    index('posts_village_idx').on(t.villageId),
  ],
);

/** Training sessions a person attended. */
export const trainings = sqliteTable(
  'trainings',
  {
    ...syncedColumns,
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    topic: text('topic').notNull(),
    hours: real('hours').notNull(),
  },
  (t) => [index('trainings_person_idx').on(t.personId)],
);
