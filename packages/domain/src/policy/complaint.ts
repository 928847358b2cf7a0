import { z } from 'zod';
import { Workdays } from './common.js';

export const ComplaintGrade = z.object({
  id: z.string().min(1),
  zh: z.string().min(1),
  /** CMP-02: complaints of this grade escalate to a higher department or a third party. */
  escalate: z.boolean(),
});

export const ComplaintPolicy = z.object({
  /** CMP-03: investigation done and result fed back within this many working days. */
  answerWorkdays: Workdays,
  /** CMP-02: the grades used for graded handling (分级处理). */
  grades: z.array(ComplaintGrade).min(1),
  /** CMP-04: whether the closed loop requires a return visit (回访) before closing. */
  returnVisitRequired: z.boolean(),
});
export type ComplaintPolicy = z.infer<typeof ComplaintPolicy>;

export const defaultComplaintPolicy: ComplaintPolicy = {
  answerWorkdays: 3,
  grades: [
    { id: 'general', zh: '一般', escalate: false },
    { id: 'serious', zh: '较重', escalate: false },
    { id: 'major', zh: '重大', escalate: true },
    { id: 'complex', zh: '复杂', escalate: true },
  ],
  // 000 §3 and hotline practice visit the complainant after the answer; 001 §7.2 leaves it
  // optional, so a jurisdiction may switch it off.
  returnVisitRequired: true,
};
