#!/usr/bin/env node
// Corroborate's command line. It runs the TypeScript sources directly, which needs Node 22.18 or
// later; `npx corroborate` from the project uses the Node 24 that `npm ci` installs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Corroborate needs Node 22.18 or later (this is ${process.version}). Run it as \`npx corroborate\` from the project folder, which uses the project's own Node.`,
  );
  process.exit(2);
}
const { runCli } = await import('../electron/cli.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
