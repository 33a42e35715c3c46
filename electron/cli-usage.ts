// The command line's usage error (exit status 2), shared by cli.ts and the command modules beside it.
export class UsageError extends Error {}
