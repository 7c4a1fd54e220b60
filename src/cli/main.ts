#!/usr/bin/env node
/** Entry point of the installed `retain` command; see program.ts. */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
