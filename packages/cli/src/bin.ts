#!/usr/bin/env node
import { run } from './program.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Set the exit code rather than calling exit(): stdout may still be draining into a pipe.
process.exitCode = await run(process.argv.slice(2));
