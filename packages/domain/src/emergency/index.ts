// Emergency preparedness beside the incident aggregate: plans and drills per facility class
// (EMG-03, streams `emergency-plan-<planId>`) and reserve capacity (EMG-04, `reserve-<facilityId>`).
export * from './plan/index.js';
export * from './reserve/index.js';
