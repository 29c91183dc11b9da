#!/usr/bin/env node
// The `quyu` command. Runs the built CLI (`npm run build` writes dist/cli/index.js); see src/cli/index.ts.
import { main } from '../dist/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
