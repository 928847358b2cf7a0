// Runs one scenario once in this (fresh) process and prints its measurement as JSON, so
// that peak RSS belongs to the scenario alone.
import { scenarios } from './scenarios/index.js';

const [key, mode] = process.argv.slice(2);
const scenario = key ? scenarios[key] : undefined;
if (!scenario) {
  console.error(`unknown scenario: ${key}`);
  process.exit(2);
}
const measurement = await scenario.run(mode === '--quick');
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...measurement, peakRssMb })}\n`);
