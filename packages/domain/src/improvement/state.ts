/** AUD-04, PDCA: planned (Plan) → doing (Do) → checked (Check) → Act: closed or next cycle. */
export type ImprovementStatus = 'none' | 'planned' | 'doing' | 'checked' | 'closed';

export interface ImprovementMilestoneState {
  readonly id: string;
  readonly dueDate: string;
  readonly completed: boolean;
}

export interface ImprovementState {
  readonly status: ImprovementStatus;
  readonly planId?: string;
  readonly cycle: number;
  readonly milestones: readonly ImprovementMilestoneState[];
}

export const initialImprovementState: ImprovementState = {
  status: 'none',
  cycle: 0,
  milestones: [],
};
