// The foot of a list read a page at a time (usePaged): "Show N more" while some are not shown, and
// what went wrong reading one, where the user is looking.
import type { Paged } from './usePaged.ts';

export function PagedMore(props: { list: Paged<unknown, unknown>; page: number; what?: string }) {
  const { list } = props;
  const left = list.total - list.items.length;
  return (
    <>
      {left > 0 ? (
        <button type="button" className="btn btn-small cmp-more" disabled={list.loading} onClick={list.more}>
          Show {Math.min(props.page, left)} more{props.what ? ` ${props.what}` : ''} ({list.items.length.toLocaleString()} of {list.total.toLocaleString()}{' '}
          shown)
        </button>
      ) : null}
      {list.error ? (
        <p role="alert" className="notice notice-error">
          {list.error}
        </p>
      ) : null}
    </>
  );
}
