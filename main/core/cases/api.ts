import type { casesApi } from '../../../shared/api/cases';
import type { Handlers, Preparers } from '../context';
import { addAttachment, getAttachment, listAttachments } from './attachments';
import { deleteHoliday, listHolidays, upsertHoliday } from './calendar';
import { listCases } from './list';
import { setMajorDispute } from './major';
import { recordOnSpot } from './on-spot';
import { addParty, removeParty, revealParty, updateParty } from './parties';
import {
  actOnCase,
  addEmergencyReport,
  casesByContact,
  createCase,
  getCase,
  revealContact,
  setMediation,
} from './service';
import { loadTaxonomy, saveTaxonomy } from './taxonomy-store';
import { assembleUpload, beginUpload, receiveChunk } from './uploads';

type Assembled = Awaited<ReturnType<typeof assembleUpload>>;
type Received = Awaited<ReturnType<typeof receiveChunk>>;

export const casesHandlers: Handlers<typeof casesApi> = {
  'cases.create': (input, ctx) => createCase(ctx, input),
  'cases.recordOnSpot': (input, ctx) => recordOnSpot(ctx, input),
  'cases.get': (input, ctx) => getCase(ctx, input.id),
  'cases.act': (input, ctx) => actOnCase(ctx, input),
  'cases.setMediation': (input, ctx) => setMediation(ctx, input),
  'cases.addEmergencyReport': (input, ctx) => addEmergencyReport(ctx, input),
  'cases.setMajorDispute': (input, ctx) => setMajorDispute(ctx, input),
  'cases.addParty': (input, ctx) => getCase(ctx, addParty(ctx, input)),
  'cases.updateParty': (input, ctx) => getCase(ctx, updateParty(ctx, input)),
  'cases.removeParty': (input, ctx) => getCase(ctx, removeParty(ctx, input.id)),
  'cases.revealParty': (input, ctx) => revealParty(ctx, input.id),
  'cases.list': (input, ctx) => listCases(ctx, input),
  'cases.byContact': (input, ctx) => casesByContact(ctx, input.phone),
  'cases.revealContact': (input, ctx) => revealContact(ctx, input.id),
  'cases.beginAttachment': (input, ctx) => beginUpload(ctx, input),
  // The chunk is written by its preparer; nothing to do inside the transaction.
  'cases.attachmentChunk': (_input, ctx) => ctx.prepared as Received,
  'cases.finishAttachment': (_input, ctx) => {
    const { meta, file } = ctx.prepared as Assembled;
    return addAttachment(ctx, meta, file);
  },
  'cases.listAttachments': (input, ctx) => listAttachments(ctx, input.caseId),
  'cases.getAttachment': (input, ctx) => getAttachment(ctx, input.id, input.index),
  'taxonomy.list': (_input, ctx) => loadTaxonomy(ctx.db),
  'taxonomy.update': (input, ctx) => saveTaxonomy(ctx, input),
  'holidays.list': (input, ctx) => listHolidays(ctx, input),
  'holidays.upsert': (input, ctx) => upsertHoliday(ctx, input),
  'holidays.delete': (input, ctx) => {
    deleteHoliday(ctx, input.date);
    return {};
  },
};

export const casesPreparers: Preparers<typeof casesApi> = {
  'cases.attachmentChunk': receiveChunk,
  'cases.finishAttachment': assembleUpload,
};
