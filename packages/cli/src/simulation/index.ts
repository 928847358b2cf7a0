// The simulated city: a seedable generator of a city's commands and a driver through the deciders.
export { buildCity, type Centre, type City, type Department } from './city.js';
export { type DriveOptions, type DriveStats, driveCommands } from './drive.js';
export type { Case, Flow, FlowStep, SimAggregate, SimCommand } from './flow.js';
export { cityCommands, type SimulationOptions, simulatedCity } from './generate.js';
export { createRandom, type Random } from './prng.js';
