import type { Handlers } from '../../../shared/api.ts';

/** A group of the contract's handlers; createCore joins the groups into the full table. */
export type HandlerGroup<K extends keyof Handlers> = Pick<Handlers, K>;
