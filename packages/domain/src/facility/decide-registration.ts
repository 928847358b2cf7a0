// FAC-01, FAC-02: registration, technical documents, corrections, decommissioning.
import * as E from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { DomainError } from '../kernel/errors.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { type Decision, event, requireActive, today } from './decide-support.js';
import { alreadyRegistered, duplicate, rule, things } from './errors.js';
import type { RegistrationFields } from './schemas.js';
import type { FacilityState } from './state.js';
import { findFacilityClass } from './taxonomy.js';

interface Classification {
  readonly category: string;
  readonly classKey: string;
  readonly subClass?: string | undefined;
}

/** FAC-01: the class must be in the taxonomy, under its category, with a known sub-class. */
export const checkClassification = (
  c: Classification,
  prefix: readonly string[] = [],
): DomainError | undefined => {
  const found = findFacilityClass(c.classKey);
  if (found === undefined)
    return rule(
      'FACILITY_CLASS_UNKNOWN',
      'FAC-01',
      [...prefix, 'classKey'],
      `设施类别「${c.classKey}」不在分类目录中`,
      `facility class '${c.classKey}' is not in the taxonomy`,
    );
  if (found.category !== c.category)
    return rule(
      'FACILITY_CLASS_CATEGORY_MISMATCH',
      'FAC-01',
      [...prefix, 'category'],
      `设施类别「${c.classKey}」属于「${found.category}」，不属于「${c.category}」`,
      `facility class '${c.classKey}' belongs to '${found.category}', not '${c.category}'`,
    );
  if (c.subClass !== undefined && !Object.hasOwn(found.entry.subClasses, c.subClass))
    return rule(
      'FACILITY_SUBCLASS_UNKNOWN',
      'FAC-01',
      [...prefix, 'subClass'],
      `「${c.classKey}」没有子类「${c.subClass}」`,
      `class '${c.classKey}' has no sub-class '${c.subClass}'`,
    );
  return undefined;
};

const futureConstruction = (date: string): DomainError =>
  rule(
    'FACILITY_CONSTRUCTION_DATE_IN_FUTURE',
    'FAC-02',
    ['constructionDate'],
    `建设时间 ${date} 晚于今天`,
    `construction date ${date} is after today`,
  );

/** FAC-01, FAC-02: registers the facility with its basic information and documents. */
export const registerFacility = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const parsed = parseWith(C.RegisterFacility, data, 'FAC-02');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (state.status !== 'unregistered') return E.left(alreadyRegistered(d.facilityId));
  const classError = checkClassification(d);
  if (classError) return E.left(classError);
  const day = today(ctx);
  if (E.isLeft(day)) return day;
  if (d.constructionDate > day.right) return E.left(futureConstruction(d.constructionDate));
  const seen = new Set<string>();
  for (const [i, doc] of d.technicalDocuments.entries()) {
    if (seen.has(doc.documentId))
      return E.left(
        duplicate(
          'FAC-02',
          ['technicalDocuments', i, 'documentId'],
          things.document,
          doc.documentId,
        ),
      );
    seen.add(doc.documentId);
  }
  return E.right([event('FacilityRegistered', { ...d, registeredAt: ctx.now })]);
};

/** FAC-02: attaches a technical document by reference. */
export const attachTechnicalDocument = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'AttachTechnicalDocument');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.AttachTechnicalDocument, data, 'FAC-02');
  if (E.isLeft(parsed)) return parsed;
  const { document } = parsed.right;
  if (state.technicalDocuments.some((doc) => doc.documentId === document.documentId))
    return E.left(
      duplicate('FAC-02', ['document', 'documentId'], things.document, document.documentId),
    );
  return E.right([event('TechnicalDocumentAttached', { document, attachedAt: ctx.now })]);
};

type RegistrationKey = keyof RegistrationFields;
const registrationKeys: readonly RegistrationKey[] = [
  'name',
  'number',
  'category',
  'classKey',
  'subClass',
  'location',
  'constructionDate',
  'operatingUnit',
  'responsiblePerson',
];

/** X-01, ARC-03: a correction names what changed (before and after), who and why. */
export const correctRegistration = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'CorrectFacilityRegistration');
  if (E.isLeft(active)) return active;
  const current = active.right;
  const parsed = parseWith(C.CorrectFacilityRegistration, data, 'ARC-03');
  if (E.isLeft(parsed)) return parsed;
  const { changes, reason, correctsEventId } = parsed.right;
  const { classification, ...plain } = changes;
  if (classification) {
    const classError = checkClassification(classification, ['changes', 'classification']);
    if (classError) return E.left(classError);
  }
  const day = today(ctx);
  if (E.isLeft(day)) return day;
  if (plain.constructionDate !== undefined && plain.constructionDate > day.right)
    return E.left(
      rule(
        'FACILITY_CONSTRUCTION_DATE_IN_FUTURE',
        'FAC-02',
        ['changes', 'constructionDate'],
        `建设时间 ${plain.constructionDate} 晚于今天`,
        `construction date ${plain.constructionDate} is after today`,
      ),
    );
  // The fields the correction names; a classification names all three of its fields, so
  // one without a sub-class removes the old sub-class.
  const proposed = new Map<RegistrationKey, unknown>();
  for (const [key, value] of Object.entries(plain))
    if (value !== undefined) proposed.set(key as RegistrationKey, value);
  if (classification) {
    proposed.set('category', classification.category);
    proposed.set('classKey', classification.classKey);
    proposed.set('subClass', classification.subClass);
  }
  const changed: RegistrationKey[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of registrationKeys) {
    if (!proposed.has(key)) continue;
    const next = proposed.get(key);
    const prev = current[key];
    if (canonicalJson(next ?? null) === canonicalJson(prev ?? null)) continue;
    changed.push(key);
    if (prev !== undefined) before[key] = prev;
    if (next !== undefined) after[key] = next;
  }
  if (changed.length === 0)
    return E.left(
      rule(
        'FACILITY_CORRECTION_EMPTY',
        'ARC-03',
        ['changes'],
        '更正没有改变任何登记信息',
        'the correction changes nothing in the registration',
      ),
    );
  return E.right([
    event('FacilityRegistrationCorrected', {
      changed,
      before,
      after,
      reason,
      correctsEventId,
      correctedBy: ctx.actor,
      correctedAt: ctx.now,
    }),
  ]);
};

/** FAC-02: takes the facility out of service; open tasks and repair orders are cancelled. */
export const decommissionFacility = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'DecommissionFacility');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.DecommissionFacility, data, 'FAC-02');
  if (E.isLeft(parsed)) return parsed;
  return E.right([
    event('FacilityDecommissioned', {
      ...parsed.right,
      decommissionedAt: ctx.now,
      cancelledTaskIds: Object.keys(state.openTasks),
      cancelledRepairOrderIds: [...state.repairQueue],
    }),
  ]);
};
